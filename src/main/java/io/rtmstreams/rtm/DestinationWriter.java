package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one way a destination changes. An operation edits the destination's routes and hold state; the writer then
 * refreshes every route's cost (D11–D13), selects each view's best route (R70, D4), classifies the change per view
 * (R100–R104), stamps the last-changed time (R37) and output versions (D21), reports the changes and notifies
 * registrations (R105), and stores the destination together with its indexes and timers:
 * <ul>
 *   <li>the route-id, owner, interface and neighbour indexes follow from the destination ({@link DerivedIndexes});
 *   a route that disappears was deleted and stays readable by id for the retention period (R80);</li>
 *   <li>route lists follow the routes (R130);</li>
 *   <li>TTL and hold-down deadlines follow the routes' {@code expiresAt} and the hold state (D8).</li>
 * </ul>
 */
final class DestinationWriter {

    private final RtmState state;
    private final RouteCostModel costModel;
    private final DestViews views;
    private final Notifier notifier;
    private final long retentionMs;

    DestinationWriter(RtmState state, RouteCostModel costModel, DestViews views, Notifier notifier, long retentionMs) {
        this.state = state;
        this.costModel = costModel;
        this.views = views;
        this.notifier = notifier;
        this.retentionMs = retentionMs;
    }

    /**
     * Commits {@code edited} as the new state of its destination; {@code before} is the stored record or null.
     * Returns the stored record, whose slots tell the caller which routes are now best. A destination that comes
     * out of recomputation exactly as stored is not written again.
     */
    Destination commit(TableId t, Destination before, Destination edited, Cause cause, long now, EffectSink fx) {
        Destination after = recompute(t, before, edited);
        int[] types = new int[View.values().length];
        boolean anyAll = false;
        for (View v : View.values()) {
            types[v.id()] = ChangeClassifier.classify(before, after, v);
            anyAll |= ChangeType.ALL.in(types[v.id()]);
            if (types[v.id()] == 0 && before != null) {
                after = after.withSlot(v, after.slot(v).withBest(after.slot(v).bestRouteId(),
                        before.slot(v).reason())); // a change no consumer sees keeps the published reason
            }
        }
        if (after.equals(before)) {
            return before; // nothing to report or store: a repeated advert, an interface change it ignores
        }
        if (anyAll) {
            after = after.withLastChanged(now);
        }
        for (View v : View.values()) {
            int ty = types[v.id()];
            if (ty == 0) {
                continue;
            }
            ViewSlot slot = after.slot(v);
            long bestVersion = bestRecordChanged(before, after, v) ? slot.bestVersion() + 1 : 0;
            after = after.withSlot(v, slot.withVersions(slot.version() + 1,
                    bestVersion > 0 ? bestVersion : slot.bestVersion()));
            fx.change(new DestChange(t, after.prefix(), v, slot.version() + 1, bestVersion, ty, cause,
                    views.best(t, before, v), views.best(t, after, v),
                    after.numRoutes(v), slot.holdRoute(), after.lastChanged()));
        }
        for (View v : View.values()) {
            if (types[v.id()] != 0) {
                notifier.changed(t, after, v, types[v.id()], fx);
            }
        }
        store(t, before, after, now);
        return after;
    }

    /**
     * Whether the view's best-route record (best route, its selection reason, route count, hold-down route, last
     * change) differs: no record repeats the previous one, and a view without a best route before or after gets no
     * second tombstone (D21). The reason is part of the record, so a change that alters only the reason (a non-best
     * route's cost changed in the same millisecond as the last change) publishes one: the compacted topic always
     * holds what the query API reads.
     */
    private static boolean bestRecordChanged(Destination before, Destination after, View v) {
        Route old = before == null ? null : before.best(v);
        Route now = after.best(v);
        if (old == null || now == null) {
            return old != now;
        }
        return old.id() != now.id() || !old.sameContent(now)
                || before.numRoutes(v) != after.numRoutes(v)
                || before.lastChanged() != after.lastChanged()
                || before.slot(v).reason() != after.slot(v).reason()
                || !java.util.Objects.equals(before.slot(v).holdRoute(), after.slot(v).holdRoute());
    }

    /**
     * Refreshes route costs and each view's best route, keeping the incumbent on ties (D4), with the reason it won.
     * The reason is judged at this selection, against the incumbent of the moment; {@link #commit} keeps the stored
     * one for a view whose change nobody sees (classified as nothing), so that a TTL refresh or an interface change
     * that changes nothing never turns a published LONGEST_HELD into INCUMBENT behind the consumers' backs.
     */
    Destination recompute(TableId t, Destination before, Destination edited) {
        Prefix p = edited.prefix();
        Destination after = edited.withRoutes(edited.routes().stream()
                .map(r -> r.withCost(costModel.cost(t, p, r)))
                .toList());
        for (View v : View.values()) {
            long incumbent = before == null ? 0 : before.slot(v).bestRouteId();
            BestRouteSelector.Selection s = BestRouteSelector.select(after.routes(), v, incumbent);
            after = after.withSlot(v, after.slot(v).withBest(s.best() == null ? 0 : s.best().id(), s.reason()));
        }
        return after;
    }

    /**
     * Stores the destination (its derived indexes go with it, {@link DerivedIndexes}) and what does not follow from
     * it: deleted routes kept for their retention, deadlines and route-list membership.
     */
    private void store(TableId t, Destination before, Destination after, long now) {
        Prefix p = after.prefix();
        if (before != null && before.exists() && !after.exists()) {
            dropOpaqueSlots(t, p);
        }
        state.destinations.put(t, after);
        Map<Long, Route> old = new HashMap<>();
        if (before != null) {
            before.routes().forEach(r -> old.put(r.id(), r));
        }
        for (Route r : after.routes()) {
            Route o = old.remove(r.id());
            retime(t, p, r.id(), o == null ? 0 : o.expiresAt(), r.expiresAt());
            relist(t, r.owner(), r.id(), o == null ? null : o.routeList(), r.routeList());
        }
        for (Route gone : old.values()) {
            state.routeIndex.putDeleted(t, p, gone, now);
            state.timers.schedule(new TimerRef(TimerRef.Kind.ROUTE_RETENTION, now + retentionMs, t, p, gone.id()));
            retime(t, p, gone.id(), gone.expiresAt(), 0);
            relist(t, gone.owner(), gone.id(), gone.routeList(), null);
        }
        long oldHold = before == null ? 0 : before.hold().deadline();
        if (oldHold != after.hold().deadline()) {
            if (oldHold > 0) {
                state.timers.cancel(new TimerRef(TimerRef.Kind.HOLD_DOWN, oldHold, t, p, 0));
            }
            if (after.hold().deadline() > 0) {
                state.timers.schedule(new TimerRef(TimerRef.Kind.HOLD_DOWN, after.hold().deadline(), t, p, 0));
            }
        }
    }

    private void retime(TableId t, Prefix p, long routeId, long oldDeadline, long newDeadline) {
        if (oldDeadline == newDeadline) {
            return;
        }
        if (oldDeadline > 0) {
            state.timers.cancel(new TimerRef(TimerRef.Kind.ROUTE_TTL, oldDeadline, t, p, routeId));
        }
        if (newDeadline > 0) {
            state.timers.schedule(new TimerRef(TimerRef.Kind.ROUTE_TTL, newDeadline, t, p, routeId));
        }
    }

    private void relist(TableId t, EntityId owner, long routeId, String oldList, String newList) {
        if (Objects.equals(oldList, newList)) {
            return;
        }
        if (oldList != null) {
            state.routeLists.removeMember(t, owner, oldList, routeId);
        }
        if (newList != null) {
            state.routeLists.addMember(t, owner, newList, routeId);
        }
    }

    private void dropOpaqueSlots(TableId t, Prefix p) {
        for (Entity e : state.entities.list(t)) {
            if (e.opaqueSlot()) {
                state.opaque.set(t, e.id(), p, null);
            }
        }
    }
}
