package io.rtmstreams.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kcat command-line client (librdkafka, not the Java clients), run as a separate process: an independent check
 * that what the broker and the Java clients write is ordinary Kafka data. CI installs it in {@code .ci/run}; on a
 * developer machine without it the tests that need it fail and say how to install it, rather than skip silently.
 */
final class Kcat {

    private static final String INSTALL_HINT = "kcat is not on the PATH, and the kcat interoperability tests need it."
            + " Install it: 'apt-get install kcat' (Debian, Ubuntu), 'brew install kcat' (macOS);"
            + " CI installs it in .ci/run.";

    private final Path executable;

    private Kcat(Path executable) {
        this.executable = executable;
    }

    /** The kcat on the PATH; fails the calling test with installation instructions when there is none. */
    static Kcat onPath() {
        return findOnPath().map(Kcat::new).orElseThrow(() -> new AssertionError(INSTALL_HINT));
    }

    private static Optional<Path> findOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "kcat"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** What a finished kcat run printed. */
    record Output(List<String> lines, String errors) {
    }

    /**
     * Runs kcat with {@code arguments}, feeding {@code input} lines to its standard input, and returns its output
     * lines; fails unless it exits with status 0 within {@link KafkaTestClients#PATIENCE}.
     */
    Output run(List<String> arguments, List<String> input) {
        try {
            Path stdin = Files.createTempFile("kcat-in-", ".txt");
            Path stdout = Files.createTempFile("kcat-out-", ".txt");
            Path stderr = Files.createTempFile("kcat-err-", ".txt");
            try {
                Files.write(stdin, input, StandardCharsets.UTF_8);
                int status = runToCompletion(arguments, stdin, stdout, stderr);
                Output output = new Output(Files.readAllLines(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
                if (status != 0) {
                    throw new AssertionError("kcat " + arguments + " exited with " + status + ": " + output.errors());
                }
                return output;
            } finally {
                Files.delete(stdin);
                Files.delete(stdout);
                Files.delete(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kcat " + arguments, e);
        }
    }

    private int runToCompletion(List<String> arguments, Path stdin, Path stdout, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectInput(stdin.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(KafkaTestClients.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kcat " + arguments + " did not finish within " + KafkaTestClients.PATIENCE);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while kcat ran", e);
        }
    }
}
