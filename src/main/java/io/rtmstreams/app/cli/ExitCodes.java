package io.rtmstreams.app.cli;

import picocli.CommandLine;

/** The exit codes of every command, listed in the root command's help. */
final class ExitCodes {

    static final int OK = CommandLine.ExitCode.OK;
    /** The work failed: broker or API unreachable, topics not co-partitioned (D2), a record not sent. */
    static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
    /** Invalid command line, environment variable or configuration file. */
    static final int USAGE = CommandLine.ExitCode.USAGE;
    /** The query API answered 4xx (as HTTPie's --check-status). */
    static final int HTTP_CLIENT_ERROR = 4;
    /** The query API answered 5xx. */
    static final int HTTP_SERVER_ERROR = 5;

    private ExitCodes() {
    }
}
