package io.rtmstreams.app.cli;

/** The entry point of the runnable jar: {@code java -jar rtm-streams.jar COMMAND [OPTIONS]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = Cli.create(System.getenv(), Stdio.system(), StopSignal::onJvmShutdown).execute(args);
        System.exit(exitCode);
    }
}
