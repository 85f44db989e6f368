package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Entity → the destinations of its routes, in address order (design.md, Indexes; used by the cascade of D3). A
 * {@linkplain DerivedIndexes derived index}: read here, written with the destinations.
 */
final class OwnerIndex {

    private final OrderedStore<Boolean> store;

    OwnerIndex(OrderedStore<Boolean> store) {
        this.store = store;
    }

    /**
     * Up to {@code max} distinct destinations where the entity owns a route, in address order, after {@code after}
     * (exclusive; null: from the first).
     */
    Set<Prefix> destinations(TableId t, EntityId owner, Prefix after, int max) {
        byte[] base = Keys.entity(t, owner);
        int offset = base.length;
        byte[] from = after == null ? base : Keys.end(KeyBuilder.of(base, after.keySize()).prefix(after).build());
        Set<Prefix> out = new LinkedHashSet<>();
        try (Cursor<Boolean> c = store.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                out.add(Prefix.readKey(t.family(), c.next().key(), offset));
            }
        }
        return out;
    }
}
