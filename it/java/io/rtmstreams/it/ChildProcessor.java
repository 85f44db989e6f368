package io.rtmstreams.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A processor instance in a child JVM ({@link ProcessorLauncher}) on the test's own classpath, with its output in a
 * log file that a failure message quotes. {@link #kill()} is {@code SIGKILL}: the instance gets no chance to commit,
 * flush or leave its consumer group.
 */
final class ChildProcessor implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Path readyFile;

    private ChildProcessor(Process process, Path log, Path readyFile) {
        this.process = process;
        this.log = log;
        this.readyFile = readyFile;
    }

    /** Starts the child; {@code workDir} receives its log and ready file. */
    static ChildProcessor start(RtmTestApp app, String bootstrapServers, Path dataDir, Path workDir,
                                Map<String, String> kafkaProperties) {
        Path log = workDir.resolve("child-processor.log");
        Path ready = workDir.resolve("child-processor.ready");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ProcessorLauncher.class.getName()));
        command.addAll(ProcessorLauncher.arguments(app, bootstrapServers, dataDir, ready, kafkaProperties));
        try {
            Files.deleteIfExists(ready);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildProcessor(p, log, ready);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the child processor", e);
        }
    }

    /** Waits until the child's Kafka Streams runs; returns its query API port. Fails early if the child died. */
    int awaitReady() {
        Waiting.until("the child processor getting ready", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the child processor exited with " + process.exitValue() + ":\n" + logTail());
            }
            return Files.exists(readyFile);
        }, this::logTail);
        try {
            return Integer.parseInt(Files.readString(readyFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone; returns its exit status (137 after a SIGKILL). */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(KafkaTestClients.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the killed child processor is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing the child processor", e);
        }
        return process.exitValue();
    }

    /** The end of the child's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
