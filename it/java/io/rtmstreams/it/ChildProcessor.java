package io.rtmstreams.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A processor instance as users run it, in a JVM of its own: the shaded jar's {@code run} command (failsafe passes
 * the jar's path as {@code rtm.jar}) with the deployment's topics, application id and data directory, its output in
 * a log file that a failure message quotes. {@link #kill()} is {@code SIGKILL}: the instance gets no chance to
 * commit, flush or leave its consumer group.
 */
final class ChildProcessor implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("rtm.jar", "target/rtm-streams.jar"));
    /** The line of {@code run}'s start-up report that says where the query API listens, printed once it runs. */
    private static final Pattern API_LINE = Pattern.compile("^\\s*query API\\s+http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;

    private ChildProcessor(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java -jar rtm-streams.jar run} for {@code app} on {@code bootstrapServers}, its state in
     * {@code dataDir}; {@code workDir} receives its log and the Kafka client properties it is given.
     */
    static ChildProcessor start(RtmTestApp app, String bootstrapServers, Path dataDir, Path workDir,
                                Map<String, String> kafkaProperties) {
        return start(app, bootstrapServers, dataDir, workDir, kafkaProperties, List.of());
    }

    /** {@link #start(RtmTestApp, String, Path, Path, Map)} with further options of {@code run}. */
    static ChildProcessor start(RtmTestApp app, String bootstrapServers, Path dataDir, Path workDir,
                                Map<String, String> kafkaProperties, List<String> runArgs) {
        Path log = workDir.resolve("child-processor.log");
        try {
            Path clientConfig = workDir.resolve("child-kafka.properties");
            Properties p = new Properties();
            p.putAll(kafkaProperties);
            try (Writer w = Files.newBufferedWriter(clientConfig, StandardCharsets.UTF_8)) {
                p.store(w, "Kafka client settings of the child processor");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", JAR.toAbsolutePath().toString(), "run",
                    "--bootstrap-servers", bootstrapServers,
                    "--data-dir", dataDir.toString(),
                    "--application-id", app.applicationId(),
                    "--topic-prefix", app.topics().prefix(),
                    "--partitions", Integer.toString(app.partitions()),
                    "--replication-factor", "1",
                    "--api-host", "127.0.0.1",
                    "--api-port", "0",
                    "--kafka-config", clientConfig.toString()));
            command.addAll(runArgs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ChildProcessor(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the child processor", e);
        }
    }

    /** Waits until the child reports that it runs; returns its query API port. Fails early if the child died. */
    int awaitReady() {
        Waiting.until("the child processor reporting that it runs", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the child processor exited with " + process.exitValue() + ":\n" + logTail());
            }
            return apiPort().isPresent();
        }, this::logTail);
        return apiPort().orElseThrow();
    }

    private Optional<Integer> apiPort() {
        for (String line : logLines()) {
            Matcher m = API_LINE.matcher(line);
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
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

    /**
     * Freezes the child (SIGSTOP) or lets it go on (SIGCONT, {@code frozen} false): a frozen child holds whatever
     * transaction it has open, so a test can look at it before a {@link #kill()}.
     */
    void freeze(boolean frozen) {
        try {
            Process signal = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(process.pid()))
                    .redirectErrorStream(true).start();
            if (signal.waitFor() != 0) {
                throw new AssertionError("kill " + (frozen ? "-STOP" : "-CONT") + " failed: "
                        + new String(signal.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal the child processor", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signalling the child processor", e);
        }
    }

    /** The end of the child's log, for failure messages. */
    String logTail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
