package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routers' interface rows and index slots ({@link IphlpStores}), with a per-router in-memory copy
 * ({@link RouterInterfaces}) filled from the stores on first use and updated on every write. All writes go through
 * this class, so the copy never goes stale; it is not thread-safe (one stream task, one thread), like the engine.
 *
 * <p>Every write also advances the router's generation. A reader that builds a fresh table per request (the query
 * API, over interactive-query stores) may pass a {@link SharedCopies}: it then reads the generation, one key, and
 * reuses the copy another request loaded at that generation instead of reading every row again.
 */
public final class InterfaceTable {

    private final OrderedStore<InterfaceRow> rowStore;
    private final OrderedStore<IndexSlot> slotStore;
    private final OrderedStore<Long> generations;
    private final SharedCopies shared;
    private final Map<String, RouterInterfaces> cache = new HashMap<>();

    public InterfaceTable(StoreProvider stores) {
        this(stores, null);
    }

    /** A table whose copies of routers' rows come from {@code shared} while their generation is unchanged. */
    public InterfaceTable(StoreProvider stores, SharedCopies shared) {
        this.rowStore = stores.store(IphlpStores.INTERFACES);
        this.slotStore = stores.store(IphlpStores.INTERFACE_INDEXES);
        this.generations = stores.store(IphlpStores.INTERFACE_GENERATIONS);
        this.shared = shared;
    }

    /**
     * Read-only copies of routers' interfaces shared between the tables of concurrent readers, each valid for the
     * generation it was loaded at. A copy in here is never written to: it is complete (every lazy part built) before
     * it is put, and the map's put and get order that with every reader.
     */
    public static final class SharedCopies {
        private record Copy(long generation, RouterInterfaces interfaces) {
        }

        private final java.util.concurrent.ConcurrentHashMap<String, Copy> copies =
                new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** The row of (family, LUID), or null (F1). */
    public InterfaceRow row(String router, IpFamily family, long luid) {
        return router(router).row(family, luid);
    }

    /** The present row that the index names in the family, or null (F1, L4). */
    public InterfaceRow rowAtIndex(String router, IpFamily family, long index) {
        return router(router).rowAt(family, index);
    }

    /** The family's rows in interface index order. */
    public List<InterfaceRow> rows(String router, IpFamily family) {
        return router(router).rows(family);
    }

    RouterInterfaces router(String router) {
        RouterInterfaces r = cache.get(router);
        if (r == null) {
            r = shared == null ? load(router) : sharedCopy(router);
            cache.put(router, r);
        }
        return r;
    }

    private RouterInterfaces sharedCopy(String router) {
        long generation = generation(router);
        SharedCopies.Copy copy = shared.copies.get(router);
        if (copy != null && copy.generation() == generation) {
            return copy.interfaces();
        }
        RouterInterfaces loaded = load(router).readyToShare();
        shared.copies.put(router, new SharedCopies.Copy(generation, loaded));
        return loaded;
    }

    private long generation(String router) {
        Long g = generations.get(IphlpKeys.router(router));
        return g == null ? 0 : g;
    }

    private void advance(String router) {
        generations.put(IphlpKeys.router(router), generation(router) + 1);
    }

    private RouterInterfaces load(String router) {
        RouterInterfaces r = new RouterInterfaces();
        byte[] from = IphlpKeys.router(router);
        try (Cursor<InterfaceRow> c = rowStore.range(from, IphlpKeys.end(from))) {
            while (c.hasNext()) {
                r.putRow(c.next().value());
            }
        }
        try (Cursor<IndexSlot> c = slotStore.range(from, IphlpKeys.end(from))) {
            while (c.hasNext()) {
                Cursor.Entry<IndexSlot> e = c.next();
                r.putSlot(IphlpKeys.familyOf(router, e.key()), IphlpKeys.indexOf(router, e.key()), e.value());
            }
        }
        return r;
    }

    void putRow(String router, InterfaceRow row) {
        rowStore.put(IphlpKeys.row(router, row.ipFamily(), row.interfaceLuid()), row);
        router(router).putRow(row);
        advance(router);
    }

    void removeRow(String router, IpFamily family, long luid) {
        rowStore.delete(IphlpKeys.row(router, family, luid));
        router(router).removeRow(family, luid);
        advance(router);
    }

    void putSlot(String router, IpFamily family, long index, IndexSlot slot) {
        slotStore.put(IphlpKeys.slot(router, family, index), slot);
        router(router).putSlot(family, index, slot);
        advance(router);
    }
}
