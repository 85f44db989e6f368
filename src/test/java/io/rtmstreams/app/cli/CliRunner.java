package io.rtmstreams.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the {@code rtm-streams} command line in this JVM as {@link Main} builds it, with a given environment and
 * standard input, and captures what it prints.
 */
final class CliRunner {

    /** What a command printed and its exit code. */
    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment;
    private final String stdin;
    private final StopSignal stopSignal;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliRunner(Map<String, String> environment, String stdin, StopSignal stopSignal) {
        this.environment = environment;
        this.stdin = stdin;
        this.stopSignal = stopSignal;
    }

    static CliRunner cli() {
        return new CliRunner(Map.of(), "", new StopSignal());
    }

    CliRunner withEnvironment(Map<String, String> variables) {
        return new CliRunner(variables, stdin, stopSignal);
    }

    CliRunner withStdin(String text) {
        return new CliRunner(environment, text, stopSignal);
    }

    /** The signal {@code run} waits on: request a stop through it. */
    StopSignal stopSignal() {
        return stopSignal;
    }

    Result run(String... args) {
        int exitCode = commandLine().execute(args);
        return new Result(exitCode, out(), err());
    }

    /** What was printed to standard output so far (safe while a command runs on another thread). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The command line itself, for parsing without running. */
    picocli.CommandLine commandLine() {
        Stdio stdio = new Stdio(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return Cli.create(environment, stdio, () -> stopSignal);
    }
}
