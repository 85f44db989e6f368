package io.rtmstreams.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition by polling it, with {@link KafkaTestClients#PATIENCE} as the limit; never a fixed sleep. */
public final class Waiting {

    private static final Duration POLL = Duration.ofMillis(50);

    private Waiting() {
    }

    /**
     * Polls {@code condition} until it holds; fails with {@code what} and the last {@code state} otherwise. A
     * condition that can tell the wait is hopeless (a process died) throws its own AssertionError.
     */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        until(what, KafkaTestClients.PATIENCE, condition, state);
    }

    /** {@link #until(String, BooleanSupplier, Supplier)} with a patience of its own (a process's start-up). */
    public static void until(String what, Duration patience, BooleanSupplier condition, Supplier<String> state) {
        loop(what, patience, condition, state, Waiting::pause);
    }

    /**
     * Calls {@code poll} (a consumer's poll, which waits for records by itself, so no pause comes between) until
     * {@code done} holds; fails like {@link #until(String, BooleanSupplier, Supplier)}.
     */
    public static void polling(String what, Runnable poll, BooleanSupplier done, Supplier<String> state) {
        loop(what, KafkaTestClients.PATIENCE, done, state, poll);
    }

    private static void loop(String what, Duration patience, BooleanSupplier condition, Supplier<String> state,
                             Runnable between) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + patience + "; " + state.get());
            }
            between.run();
        }
    }

    /** Waits until the wall clock reaches {@code instant}: the condition a test about deadlines waits for. */
    public static void untilClockPasses(long epochMillis) {
        long left;
        while ((left = epochMillis - System.currentTimeMillis()) >= 0) {
            sleep(Math.min(left + 1, 200));
        }
    }

    /** One polling interval. */
    static void pause() {
        sleep(POLL.toMillis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
