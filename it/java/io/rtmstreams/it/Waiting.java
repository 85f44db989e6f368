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

    /** Polls {@code condition} until it holds; fails with {@code what} and the last {@code state} otherwise. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(KafkaTestClients.PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + KafkaTestClients.PATIENCE + "; "
                        + state.get());
            }
            pause();
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
