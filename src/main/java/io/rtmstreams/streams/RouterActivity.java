package io.rtmstreams.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Best-route changes per second per router over the last {@value #WINDOW_SECONDS} seconds, in memory, for
 * {@code GET /v1/routers/{router}/activity} (contract v2): what an operator looks at during an incident, not a
 * Prometheus series per router. A router's stream thread counts its changes (a map lookup and two atomic writes
 * per change); the API reads them from another thread. Counts follow the wall clock of the instance that owns the
 * router and start again from zero when the router moves to another instance.
 */
public final class RouterActivity {

    public static final int WINDOW_SECONDS = 900;

    /** Changes per second from {@code fromEpochSecond} on, oldest first. */
    public record Counts(long fromEpochSecond, long[] perSecond) {
    }

    private final Map<String, Ring> rings = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public RouterActivity() {
        this(System::currentTimeMillis);
    }

    RouterActivity(LongSupplier clock) {
        this.clock = clock;
    }

    /** One best-route change of {@code router}, now. */
    public void changed(String router) {
        rings.computeIfAbsent(router, r -> new Ring()).add(clock.getAsLong() / 1000);
    }

    /** The changes of {@code router} in each of the last {@code seconds} seconds, the current one last. */
    public Counts last(String router, int seconds) {
        if (seconds < 1 || seconds > WINDOW_SECONDS) {
            throw new IllegalArgumentException("seconds must be 1 to " + WINDOW_SECONDS + " (got " + seconds + ")");
        }
        long now = clock.getAsLong() / 1000;
        long from = now - seconds + 1;
        long[] counts = new long[seconds];
        Ring ring = rings.get(router);
        if (ring != null) {
            for (int i = 0; i < seconds; i++) {
                counts[i] = ring.at(from + i);
            }
        }
        return new Counts(from, counts);
    }

    /** A router's counts by second, slot {@code second % WINDOW_SECONDS}; one writer, any readers. */
    private static final class Ring {
        private final AtomicLongArray counts = new AtomicLongArray(WINDOW_SECONDS);
        private final AtomicLongArray seconds = new AtomicLongArray(WINDOW_SECONDS);

        void add(long second) {
            int slot = (int) (second % WINDOW_SECONDS);
            if (seconds.get(slot) != second) {
                counts.set(slot, 0);
                seconds.set(slot, second);
            }
            counts.incrementAndGet(slot);
        }

        long at(long second) {
            int slot = (int) (second % WINDOW_SECONDS);
            return seconds.get(slot) == second ? counts.get(slot) : 0;
        }
    }
}
