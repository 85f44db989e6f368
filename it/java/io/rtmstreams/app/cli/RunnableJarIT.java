package io.rtmstreams.app.cli;

import io.rtmstreams.it.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users start it, {@code java -jar target/rtm-streams.jar}: its manifest, merged service files and
 * logging configuration work, {@code run} starts the embedded broker and stops cleanly on SIGTERM, and the log stays
 * quiet.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("rtm.jar", "target/rtm-streams.jar"));
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);
    /** The JVM's exit status after a shutdown that SIGTERM started. */
    private static final int SIGTERM_EXIT = 143;

    @Test
    void printsItsVersionAndHelp(@TempDir Path dir) throws Exception {
        Finished version = runToEnd(dir, "--version");
        Finished help = runToEnd(dir, "run", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("rtm-streams " + VersionProvider.version()).contains("Kafka 4.4.0");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: rtm-streams run", "Env: RTM_BOOTSTRAP_SERVERS", "Env: RTM_DATA_DIR");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void runStartsTheEmbeddedBrokerAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process run = start(dir, out, err, "run", "--data-dir", dir.resolve("data").toString(),
                "--embedded-port", "0", "--api-port", "0");
        try {
            awaitText(run, out, err, "Stop with Ctrl-C or SIGTERM.");
            run.destroy();
            assertThat(run.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("stopped").isTrue();
        } finally {
            run.destroyForcibly();
        }

        String log = read(err);
        assertThat(run.exitValue()).as(log).isEqualTo(SIGTERM_EXIT);
        assertThat(read(out)).contains("(embedded broker, new data in", "rtm.route-adverts", "Stopping rtm-streams");
        assertThat(log).containsPattern("INFO .*rtm-streams started in \\d+\\.\\d s")
                .containsPattern("INFO .*rtm-streams stopped in \\d+\\.\\d s")
                .doesNotContain(" ERROR ", "\tat ");
        assertThat(Files.exists(dir.resolve("data/kafka/meta.properties"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("data/state"))).isTrue();
    }

    private record Finished(int exitCode, String out, String err) {
    }

    private static Finished runToEnd(Path dir, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = start(dir, out, err, args);
        assertThat(process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), read(out), read(err));
    }

    private static Process start(Path dir, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static void awaitText(Process process, Path out, Path err, String text) {
        Waiting.until("the jar printing '" + text + "'", START_PATIENCE, () -> {
            if (read(out).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the jar ended before printing '" + text + "':\n" + read(out) + read(err));
            }
            return false;
        }, () -> "it printed:\n" + read(out) + read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
