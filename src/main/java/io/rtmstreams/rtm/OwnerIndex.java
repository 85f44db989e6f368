package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.LinkedHashSet;
import java.util.Set;

/** Entity → the destinations of its routes, in address order (design.md, Indexes; used by the cascade of D3). */
final class OwnerIndex {

    private final OrderedStore<Boolean> store;

    OwnerIndex(OrderedStore<Boolean> store) {
        this.store = store;
    }

    void add(TableId t, EntityId owner, Prefix dest, long routeId) {
        store.put(Keys.ownedRoute(t, owner, dest, routeId), Boolean.TRUE);
    }

    void remove(TableId t, EntityId owner, Prefix dest, long routeId) {
        store.delete(Keys.ownedRoute(t, owner, dest, routeId));
    }

    /** Removes every entry of the entity on one destination. */
    void forget(TableId t, EntityId owner, Prefix dest) {
        byte[] from = io.rtmstreams.rtm.state.KeyBuilder.of(Keys.entity(t, owner), dest.keySize()).prefix(dest).build();
        java.util.List<byte[]> keys = new java.util.ArrayList<>();
        try (Cursor<Boolean> c = store.range(from, Keys.end(from))) {
            c.forEachRemaining(e -> keys.add(e.key()));
        }
        keys.forEach(store::delete);
    }

    /**
     * Up to {@code max} distinct destinations where the entity owns a route, in address order, after {@code after}
     * (exclusive; null: from the first).
     */
    Set<Prefix> destinations(TableId t, EntityId owner, Prefix after, int max) {
        byte[] base = Keys.entity(t, owner);
        int offset = base.length;
        byte[] from = after == null ? base
                : Keys.end(io.rtmstreams.rtm.state.KeyBuilder.of(base, after.keySize()).prefix(after).build());
        Set<Prefix> out = new LinkedHashSet<>();
        try (Cursor<Boolean> c = store.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                out.add(Prefix.readKey(t.family(), c.next().key(), offset));
            }
        }
        return out;
    }
}
