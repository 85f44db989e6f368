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

    /** What a step leaves: the work still pending, or the outcome of the finished work's command. */
    record Result(PendingWork left, Outcome done) {
        static Result more(PendingWork left) {
            return new Result(left, null);
        }

        static Result done(Outcome o) {
            return new Result(null, o);
        }

        static Result doneIf(boolean done, PendingWork w) {
            return done ? done(Outcome.ok(Effects.NONE)) : more(w);
        }
    }

    Result step(PendingWork w, WorkBudget budget, EffectSink fx) {
        if (w instanceof PendingWork.RecomputeInterfaces r) {
            PendingWork left = recompute(r, budget, fx);
            return Result.doneIf(left == null, left);
        } else if (w instanceof PendingWork.DeregisterEntity d) {
            return Result.doneIf(deregister(d, budget, fx), d);
        } else if (w instanceof PendingWork.EndRegistration e) {
            ChangeRegistration r = state.registrations.get(e.router(), e.table().rtmInstance(), e.registrationId());
            return Result.doneIf(r == null || notifier.remove(r, budget, fx), e);
        } else if (w instanceof PendingWork.DeleteRouteList l) {
            return Result.doneIf(deleteRouteList(l, budget, fx), l);
        } else if (w instanceof PendingWork.DeleteNeighbourRoutes n) {
            return deleteNeighbourRoutes(n, budget, fx);
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
     * D29: each destination where the owner has a route from the neighbour (the neighbour index), in address order,
     * a unit each; there those routes (last updated before the sweep's start, when it is a sweep) are deleted with
     * ordinary semantics. Routes a sweep keeps are passed over, so the last destination looked at is the cursor.
     */
    private Result deleteNeighbourRoutes(PendingWork.DeleteNeighbourRoutes w, WorkBudget budget, EffectSink fx) {
        TableId t = w.table();
        Prefix after = w.after();
        long deleted = w.deleted();
        for (List<Prefix> batch = neighbourDestinations(w, after); !batch.isEmpty();
             batch = neighbourDestinations(w, after)) {
            for (Prefix p : batch) {
                if (!budget.hasRoom()) {
                    return Result.more(new PendingWork.DeleteNeighbourRoutes(t, w.owner(), w.address(),
                            w.interfaceIndex(), w.notUpdatedSince(), w.now(), after, deleted));
                }
                Destination d = state.destinations.get(t, p);
                if (d != null) {
                    int before = d.routes().size();
                    deleted += before - routes.remove(t, d, r -> fromNeighbour(r, w), Cause.DELETE_ROUTE, w.now(),
                            fx).routes().size();
                }
                budget.spend(1);
                after = p;
            }
        }
        return Result.done(Outcome.deleted(deleted));
    }

    private List<Prefix> neighbourDestinations(PendingWork.DeleteNeighbourRoutes w, Prefix after) {
        return state.neighbourIndex.destinations(w.table(), w.owner(), w.address(), w.interfaceIndex(), after, SCAN);
    }

    private static boolean fromNeighbour(Route r, PendingWork.DeleteNeighbourRoutes w) {
        NextHopRef n = r.neighbour();
        return r.owner().equals(w.owner()) && n != null && n.address().equals(w.address())
                && (w.interfaceIndex() == null || n.interfaceIndex() == w.interfaceIndex())
                && (w.notUpdatedSince() == null || r.updatedAt() < w.notUpdatedSince());
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
