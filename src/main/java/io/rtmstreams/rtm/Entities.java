package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registered entities of every table (R13, R22), in entity-id order. Every command looks up its caller (D5),
 * so each table's entities are cached; the cache is filled only from the store and updated with every write.
 */
final class Entities {

    private final OrderedStore<Entity> store;
    private final Map<TableId, TreeMap<EntityId, Entity>> byTable = new HashMap<>();

    Entities(OrderedStore<Entity> store) {
        this.store = store;
    }

    /** The same entities read from the store on every call, for readers that must not cache ({@link RtmReads}). */
    static final class Stored {
        private final OrderedStore<Entity> store;

        Stored(OrderedStore<Entity> store) {
            this.store = store;
        }

        Entity get(TableId t, EntityId id) {
            return store.get(Keys.entity(t, id));
        }

        /** The table's entities in entity-id order (the key order). */
        List<Entity> list(TableId t) {
            List<Entity> out = new ArrayList<>();
            try (Cursor<Entity> c = store.range(t.keyPrefix(), Keys.end(t.keyPrefix()))) {
                while (c.hasNext()) {
                    out.add(c.next().value());
                }
            }
            return out;
        }
    }

    Entity get(TableId t, EntityId id) {
        return table(t).get(id);
    }

    void put(TableId t, Entity e) {
        store.put(Keys.entity(t, e.id()), e);
        table(t).put(e.id(), e);
    }

    void remove(TableId t, EntityId id) {
        store.delete(Keys.entity(t, id));
        table(t).remove(id);
    }

    List<Entity> list(TableId t) {
        return new ArrayList<>(table(t).values());
    }

    private TreeMap<EntityId, Entity> table(TableId t) {
        TreeMap<EntityId, Entity> m = byTable.get(t);
        if (m == null) {
            m = new TreeMap<>();
            for (Entity e : new Stored(store).list(t)) {
                m.put(e.id(), e);
            }
            byTable.put(t, m);
        }
        return m;
    }
}
