package io.rtmstreams.app.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's standard streams as the commands see them: results on {@code out}, messages, errors and progress
 * on {@code err}. {@code interactive} says whether a person watches a terminal, which is when progress bars help.
 */
record Stdio(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    static Stdio system() {
        return new Stdio(System.in, System.out, System.err, System.console() != null);
    }
}
