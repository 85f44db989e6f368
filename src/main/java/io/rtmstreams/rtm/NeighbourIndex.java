package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;

/**
 * (Entity, neighbour) → the destinations of the entity's routes learned from that neighbour, in address order
 * (D29's DELETE_NEIGHBOUR_ROUTES). A {@linkplain DerivedIndexes derived index}: read here, written with the
 * destinations. The key puts the prefix before the neighbour's interface index, so that "every interface of the
 * address" (no index given) is one range in address order too; with an index given, entries of the address's
 * other interfaces are read and skipped, which costs nothing unless a peer has several (ADD-PATH's synthetic
 * interfaces, D28).
 */
final class NeighbourIndex {

    private final OrderedStore<Boolean> store;

    NeighbourIndex(OrderedStore<Boolean> store) {
        this.store = store;
    }

    /**
     * Up to {@code max} distinct destinations where {@code owner} has a route whose neighbour is {@code address} on
     * interface {@code ifIndex} (null: on any interface), in address order, after {@code after} (exclusive; null:
     * from the first).
     */
    List<Prefix> destinations(TableId t, EntityId owner, IpAddress address, Long ifIndex, Prefix after, int max) {
        byte[] base = Keys.neighbour(t, owner, address);
        byte[] from = after == null ? base : Keys.end(KeyBuilder.of(base, after.keySize()).prefix(after).build());
        List<Prefix> out = new ArrayList<>();
        try (Cursor<Boolean> c = store.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                byte[] k = c.next().key();
                Prefix p = Prefix.readKey(t.family(), k, base.length);
                boolean wanted = ifIndex == null
                        || KeyBuilder.readU32(k, base.length + p.keySize()) == ifIndex;
                if (wanted && (out.isEmpty() || !out.get(out.size() - 1).equals(p))) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
