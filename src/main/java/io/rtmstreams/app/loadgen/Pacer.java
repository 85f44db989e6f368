package io.rtmstreams.app.loadgen;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces events at a fixed rate from a start: event n is due {@code n / rate} seconds after it, and waiting for an
 * event that is due already returns at once, so a sender that fell behind catches up as fast as it can and the
 * average rate holds. A rate of 0 never waits (as fast as possible).
 */
public final class Pacer {

    /**
     * Time as the pacer sees it: {@link System#nanoTime} and a park, which sleeps to tens of microseconds where
     * {@link Thread#sleep} rounds to milliseconds (5,000 events/s would go out in bursts of 5); or a test's
     * stand-ins.
     */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }

    /** Time that passes only when slept or advanced: a run paced without waiting (a simulation, a test). */
    public static final class VirtualClock implements Clock {
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }

        public void advance(long nanos) {
            now += nanos;
        }
    }

    private final double perSecond;
    private final Clock clock;
    private final long start;

    /** Starts now. */
    public Pacer(double perSecond, Clock clock) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate is a finite number of events per second, 0 for no limit");
        }
        this.perSecond = perSecond;
        this.clock = clock;
        this.start = clock.nanoTime();
    }

    /** When event {@code n} (from 0) is due, in the clock's nanoseconds; the start for every event at rate 0. */
    public long due(long n) {
        return perSecond == 0 ? start : start + (long) (n * 1e9 / perSecond);
    }

    /** Returns when event {@code n} is due. */
    public void await(long n) throws InterruptedException {
        long wait = due(n) - clock.nanoTime();
        while (wait > 0) {
            clock.sleepNanos(wait);
            wait = due(n) - clock.nanoTime();
        }
    }

    /** Nanoseconds since the start. */
    public long elapsedNanos() {
        return clock.nanoTime() - start;
    }
}
