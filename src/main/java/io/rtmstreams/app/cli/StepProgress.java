package io.rtmstreams.app.cli;

import io.rtmstreams.app.V1Migration;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Progress of work done in steps of known size in records ({@code migrate-v1}): a bar per step on the terminal, or,
 * where nobody watches one, a line naming each step and its size.
 */
final class StepProgress implements V1Migration.Progress, AutoCloseable {

    private final PrintStream terminal;
    private final PrintWriter messages;
    private ProgressBar bar;

    private StepProgress(PrintStream terminal, PrintWriter messages) {
        this.terminal = terminal;
        this.messages = messages;
    }

    /** Bars on {@code terminal}. */
    static StepProgress shown(PrintStream terminal) {
        return new StepProgress(terminal, null);
    }

    /** One line per step on {@code messages}. */
    static StepProgress lines(PrintWriter messages) {
        return new StepProgress(null, messages);
    }

    @Override
    public void phase(String description, long total) {
        close();
        if (terminal != null) {
            bar = ReadProgress.bar(description, total, " records", 1, terminal);
        } else {
            messages.printf("%s (%,d records)...%n", description, total);
        }
    }

    @Override
    public void at(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
