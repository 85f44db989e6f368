package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.OrderedStore;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-router id counters kept in state, so replaying the same log yields the same ids (D22). Ids start at 1 and
 * are never reused. The current values are cached: each id costs one write and no read.
 */
final class Counters {

    static final int ROUTE_ID = 1;
    static final int NEXT_HOP_ID = 2;
    static final int INVOCATION_SEQ = 3;

    private final OrderedStore<Long> store;
    private final Map<String, long[]> cache = new HashMap<>();

    Counters(OrderedStore<Long> store) {
        this.store = store;
    }

    /** The last id handed out (0 if none). */
    long current(String router, int kind) {
        return values(router)[kind];
    }

    /**
     * The error for an id of {@code kind} that leads to nothing (R47, R56, R80): ERROR_NOT_FOUND when the id was
     * handed out and its object has since been deleted, ERROR_INVALID_HANDLE when it was never handed out.
     * {@code what} names the object in the message ("route", "next hop").
     */
    RtmException missing(String router, int kind, long id, String what) {
        return id > 0 && id <= current(router, kind)
                ? RtmException.notFound(what + " " + id + " has been deleted")
                : RtmException.invalidHandle("no " + what + " has id " + id);
    }

    long next(String router, int kind) {
        long[] v = values(router);
        long n = ++v[kind];
        store.put(Keys.counter(router, kind), n);
        return n;
    }

    private long[] values(String router) {
        long[] v = cache.get(router);
        if (v == null) {
            v = new long[INVOCATION_SEQ + 1];
            for (int kind = ROUTE_ID; kind <= INVOCATION_SEQ; kind++) {
                Long stored = store.get(Keys.counter(router, kind));
                v[kind] = stored == null ? 0 : stored;
            }
            cache.put(router, v);
        }
        return v;
    }
}
