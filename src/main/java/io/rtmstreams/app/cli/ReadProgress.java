package io.rtmstreams.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Progress of reading an input: a bar on the terminal that follows the bytes read (with rate and ETA, and the
 * records sent as its message), or nothing. Messages about the input go to {@code messages}; while a bar is drawn
 * they are held back and printed when it closes, so they do not tear the bar.
 */
final class ReadProgress implements AutoCloseable {

    private static final long KIB = 1024;
    private static final int UPDATE_MILLIS = 250;

    private final ProgressBar bar;
    private final PrintWriter messages;
    private final List<String> heldBack = new ArrayList<>();

    private ReadProgress(ProgressBar bar, PrintWriter messages) {
        this.bar = bar;
        this.messages = messages;
    }

    /** A bar on {@code terminal} for an input of {@code totalBytes} (negative: unknown size, no percentage). */
    static ReadProgress shown(String task, long totalBytes, PrintStream terminal, PrintWriter messages) {
        return new ReadProgress(bar(task, totalBytes < 0 ? -1 : totalBytes, unitName(totalBytes),
                unitSize(totalBytes), terminal), messages);
    }

    /** A bar of the commands' one style: a task, a maximum (-1: unknown), a unit, speed, four updates a second. */
    static ProgressBar bar(String task, long max, String unitName, long unitSize, PrintStream terminal) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unitName, unitSize)
                .showSpeed(new DecimalFormat("0.0"))
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .build();
    }

    /** The bar counts in whole units: bytes for small inputs, KiB, and MiB from 16 MiB (unknown sizes: KiB). */
    static long unitSize(long totalBytes) {
        if (totalBytes >= 0 && totalBytes < KIB * KIB) {
            return 1;
        }
        return totalBytes >= 16 * KIB * KIB ? KIB * KIB : KIB;
    }

    static String unitName(long totalBytes) {
        long size = unitSize(totalBytes);
        return size == 1 ? " B" : size == KIB ? " KiB" : " MiB";
    }

    static ReadProgress hidden(PrintWriter messages) {
        return new ReadProgress(null, messages);
    }

    /** {@code input}, counting its bytes on the bar. */
    InputStream track(InputStream input) {
        return bar == null ? input : new CountingStream(input, bar);
    }

    void sent(long records) {
        if (bar != null) {
            // The bar prints the message right after the speed, without a space of its own.
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d sent", records));
        }
    }

    void report(String message) {
        if (bar == null) {
            messages.println(message);
        } else {
            heldBack.add(message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            heldBack.forEach(messages::println);
        }
    }

    /** Steps the bar by every byte read. */
    private static final class CountingStream extends FilterInputStream {

        private final ProgressBar bar;

        CountingStream(InputStream in, ProgressBar bar) {
            super(in);
            this.bar = bar;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bar.step();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bar.stepBy(n);
            }
            return n;
        }
    }
}
