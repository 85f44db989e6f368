package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The destination store and the prefix-tree queries over it (R116–R119, R122). Keys sort in address order, then
 * shorter prefix first, so covering prefixes are found by walking floor entries: the floor of a prefix either covers
 * it, or tells by how many leading bits it agrees, which bounds every shorter covering prefix.
 */
final class Destinations {

    private final OrderedStore<Destination> store;
    private final DerivedIndexes.Sink indexes;

    /**
     * The destination store; {@code indexes} receives the {@linkplain DerivedIndexes derived index entries} of each
     * write, or is null when the store derives them itself.
     */
    Destinations(OrderedStore<Destination> store, DerivedIndexes.Sink indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    Destination get(TableId t, Prefix p) {
        return store.get(Keys.destination(t, p));
    }

    void put(TableId t, Destination d) {
        byte[] key = Keys.destination(t, d.prefix());
        if (indexes != null) {
            DerivedIndexes.diff(t, store.get(key), d, indexes); // what is stored, as the Kafka store reads it
        }
        store.put(key, d);
    }

    /**
     * The longest destination that covers {@code target} (its length at most the target's) and passes the filter,
     * or null (R117 with R119's view filter).
     */
    Destination longestCovering(TableId t, Prefix target, Predicate<Destination> filter) {
        Prefix probe = target;
        while (true) {
            Destination floor = floor(t, probe);
            if (floor == null) {
                return null;
            }
            Prefix q = floor.prefix();
            int nextLength;
            if (q.covers(target)) {
                if (filter.test(floor)) {
                    return floor;
                }
                nextLength = q.length() - 1;
            } else {
                // Every covering prefix shorter than this floor agrees with it on its length: bound the next probe.
                nextLength = Math.min(q.address().commonPrefixLength(target.address()), target.length());
                if (nextLength >= q.length()) {
                    nextLength = q.length() - 1;
                }
            }
            if (nextLength < 0) {
                return null;
            }
            probe = target.truncate(Math.min(nextLength, target.length()));
        }
    }

    /** The greatest destination key at or before {@code probe} in the table. */
    private Destination floor(TableId t, Prefix probe) {
        byte[] to = KeyBuilder.of(Keys.destination(t, probe), 1).u8(0).build();
        try (Cursor<Destination> c = store.reverseRange(t.keyPrefix(), to)) {
            return c.hasNext() ? c.next().value() : null;
        }
    }

    /**
     * Up to {@code limit} destinations passing the filter, in address order, starting at {@code from} (inclusive;
     * null for the table's start) and, when {@code within} is given, only prefixes it covers (R122 RANGE).
     */
    List<Destination> scan(TableId t, Prefix from, boolean fromInclusive, Prefix within, int limit,
                           Predicate<Destination> filter) {
        byte[] start = from == null ? t.keyPrefix() : Keys.destination(t, from);
        if (from != null && !fromInclusive) {
            start = KeyBuilder.of(start, 1).u8(0).build();
        }
        byte[] end = within == null ? Keys.end(t.keyPrefix()) : rangeEnd(t, within);
        List<Destination> out = new ArrayList<>(Math.min(limit, 128));
        try (Cursor<Destination> c = store.range(start, end)) {
            while (c.hasNext() && out.size() < limit) {
                Destination d = c.next().value();
                if ((within == null || within.covers(d.prefix())) && filter.test(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** The first key after every prefix inside {@code within}. */
    private static byte[] rangeEnd(TableId t, Prefix within) {
        byte[] last = within.address().toBytes();
        int hostBits = within.family().bits() - within.length();
        for (int i = last.length - 1; i >= 0 && hostBits > 0; i--) {
            int bits = Math.min(8, hostBits);
            last[i] |= (byte) ((1 << bits) - 1);
            hostBits -= bits;
        }
        return KeyBuilder.of(t.keyPrefix(), last.length + 2).bytes(last).u8(0xFF).build();
    }
}
