package io.rtmstreams.app.cli;

import io.rtmstreams.app.loadgen.LoadProgress;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far {@code loadgen} is: on a terminal a bar per phase in the commands' one style; elsewhere (pipelines,
 * containers, CI logs) a line when a phase begins and then one every {@code interval}, with the count and the rate.
 */
final class LoadgenProgress implements LoadProgress {

    private final PrintStream terminal;
    private final PrintWriter lines;
    private final LongSupplier clock;
    private final long intervalNanos;
    private ProgressBar bar;
    private String phase;
    private long total;
    private String unit;
    private long phaseStart;
    private long lastLine;

    private LoadgenProgress(PrintStream terminal, PrintWriter lines, LongSupplier clock, long intervalNanos) {
        this.terminal = terminal;
        this.lines = lines;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
    }

    /** Bars on {@code terminal}. */
    static LoadgenProgress bars(PrintStream terminal) {
        return new LoadgenProgress(terminal, null, System::nanoTime, 0);
    }

    /** Plain lines on {@code lines}, one every {@code intervalNanos} of {@code clock} within a phase. */
    static LoadgenProgress lines(PrintWriter lines, LongSupplier clock, long intervalNanos) {
        return new LoadgenProgress(null, lines, clock, intervalNanos);
    }

    @Override
    public void phase(String name, long total, String unit) {
        close();
        if (terminal != null) {
            bar = ReadProgress.bar(name, total, unit, 1, terminal);
            return;
        }
        this.phase = name;
        this.total = total;
        this.unit = unit;
        phaseStart = clock.getAsLong();
        lastLine = phaseStart;
        lines.println(total < 0 ? "loadgen: " + name + "..."
                : String.format(Locale.ROOT, "loadgen: %s (%,d%s)...", name, total, unit));
    }

    @Override
    public void at(long done) {
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        long now = clock.getAsLong();
        if (phase == null || now - lastLine < intervalNanos) {
            return;
        }
        lastLine = now;
        String of = total < 0 ? "" : String.format(Locale.ROOT, " of %,d", total);
        double rate = done / Math.max((now - phaseStart) / 1e9, 1e-6);
        // A wait for a few results has no rate worth showing.
        String perSecond = rate < 1 ? "" : String.format(Locale.ROOT, ", %,.0f/s", rate);
        lines.println(String.format(Locale.ROOT, "loadgen: %s: %,d%s%s%s", phase, done, of, unit, perSecond));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
