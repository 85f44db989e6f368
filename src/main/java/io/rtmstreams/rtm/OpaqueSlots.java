package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;

/** The opaque slot contents of (entity, destination) (R135; rtmv2.md §16: a store keyed by entity and prefix). */
final class OpaqueSlots {

    private final OrderedStore<String> store;

    OpaqueSlots(OrderedStore<String> store) {
        this.store = store;
    }

    String get(TableId t, EntityId owner, Prefix dest) {
        return store.get(Keys.opaque(t, owner, dest));
    }

    void set(TableId t, EntityId owner, Prefix dest, String value) {
        if (value == null) {
            store.delete(Keys.opaque(t, owner, dest));
        } else {
            store.put(Keys.opaque(t, owner, dest), value);
        }
    }

    /** Drops every slot the entity filled (D3). */
    void removeAll(TableId t, EntityId owner) {
        byte[] base = Keys.entity(t, owner);
        List<byte[]> keys = new ArrayList<>();
        try (Cursor<String> c = store.range(base, Keys.end(base))) {
            c.forEachRemaining(e -> keys.add(e.key()));
        }
        keys.forEach(store::delete);
    }
}
