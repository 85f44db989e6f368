package io.rtmstreams.rtm;

import java.util.function.LongSupplier;

/**
 * How much work one call may do before it must return so the stream thread can commit (D24): a number of units
 * (destinations recomputed, routes deleted, timers fired, notifications withdrawn) and a deadline on a monotonic
 * clock. Work that does not fit leaves its progress in state and goes on with the next budget. The budget bounds
 * only how the work is cut into steps, never what it does: the outcome of any sequence of steps is that of doing
 * it at once.
 *
 * <p>A call always makes some progress on a budget that has room at its start, so steps cannot stall.
 */
public final class WorkBudget {

    private static final LongSupplier NO_CLOCK = () -> 0;

    private final LongSupplier nanoClock;
    private final long deadlineNanos;
    private long unitsLeft;
    private long spent;

    private WorkBudget(long units, LongSupplier nanoClock, long deadlineNanos) {
        this.unitsLeft = units;
        this.nanoClock = nanoClock;
        this.deadlineNanos = deadlineNanos;
    }

    /** No bound: work runs to its end in one call (version 1's behaviour, and the engine's one-call API). */
    public static WorkBudget unlimited() {
        return new WorkBudget(Long.MAX_VALUE, NO_CLOCK, Long.MAX_VALUE);
    }

    /** At most {@code units} units, and no unit started after {@code nanos} have passed on {@code nanoClock}. */
    public static WorkBudget of(long units, long nanos, LongSupplier nanoClock) {
        if (units < 1 || nanos < 1) {
            throw new IllegalArgumentException("a budget needs at least one unit and one nanosecond");
        }
        return new WorkBudget(units, nanoClock, nanoClock.getAsLong() + nanos);
    }

    /** True while another unit of work may start. */
    public boolean hasRoom() {
        return unitsLeft > 0 && (deadlineNanos == Long.MAX_VALUE || nanoClock.getAsLong() - deadlineNanos < 0);
    }

    /** Counts {@code units} units of work done. */
    public void spend(long units) {
        unitsLeft -= units;
        spent += units;
    }

    /** Units spent so far. */
    public long spent() {
        return spent;
    }
}
