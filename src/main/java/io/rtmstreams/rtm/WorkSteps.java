package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Does pending work (D24) a budget at a time. Each kind goes through its destinations in the same order as
 * version 1 did in one call, so steps change nothing but where the work is cut: the same writes, the same effects,
 * in the same order. A step returns what is left of the work, or null when it is done.
 */
final class WorkSteps {

    /** Index entries read per store scan; the budget, not this, bounds a step. */
    private static final int SCAN = 256;

    private final RtmState state;
    private final DestinationWriter writer;
    private final RouteOps routes;
    private final EntityOps entities;
    private final Notifier notifier;

    WorkSteps(RtmState state, DestinationWriter writer, RouteOps routes, EntityOps entities, Notifier notifier) {
        this.state = state;
        this.writer = writer;
        this.routes = routes;
        this.entities = entities;
        this.notifier = notifier;
    }

    PendingWork step(PendingWork w, WorkBudget budget, EffectSink fx) {
        if (w instanceof PendingWork.RecomputeInterfaces r) {
            return recompute(r, budget, fx);
        } else if (w instanceof PendingWork.DeregisterEntity d) {
            return deregister(d, budget, fx) ? null : d;
        } else if (w instanceof PendingWork.EndRegistration e) {
            ChangeRegistration r = state.registrations.get(e.router(), e.table().rtmInstance(), e.registrationId());
            return r == null || notifier.remove(r, budget, fx) ? null : e;
        } else if (w instanceof PendingWork.DeleteRouteList l) {
            return deleteRouteList(l, budget, fx) ? null : l;
        }
        throw new IllegalStateException("unknown work " + w);
    }

    /** D14: every destination using each index in turn, in (instance, address) order, one unit each. */
    private PendingWork recompute(PendingWork.RecomputeInterfaces w, WorkBudget budget, EffectSink fx) {
        List<Long> indexes = w.indexes();
        InterfaceIndex.Use after = w.afterDest() == null ? null : new InterfaceIndex.Use(w.afterInstance(),
                w.afterDest());
        int i = 0;
        while (i < indexes.size()) {
            List<InterfaceIndex.Use> batch = state.interfaceIndex.uses(w.router(), w.family(), indexes.get(i), after,
                    SCAN);
            if (batch.isEmpty()) {
                i++;
                after = null;
                continue;
            }
            for (InterfaceIndex.Use u : batch) {
                if (!budget.hasRoom()) {
                    return new PendingWork.RecomputeInterfaces(w.router(), w.family(), indexes.subList(i,
                            indexes.size()), after == null ? 0 : after.rtmInstance(),
                            after == null ? null : after.dest(), w.now());
                }
                TableId t = TableId.of(w.router(), u.rtmInstance(), w.family());
                Destination d = state.destinations.get(t, u.dest());
                if (d != null) {
                    writer.commit(t, d, d, Cause.INTERFACE, w.now(), fx);
                }
                budget.spend(1);
                after = u;
            }
        }
        return null;
    }

    /**
     * D3 and R26, in order: the entity's change registrations end; its routes are deleted with ordinary semantics
     * (best routes, hold-down, notifications to the others), a destination a unit; then its next hops, route lists
     * and opaque slots go, calls into it are refused and the others are told. The first two phases delete what
     * they have done, so the state says where to go on.
     */
    private boolean deregister(PendingWork.DeregisterEntity w, WorkBudget budget, EffectSink fx) {
        TableId t = w.table();
        EntityId id = w.entity();
        for (ChangeRegistration r : state.registrations.of(t)) {
            if (r.owner().equals(id) && !notifier.remove(r, budget, fx)) {
                return false;
            }
        }
        Prefix after = null; // what this call has done: the scan goes on from there, not over its deletions
        for (Set<Prefix> batch = state.ownerIndex.destinations(t, id, null, SCAN); !batch.isEmpty();
             batch = state.ownerIndex.destinations(t, id, after, SCAN)) {
            for (Prefix p : batch) {
                if (!budget.hasRoom()) {
                    return false;
                }
                // The index follows from the destinations, so p holds a route of the entity until this removes it.
                routes.remove(t, state.destinations.get(t, p), r -> r.owner().equals(id), Cause.DEREGISTER, w.now(),
                        fx);
                budget.spend(1);
                after = p;
            }
        }
        entities.deregistered(t, id, fx);
        return true;
    }

    /**
     * R132: the list's routes leave it, a destination a unit: the lowest member's destination with every member
     * there, as version 1 took destinations in the order of their first member; then the list goes.
     */
    private boolean deleteRouteList(PendingWork.DeleteRouteList w, WorkBudget budget, EffectSink fx) {
        TableId t = w.table();
        long after = 0; // the members this call has moved are gone: the scan goes on past them
        for (List<Long> first = state.routeLists.members(t, w.owner(), w.name(), 0, 1); !first.isEmpty();
             first = state.routeLists.members(t, w.owner(), w.name(), after, 1)) {
            if (!budget.hasRoom()) {
                return false;
            }
            after = first.get(0);
            Destination d = state.destinations.get(t, routes.destOf(t, after));
            List<Route> edited = new ArrayList<>(d.routes().size());
            for (Route r : d.routes()) {
                boolean member = r.owner().equals(w.owner()) && w.name().equals(r.routeList());
                edited.add(member ? r.withRouteList(null) : r);
            }
            writer.commit(t, d, d.withRoutes(edited), Cause.ADD_ROUTE, w.now(), fx);
            budget.spend(1);
        }
        state.routeLists.delete(t, w.owner(), w.name());
        return true;
    }
}
