package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.WorkBudget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies interface notifications to the stored rows (N1–N8, D16) and recomputes the destinations whose cost they
 * change (D14, M4).
 *
 * <ul>
 *   <li>INITIAL carries no state and changes nothing (N3, N5).</li>
 *   <li>ADD_INSTANCE and PARAMETER_CHANGE carry the full row and replace the stored one (snapshot semantics): a
 *   field the producer left out takes its default, not the stored value. Both create the row when it is missing,
 *   because after a producer restart an ADD may have been missed (N5). The −1 sentinels of RouterDiscoveryBehavior
 *   and LinkLocalAddressBehavior keep the stored value (V10).</li>
 *   <li>DELETE_INSTANCE removes the row and marks its index deleted, so its next hops become unusable (D12, N6);
 *   deleting a row that does not exist is ERROR_NOT_FOUND and changes nothing.</li>
 *   <li>A row names its interface by LUID; with LUID 0 by index, and the LUID is filled in (V4, V5, V15). An unknown
 *   index is ERROR_FILE_NOT_FOUND, or ERROR_NOT_FOUND when the index exists only in the other family (Q5, V6).
 *   With a LUID, the row's index is the interface's current index: a new one is L4's renumbering, which marks the
 *   old index as deleted. If another LUID held the new index, the newer row takes it over (a missed delete, N5).</li>
 * </ul>
 *
 * <p>D14 as applied: an index's destinations are recomputed when what its next hops cost changes: whether the index
 * names a present, deleted or never-reported interface, the interface metric (Metric, UseAutomaticMetric, link
 * speeds and media type through {@link AutomaticMetric}), Connected or DisableDefaultRoutes; and when the index now
 * names another interface (LUID), which best-route records show (D21). A change that leaves
 * all of these equal recomputes nothing, e.g. a new Metric while the automatic metric is in force (Q14), or
 * WeakHostSend, which GetBestRoute2 reads at query time and no stored best route depends on.
 */
final class InterfaceChanges {

    private final InterfaceTable table;
    private final InterfaceCostModel costs;
    private final RtmEngine engine;

    InterfaceChanges(InterfaceTable table, InterfaceCostModel costs, RtmEngine engine) {
        this.table = table;
        this.costs = costs;
        this.engine = engine;
    }

    /** What an index's next hops cost as far as D12 is concerned, and which interface (LUID) they go out of. */
    private record IndexState(HopVerdict.Reason kind, long metric, boolean connected, boolean disableDefaultRoutes,
                              long luid) {
        static final IndexState NEVER_REPORTED = new IndexState(null, 0, false, false, 0);
        static final IndexState GONE = new IndexState(HopVerdict.Reason.DELETED, 0, false, false, 0);
    }

    /**
     * Applies the change to the row at once; the recomputation it causes does what fits the budget and leaves the
     * rest as the router's pending work (D24).
     */
    InterfaceChangeResult apply(InterfaceChange c, long now, EffectSink fx, WorkBudget budget) {
        try {
            TableId.checkRouter(c.router());
        } catch (IllegalArgumentException e) {
            return InterfaceChangeResult.error(c.requestId(), Status.ERROR_INVALID_PARAMETER, e.getMessage());
        }
        if (c.notificationType() == NotificationType.INITIAL) {
            return InterfaceChangeResult.ok(c.requestId(), null, 0);
        }
        boolean delete = c.notificationType() == NotificationType.DELETE_INSTANCE;
        InterfaceRow row = c.row();
        RowValidator.Violation v = delete ? RowValidator.checkKey(row) : RowValidator.checkRow(row);
        if (v != null) {
            return InterfaceChangeResult.error(c.requestId(), Status.ERROR_INVALID_PARAMETER, v.toString());
        }
        RouterInterfaces ifs = table.router(c.router());
        InterfaceNames.Resolution key = InterfaceNames.resolve(ifs, row.ipFamily(), row.interfaceLuid(),
                row.interfaceIndex());
        if (key.failed()) {
            return InterfaceChangeResult.error(c.requestId(), key.status(), key.message());
        }
        return delete ? delete(c, ifs, row.ipFamily(), key.luid(), now, fx, budget)
                : upsert(c, ifs, key.luid(), now, fx, budget);
    }

    private InterfaceChangeResult upsert(InterfaceChange c, RouterInterfaces ifs, long luid, long now,
                                         EffectSink fx, WorkBudget budget) {
        IpFamily family = c.row().ipFamily();
        InterfaceRow old = ifs.row(family, luid);
        if (c.row().interfaceIndex() == 0 && old == null) {
            return InterfaceChangeResult.error(c.requestId(), Status.ERROR_INVALID_PARAMETER,
                    "a new interface row needs its InterfaceIndex (F1)");
        }
        InterfaceRow row = merge(c.row(), luid, old);
        long index = row.interfaceIndex();
        Map<Long, IndexState> before = new LinkedHashMap<>();
        before.put(index, state(ifs, family, index));
        if (old != null && old.interfaceIndex() != index) {
            before.put(old.interfaceIndex(), state(ifs, family, old.interfaceIndex()));
            release(ifs, c.router(), family, old);
        }
        if (!row.equals(old)) { // a repeated snapshot (N7) writes nothing, so no changelog record either
            table.putRow(c.router(), row);
        }
        if (!IndexSlot.bound(luid).equals(ifs.slot(family, index))) {
            table.putSlot(c.router(), family, index, IndexSlot.bound(luid));
        }
        return InterfaceChangeResult.ok(c.requestId(), row, recompute(c.router(), ifs, family, before, now, fx,
                budget));
    }

    private InterfaceChangeResult delete(InterfaceChange c, RouterInterfaces ifs, IpFamily family, long luid,
                                         long now, EffectSink fx, WorkBudget budget) {
        InterfaceRow old = ifs.row(family, luid);
        if (old == null) {
            return InterfaceChangeResult.error(c.requestId(), Status.ERROR_NOT_FOUND, "no " + family
                    + " interface row has LUID " + NetLuid.toString(luid) + " (N6)");
        }
        Map<Long, IndexState> before = Map.of(old.interfaceIndex(), state(ifs, family, old.interfaceIndex()));
        table.removeRow(c.router(), family, luid);
        release(ifs, c.router(), family, old);
        return InterfaceChangeResult.ok(c.requestId(), old, recompute(c.router(), ifs, family, before, now, fx,
                budget));
    }

    /** Marks the row's index deleted, unless another interface has taken the index over since. */
    private void release(RouterInterfaces ifs, String router, IpFamily family, InterfaceRow row) {
        IndexSlot slot = ifs.slot(family, row.interfaceIndex());
        if (slot != null && slot.interfaceLuid() == row.interfaceLuid()) {
            table.putSlot(router, family, row.interfaceIndex(), IndexSlot.deleted(row.interfaceLuid()));
        }
    }

    /** The row to store: the resolved LUID and index, and V10's sentinels replaced by the current values. */
    private static InterfaceRow merge(InterfaceRow sent, long luid, InterfaceRow old) {
        InterfaceRow current = old != null ? old : InterfaceRow.builder(sent.family()).build();
        InterfaceRowBuilder b = sent.toBuilder().interfaceLuid(luid);
        if (sent.interfaceIndex() == 0) {
            b.interfaceIndex(old.interfaceIndex());
        }
        if (sent.routerDiscoveryBehavior() == InterfaceRow.UNCHANGED) {
            b.routerDiscoveryBehavior(current.routerDiscoveryBehavior());
        }
        if (sent.linkLocalAddressBehavior() == InterfaceRow.UNCHANGED) {
            b.linkLocalAddressBehavior(current.linkLocalAddressBehavior());
        }
        return b.build();
    }

    private IndexState state(RouterInterfaces ifs, IpFamily family, long index) {
        if (ifs.slot(family, index) == null) {
            return IndexState.NEVER_REPORTED;
        }
        InterfaceRow r = ifs.rowAt(family, index);
        return r == null ? IndexState.GONE
                : new IndexState(HopVerdict.Reason.USABLE, costs.interfaceMetric(r), r.connected(),
                r.disableDefaultRoutes(), r.interfaceLuid());
    }

    /** Recomputes the indexes whose state the change altered (what fits the budget); returns how many it did. */
    private long recompute(String router, RouterInterfaces ifs, IpFamily family, Map<Long, IndexState> before,
                           long now, EffectSink fx, WorkBudget budget) {
        List<Long> changed = new ArrayList<>();
        for (Map.Entry<Long, IndexState> e : before.entrySet()) {
            if (!Objects.equals(e.getValue(), state(ifs, family, e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        return engine.recomputeInterfaces(router, family, changed, now, budget, fx);
    }
}
