package io.rtmstreams.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a long-running command and the command's answer that it has stopped. The command's own thread
 * does the stopping; whoever requests the stop may wait until it is done.
 *
 * <p>{@link #onJvmShutdown()} connects it to SIGTERM and Ctrl-C: the shutdown hook requests the stop and, once the
 * command has something to close ({@link #holdShutdown()}), holds the JVM until it has closed everything, because the
 * JVM halts as soon as its hooks return. Before that (still connecting to a cluster, say) Ctrl-C ends it at once.
 */
final class StopSignal {

    /** How long a shutdown hook holds the JVM for a clean stop (leave-group close, broker shutdown). */
    static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(90);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean holding;

    /** A signal that SIGTERM or Ctrl-C (a JVM shutdown) triggers. */
    static StopSignal onJvmShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "rtm-streams-shutdown"));
        return signal;
    }

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    boolean awaitRequest(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now on a JVM shutdown waits for {@link #finished()}: the command holds resources to close cleanly. */
    void holdShutdown() {
        holding = true;
    }

    /** The command has stopped (or never started): nothing is left to wait for. */
    void finished() {
        finished.countDown();
    }

    /** Waits up to {@code timeout} for the command to stop; true when it did. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the shutdown hook does: request the stop, and wait for the command if it holds something to close. */
    void onShutdown() {
        request();
        if (!holding) {
            return;
        }
        try {
            awaitFinished(SHUTDOWN_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
