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
 */
public final class InterfaceTable {

    private final OrderedStore<InterfaceRow> rowStore;
    private final OrderedStore<IndexSlot> slotStore;
    private final Map<String, RouterInterfaces> cache = new HashMap<>();

    public InterfaceTable(StoreProvider stores) {
        this.rowStore = stores.store(IphlpStores.INTERFACES);
        this.slotStore = stores.store(IphlpStores.INTERFACE_INDEXES);
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
            r = load(router);
            cache.put(router, r);
        }
        return r;
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
    }

    void removeRow(String router, IpFamily family, long luid) {
        rowStore.delete(IphlpKeys.row(router, family, luid));
        router(router).removeRow(family, luid);
    }

    void putSlot(String router, IpFamily family, long index, IndexSlot slot) {
        slotStore.put(IphlpKeys.slot(router, family, index), slot);
        router(router).putSlot(family, index, slot);
    }
}
