package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failure prints: one line per cause that adds something. */
class CliErrorsTest {

    @Test
    void causesSkipWrappersRepeatsAndCausesWithoutAMessage() {
        Exception error = new IllegalStateException("cannot connect to the query API at http://x:8080",
                new ConnectException());
        Exception wrapped = new ExecutionException(new IllegalStateException("topics missing",
                new RuntimeException("topics missing", new RuntimeException("timed out"))));

        assertThat(CliErrors.causes(error)).containsExactly("cannot connect to the query API at http://x:8080");
        assertThat(CliErrors.causes(wrapped)).containsExactly("topics missing", "timed out");
    }

    @Test
    void anErrorWithoutAMessageIsNamedByItsType() {
        assertThat(CliErrors.causes(new NullPointerException())).containsExactly("NullPointerException");
    }
}
