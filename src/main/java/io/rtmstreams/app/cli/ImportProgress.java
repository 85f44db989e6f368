package io.rtmstreams.app.cli;

import io.rtmstreams.app.importer.ImportRun;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The progress of {@code import}: on a terminal a bar per file that follows its (compressed) bytes, with the records,
 * prefixes and prefixes per second as its message; elsewhere a line every {@value #LINE_SECONDS} s. Problems of
 * the input are listed (the first {@value #LISTED} of them, then only counted), held back while a bar is drawn.
 */
final class ImportProgress implements ImportRun.Listener, AutoCloseable {

    static final int LISTED = 50;
    private static final long LINE_SECONDS = 5;

    private final PrintStream terminal;
    private final PrintWriter messages;
    private final List<String> heldBack = new ArrayList<>();
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private String fileName;
    private long fileSize;
    private long lastLine = System.nanoTime();
    private long problems;

    private ImportProgress(PrintStream terminal, PrintWriter messages) {
        this.terminal = terminal;
        this.messages = messages;
    }

    static ImportProgress bars(PrintStream terminal, PrintWriter messages) {
        return new ImportProgress(terminal, messages);
    }

    static ImportProgress lines(PrintWriter messages) {
        return new ImportProgress(null, messages);
    }

    @Override
    public void file(Path file, long size) {
        closeBar();
        fileName = file.getFileName().toString();
        fileSize = size;
        if (terminal != null) {
            bar = ReadProgress.bar("import " + fileName, size, ReadProgress.unitName(size),
                    ReadProgress.unitSize(size), terminal);
        }
    }

    @Override
    public void progress(long fileBytes, long records, long prefixes) {
        String counts = String.format(Locale.ROOT, "%,d records, %,d prefixes (%,.0f/s)", records, prefixes,
                prefixes / Math.max((System.nanoTime() - started) / 1e9, 1e-3));
        if (bar != null) {
            bar.stepTo(fileBytes);
            bar.setExtraMessage(" " + counts);
        } else if (System.nanoTime() - lastLine >= LINE_SECONDS * 1_000_000_000L) {
            lastLine = System.nanoTime();
            messages.printf(Locale.ROOT, "import: %s %d%%: %s%n", fileName, fileSize <= 0 ? 100
                    : fileBytes * 100 / fileSize, counts);
        }
    }

    @Override
    public void problem(String message) {
        problems++;
        if (problems <= LISTED) {
            say(message);
        } else if (problems == LISTED + 1) {
            say("further problems are counted, not listed");
        }
    }

    private void say(String message) {
        if (bar == null) {
            messages.println(message);
        } else {
            heldBack.add(message);
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            heldBack.forEach(messages::println);
            heldBack.clear();
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
