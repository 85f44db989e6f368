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
 * <p>Every write also advances the router's generation, by which readers in other threads ({@link InterfaceReads})
 * know when their copy is stale.
 */
public final class InterfaceTable implements InterfaceSource {

    private final StoreProvider stores;
    private final OrderedStore<InterfaceRow> rowStore;
    private final OrderedStore<IndexSlot> slotStore;
    private final OrderedStore<Long> generations;
    private final Map<String, RouterInterfaces> cache = new HashMap<>();

    public InterfaceTable(StoreProvider stores) {
        this.stores = stores;
        this.rowStore = stores.store(IphlpStores.INTERFACES);
        this.slotStore = stores.store(IphlpStores.INTERFACE_INDEXES);
        this.generations = stores.store(IphlpStores.INTERFACE_GENERATIONS);
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

    @Override
    public RouterInterfaces router(String router) {
        RouterInterfaces r = cache.get(router);
        if (r == null) {
            r = load(stores, router);
            cache.put(router, r);
        }
        return r;
    }

    private long generation(String router) {
        Long g = generations.get(IphlpKeys.router(router));
        return g == null ? 0 : g;
    }

    private void advance(String router) {
        generations.put(IphlpKeys.router(router), generation(router) + 1);
    }

    /** The router's rows and slots as {@code stores} hold them. */
    static RouterInterfaces load(StoreProvider stores, String router) {
        RouterInterfaces r = new RouterInterfaces();
        byte[] from = IphlpKeys.router(router);
        try (Cursor<InterfaceRow> c = stores.store(IphlpStores.INTERFACES).range(from, IphlpKeys.end(from))) {
            while (c.hasNext()) {
                r.putRow(c.next().value());
            }
        }
        try (Cursor<IndexSlot> c = stores.store(IphlpStores.INTERFACE_INDEXES).range(from, IphlpKeys.end(from))) {
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
