package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-over between whoever asks {@code run} to stop and the command that does the stopping. */
class StopSignalTest {

    @Test
    void aRequestWakesTheWaitingCommand() throws InterruptedException {
        StopSignal signal = new StopSignal();
        assertThat(signal.awaitRequest(Duration.ofMillis(10))).isFalse();
        assertThat(signal.isRequested()).isFalse();

        new Thread(signal::request).start();

        assertThat(signal.awaitRequest(Duration.ofSeconds(30))).isTrue();
        assertThat(signal.isRequested()).isTrue();
    }

    @Test
    void theRequesterLearnsWhenTheCommandHasFinished() throws InterruptedException {
        StopSignal signal = new StopSignal();
        assertThat(signal.awaitFinished(Duration.ofMillis(10))).isFalse();

        new Thread(signal::finished).start();

        assertThat(signal.awaitFinished(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aShutdownBeforeTheCommandHoldsAnythingEndsAtOnce() {
        StopSignal signal = new StopSignal();

        signal.onShutdown();

        assertThat(signal.isRequested()).isTrue();
    }

    @Test
    void aShutdownWhileTheCommandHoldsResourcesWaitsUntilItHasFinished() throws InterruptedException {
        StopSignal signal = new StopSignal();
        signal.holdShutdown();
        Thread hook = new Thread(signal::onShutdown);

        hook.start();
        assertThat(signal.awaitRequest(Duration.ofSeconds(30))).isTrue();
        hook.join(200);
        assertThat(hook.isAlive()).as("hook waits for the command").isTrue();

        signal.finished();
        hook.join(30_000);
        assertThat(hook.isAlive()).isFalse();
    }
}
