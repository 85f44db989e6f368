package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entity-private route lists (R129–R132). */
final class RouteListOps {

    private final RtmState state;
    private final RouteOps routes;
    private final DestinationWriter writer;

    RouteListOps(RtmState state, RouteOps routes, DestinationWriter writer) {
        this.state = state;
        this.routes = routes;
        this.writer = writer;
    }

    Outcome create(TableId t, Entity caller, String name) {
        checkName(name);
        if (state.routeLists.exists(t, caller.id(), name)) {
            throw RtmException.alreadyExists("entity " + caller.id() + " already has route list '" + name + "'");
        }
        state.routeLists.create(t, caller.id(), name);
        return Outcome.ok(Effects.NONE);
    }

    /** RtmDeleteRouteList (R132): checks the list exists; emptying and deleting it is {@link WorkSteps}' work. */
    PendingWork delete(TableId t, Entity caller, String name, long now) {
        requireList(t, caller, name);
        return new PendingWork.DeleteRouteList(t, caller.id(), name, now);
    }

    /**
     * RtmInsertInRouteList (R130): each route leaves its previous list and joins this one (none when the list is
     * null). Every route must be a live route of the caller's.
     */
    Outcome insert(TableId t, Entity caller, String name, List<Long> routeIds, long now, EffectSink fx) {
        if (name != null) {
            requireList(t, caller, name);
        }
        for (Long id : routeIds) {
            routes.ownRoute(t, caller, id);
        }
        move(t, routeIds, name, now, fx);
        return Outcome.ok(Effects.NONE);
    }

    private void move(TableId t, List<Long> routeIds, String list, long now, EffectSink fx) {
        Map<Prefix, List<Long>> byDest = new LinkedHashMap<>();
        for (Long id : routeIds) {
            byDest.computeIfAbsent(routes.destOf(t, id), p -> new ArrayList<>()).add(id);
        }
        byDest.forEach((p, ids) -> {
            Destination d = state.destinations.get(t, p);
            List<Route> edited = new ArrayList<>(d.routes().size());
            for (Route r : d.routes()) {
                edited.add(ids.contains(r.id()) ? r.withRouteList(list) : r);
            }
            writer.commit(t, d, d.withRoutes(edited), Cause.ADD_ROUTE, now, fx);
        });
    }

    private void requireList(TableId t, Entity caller, String name) {
        checkName(name);
        if (!state.routeLists.exists(t, caller.id(), name)) {
            throw RtmException.invalidHandle("entity " + caller.id() + " has no route list '" + name + "'");
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || name.indexOf('\0') >= 0) {
            throw RtmException.invalidParameter("route list names are 1-64 characters");
        }
    }
}
