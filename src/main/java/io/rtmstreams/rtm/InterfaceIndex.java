package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Interface → the destinations with a route whose next hop goes out of it (design.md, Indexes; D14). Keyed by
 * router, family and interface index, across RTM instances, because interface rows belong to the router (D1). A
 * {@linkplain DerivedIndexes derived index}: read here, written with the destinations.
 */
final class InterfaceIndex {

    /** A destination using an interface. */
    record Use(int rtmInstance, Prefix dest) {
    }

    private final OrderedStore<Boolean> store;

    InterfaceIndex(OrderedStore<Boolean> store) {
        this.store = store;
    }

    /** Up to {@code max} uses after {@code after} (exclusive; null from the start), in (instance, address) order. */
    List<Use> uses(String router, IpFamily family, long ifIndex, Use after, int max) {
        byte[] base = Keys.interfaceIndexPrefix(router, family, ifIndex);
        byte[] from = after == null ? base
                : KeyBuilder.of(base, 3 + after.dest().keySize()).u16(after.rtmInstance()).prefix(after.dest()).u8(0).build();
        List<Use> out = new ArrayList<>();
        try (Cursor<Boolean> c = store.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                byte[] k = c.next().key();
                int instance = ((k[base.length] & 0xFF) << 8) | (k[base.length + 1] & 0xFF);
                out.add(new Use(instance, Prefix.readKey(family, k, base.length + 2)));
            }
        }
        return out;
    }
}
