package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.OrderedStore;

/** Per-router id counters kept in state, so replaying the same log yields the same ids (D22). Ids start at 1. */
final class Counters {

    static final int ROUTE_ID = 1;
    static final int NEXT_HOP_ID = 2;
    static final int INVOCATION_SEQ = 3;

    private final OrderedStore<Long> store;

    Counters(OrderedStore<Long> store) {
        this.store = store;
    }

    /** The last id handed out (0 if none). */
    long current(String router, int kind) {
        Long v = store.get(Keys.counter(router, kind));
        return v == null ? 0 : v;
    }

    long next(String router, int kind) {
        long n = current(router, kind) + 1;
        store.put(Keys.counter(router, kind), n);
        return n;
    }
}
