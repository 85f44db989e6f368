package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

/** Deadlines as data, in time order (D8): {@code deadline u64 | kind u8 | router | what}. */
final class Timers {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final OrderedStore<TimerRef> store;
    /** The earliest deadline, cached because the topology asks before every record; -1 for none. */
    private long next = UNKNOWN;

    Timers(OrderedStore<TimerRef> store) {
        this.store = store;
    }

    void schedule(TimerRef t) {
        store.put(key(t), t);
        if (next != UNKNOWN && (next < 0 || t.deadline() < next)) {
            next = t.deadline();
        }
    }

    void cancel(TimerRef t) {
        store.delete(key(t));
        if (t.deadline() == next) {
            next = UNKNOWN;
        }
    }

    /**
     * Removes and returns the earliest timer if it is due at {@code now}, else returns null. One scan answers both
     * this and the next {@link #next()}: the entry after the one taken is the new earliest deadline.
     */
    TimerRef takeDue(long now) {
        TimerRef first;
        long following;
        try (Cursor<TimerRef> c = store.range(null, null)) {
            first = c.hasNext() ? c.next().value() : null;
            if (first == null || first.deadline() > now) {
                next = first == null ? -1 : first.deadline();
                return null;
            }
            following = c.hasNext() ? c.next().value().deadline() : -1;
        }
        store.delete(key(first));
        next = following;
        return first;
    }

    /** The earliest deadline, or -1 when nothing is scheduled. */
    long next() {
        if (next == UNKNOWN) {
            try (Cursor<TimerRef> c = store.range(null, null)) {
                next = c.hasNext() ? c.next().value().deadline() : -1;
            }
        }
        return next;
    }

    private static byte[] key(TimerRef t) {
        KeyBuilder k = new KeyBuilder(48).u64(t.deadline()).u8(t.kind().ordinal()).string(t.table().router());
        if (t.kind() == TimerRef.Kind.HOLD_DOWN) {
            k.u16(t.table().rtmInstance()).u8(t.table().family().afNumber()).prefix(t.dest());
        } else {
            k.u64(t.routeId());
        }
        return k.build();
    }
}
