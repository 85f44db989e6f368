package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.OrderedStore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-router id counters kept in state, so replaying the same log yields the same ids (D22). Ids start at 1 and
 * are never reused. The current values are cached and handed out from memory; {@link #flush} writes the ones that
 * moved, which the engine does once at the end of each input record, so that a record that takes many ids (a batch,
 * D25) writes each counter once, not once per id.
 *
 * <p>The cache is the truth between flushes: {@link #current} and {@link #missing} see ids handed out and not yet
 * written, and an id is never handed out twice as long as every record ends with a flush, which the engine does even
 * when the record fails unexpectedly.
 */
final class Counters {

    static final int ROUTE_ID = 1;
    static final int NEXT_HOP_ID = 2;
    static final int INVOCATION_SEQ = 3;

    private final OrderedStore<Long> store;
    private final Map<String, long[]> cache = new HashMap<>();
    /** Routers whose counters moved since the last flush, with the values the store holds. */
    private final Map<String, long[]> unwritten = new LinkedHashMap<>();

    Counters(OrderedStore<Long> store) {
        this.store = store;
    }

    /**
     * The counters as stored, read on every call, for readers that must not cache ({@link RtmReads}): between two
     * input records, which is when anyone else reads, they are what {@link Counters} holds.
     */
    static final class Stored {
        private final OrderedStore<Long> store;

        Stored(OrderedStore<Long> store) {
            this.store = store;
        }

        /** As {@link Counters#missing}, against the stored counter. */
        RtmException missing(String router, int kind, long id, String what) {
            Long current = store.get(Keys.counter(router, kind));
            return missingError(current == null ? 0 : current, id, what);
        }
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
        return missingError(current(router, kind), id, what);
    }

    private static RtmException missingError(long current, long id, String what) {
        return id > 0 && id <= current
                ? RtmException.notFound(what + " " + id + " has been deleted")
                : RtmException.invalidHandle("no " + what + " has id " + id);
    }

    long next(String router, int kind) {
        long[] v = values(router);
        unwritten.computeIfAbsent(router, r -> v.clone());
        return ++v[kind];
    }

    /** Writes every counter that moved since the last flush, once each (D22, D25). */
    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        unwritten.forEach((router, stored) -> {
            long[] v = cache.get(router);
            for (int kind = ROUTE_ID; kind <= INVOCATION_SEQ; kind++) {
                if (v[kind] != stored[kind]) {
                    store.put(Keys.counter(router, kind), v[kind]);
                }
            }
        });
        unwritten.clear();
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
