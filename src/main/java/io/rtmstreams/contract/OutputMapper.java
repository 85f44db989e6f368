package io.rtmstreams.contract;

import io.rtmstreams.iphlp.BestRouteResult;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BestRoute;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.DestInfo;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Notification;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteFlags;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.ViewInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds the output records' keys and JSON values from the engine's results (contract.md, Topics and Outputs). */
public final class OutputMapper {

    private OutputMapper() {
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    /** {@code router|rtmInstance|view|prefix}: best routes and destination changes. */
    public static String destKey(TableId t, View v, Prefix p) {
        return t.router() + "|" + t.rtmInstance() + "|" + v.wireName() + "|" + p;
    }

    /** {@code router|rtmInstance|family|protocolId.instanceId} of the recipient. */
    public static String entityEventKey(TableId t, EntityId recipient) {
        return t.router() + "|" + t.rtmInstance() + "|" + t.family().wireName() + "|" + recipient;
    }

    /** {@code router|rtmInstance|registrationId|view|prefix}. */
    public static String notificationKey(Notification n) {
        TableId t = n.registration().table();
        return t.router() + "|" + t.rtmInstance() + "|" + n.registration().id() + "|" + n.view().wireName() + "|"
                + n.prefix();
    }

    /** {@code view|prefix}: fleet records. */
    public static String fleetKey(View v, Prefix p) {
        return v.wireName() + "|" + p;
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /**
     * A command's result; with {@code ack} ERRORS (the command's, or the operator's) a batch lists only its failed
     * routes (D26), while {@code count} and {@code failed} still count them all.
     */
    public static OutputJson.CommandResult result(Envelope env, Outcome o, Ack ack) {
        Integer count = null;
        Integer failed = null;
        List<OutputJson.RouteResult> routes = null;
        if (o.isBatch()) {
            count = o.routes().size();
            routes = new ArrayList<>(ack == Ack.ALL ? count : 1);
            int f = 0;
            for (int i = 0; i < count; i++) {
                Outcome r = o.routes().get(i);
                f += r.succeeded() ? 0 : 1;
                if (ack == Ack.ALL || !r.succeeded()) {
                    routes.add(routeResult(i, r));
                }
            }
            failed = f;
        }
        return new OutputJson.CommandResult(env.requestId(), env.router(), env.rtmInstance(), env.op(),
                env.entity() == null ? null : WireEntity.of(env.entity()), o.status().name(), o.status().code(),
                RouteChange.names(o.changeFlags()), id(o.routeId()), id(o.nextHopId()), o.message(), count, failed,
                routes, o.deleted());
    }

    private static OutputJson.RouteResult routeResult(int index, Outcome o) {
        return new OutputJson.RouteResult(index, o.status().name(), o.status().code(),
                RouteChange.names(o.changeFlags()), id(o.routeId()), o.message());
    }

    private static Long id(long id) {
        return id == 0 ? null : id;
    }

    /**
     * The best-route record of a change, or null for a tombstone (D21). Its version counts best-route records, not
     * destination changes: a change a best-route consumer cannot see produces no record and must leave no gap.
     * {@code bestHops} are the {@linkplain #hops usable next hops} of {@code c.best()}, built once per change.
     */
    public static OutputJson.BestRoute bestRoute(DestChange c, List<OutputJson.NextHop> bestHops) {
        BestRoute b = c.best();
        if (b == null) {
            return null;
        }
        Route r = b.route();
        return new OutputJson.BestRoute(c.table().router(), c.table().rtmInstance(), c.table().family().wireName(),
                c.view().wireName(), c.prefix().toString(), c.bestVersion(), r.id(), WireEntity.of(r.owner()),
                hop(r.neighbour()), r.preference(), r.metric(), b.interfaceMetric(), b.effectiveMetric(), bestHops,
                RouteFlags.names(r.flags()), b.reason().name(), c.numRoutes(),
                route(c.prefix(), c.holdRoute(), "DELETED"), c.lastChanged());
    }

    /** The destination-change record; {@code bestHops} as for {@link #bestRoute}. */
    public static OutputJson.DestChange destChange(DestChange c, String requestId, List<OutputJson.NextHop> bestHops) {
        return new OutputJson.DestChange(c.table().router(), c.table().rtmInstance(), c.table().family().wireName(),
                c.view().wireName(), c.prefix().toString(), c.version(), changeTypes(c.changeTypes()),
                c.cause().name(), requestId, best(c.prefix(), c.best(), bestHops, true), c.numRoutes(),
                route(c.prefix(), c.holdRoute(), "DELETED"), c.lastChanged());
    }

    public static OutputJson.EntityEvent entityEvent(EntityEvent e) {
        TableId t = e.table();
        String router = t.router();
        int inst = t.rtmInstance();
        String fam = t.family().wireName();
        WireEntity to = WireEntity.of(e.recipient());
        if (e instanceof EntityEvent.Registered r) {
            return event(router, inst, fam, to, "ENTITY_REGISTERED", WireEntity.of(r.subject()), null, null, null,
                    null, null, null, null, null, null);
        }
        if (e instanceof EntityEvent.Deregistered d) {
            return event(router, inst, fam, to, "ENTITY_DEREGISTERED", WireEntity.of(d.subject()), null, null, null,
                    null, null, null, null, null, null);
        }
        if (e instanceof EntityEvent.RouteExpired x) {
            return event(router, inst, fam, to, "ROUTE_EXPIRED", null, route(x.dest(), x.route(), "CREATED"), null,
                    null, null, null, null, null, null, null);
        }
        if (e instanceof EntityEvent.MethodInvoked m) {
            return event(router, inst, fam, to, "METHOD_INVOKED", null, null, m.invocationId(),
                    WireEntity.of(m.caller()), null, m.methods(), m.methodBits(), m.input(), null, null);
        }
        if (e instanceof EntityEvent.MethodResult m) {
            return event(router, inst, fam, to, "METHOD_RESULT", null, null, m.invocationId(), null,
                    WireEntity.of(m.target()), null, null, null, m.status(), m.output());
        }
        EntityEvent.Synced s = (EntityEvent.Synced) e;
        return new OutputJson.EntityEvent(router, inst, fam, to, "SYNCED", WireEntity.of(s.subject()), null, null,
                null, null, null, null, null, null, null, null, s.marker());
    }

    private static OutputJson.EntityEvent event(String router, int inst, String fam, WireEntity to, String kind,
                                                WireEntity subject, OutputJson.Route route, String invocationId,
                                                WireEntity caller, WireEntity target, List<String> methods,
                                                Long bits, String input, Status status, String output) {
        return new OutputJson.EntityEvent(router, inst, fam, to, kind, subject, route, invocationId, caller, target,
                methods, bits, input, status == null ? null : status.name(), status == null ? null : status.code(),
                output, null);
    }

    /** The notification record, or null for a withdrawal (a tombstone, R99). */
    public static OutputJson.Notification notification(Notification n) {
        if (n.isWithdrawal()) {
            return null;
        }
        TableId t = n.registration().table();
        return new OutputJson.Notification(t.router(), t.rtmInstance(), n.registration().id(), n.view().wireName(),
                n.prefix().toString(), changeTypes(n.changeTypes()), destInfo(n.dest()));
    }

    /** A successful GetBestRoute2 answer (B9). */
    public static OutputJson.BestRouteLookup bestRouteLookup(BestRouteResult r) {
        OutputJson.NextHop hop = r.nextHop() == null ? null : new OutputJson.NextHop(r.nextHop().toString(),
                r.interfaceIndex(), r.interfaceLuid() == 0 ? null : Long.toUnsignedString(r.interfaceLuid()), null);
        return new OutputJson.BestRouteLookup(route(r.prefix(), r.route(), "CREATED"), hop,
                r.interfaceLuid() == 0 ? null : Long.toUnsignedString(r.interfaceLuid()), r.interfaceIndex(),
                r.metric(), r.effectiveMetric(), r.bestSourceAddress() == null ? null : r.bestSourceAddress().toString(),
                r.stale());
    }

    public static OutputJson.Error error(Status status, String message) {
        return new OutputJson.Error(status.name(), status.code(), message);
    }

    public static OutputJson.DestInfo destInfo(DestInfo d) {
        List<OutputJson.ViewInfo> views = new ArrayList<>(d.views().size());
        for (ViewInfo v : d.views()) {
            views.add(new OutputJson.ViewInfo(v.view().wireName(), v.numRoutes(), best(d.prefix(), v.route()),
                    v.owner() == null ? null : WireEntity.of(v.owner()), RouteFlags.names(v.destFlags()),
                    route(d.prefix(), v.holdRoute(), "DELETED")));
        }
        return new OutputJson.DestInfo(d.prefix().toString(), viewNames(d.belongsToViews()), d.lastChanged(), views);
    }

    /** A best route as a route object, with its cost and usable next hops. */
    public static OutputJson.Route best(Prefix dest, BestRoute b) {
        return best(dest, b, hops(b), false);
    }

    /**
     * {@link #best(Prefix, BestRoute)} with the route's {@linkplain #hops usable next hops} already built, and with
     * the selection reason where the contract shows it (the best of a destination change).
     */
    private static OutputJson.Route best(Prefix dest, BestRoute b, List<OutputJson.NextHop> hops, boolean reason) {
        if (b == null) {
            return null;
        }
        Route r = b.route();
        return new OutputJson.Route(r.id(), dest.toString(), WireEntity.of(r.owner()), hop(r.neighbour()),
                r.preference(), r.metric(), b.interfaceMetric(), b.effectiveMetric(), hops,
                RouteFlags.names(r.flags()), viewNames(r.views()), "CREATED", reason ? b.reason().name() : null);
    }

    /** Any route, as stored (all its next hops). */
    public static OutputJson.Route route(Prefix dest, Route r, String state) {
        if (r == null) {
            return null;
        }
        List<OutputJson.NextHop> hops = new ArrayList<>(r.nextHops().size());
        r.nextHops().forEach(h -> hops.add(hop(h)));
        return new OutputJson.Route(r.id(), dest.toString(), WireEntity.of(r.owner()), hop(r.neighbour()),
                r.preference(), r.metric(), r.cost().interfaceMetric(), r.effectiveMetric(), hops,
                RouteFlags.names(r.flags()), viewNames(r.views()), state, null);
    }

    /**
     * A best route's usable next hops as outputs show them, or null for no best route. The list is unmodifiable, so
     * the records of one change can share it.
     */
    public static List<OutputJson.NextHop> hops(BestRoute b) {
        if (b == null) {
            return null;
        }
        List<OutputJson.NextHop> out = new ArrayList<>(b.nextHops().size());
        for (BestRoute.Hop h : b.nextHops()) {
            NextHopRef ref = h.nextHop();
            out.add(new OutputJson.NextHop(ref.address().toString(), ref.interfaceIndex(),
                    h.interfaceLuid() == null ? null : Long.toUnsignedString(h.interfaceLuid()), ref.id()));
        }
        return Collections.unmodifiableList(out);
    }

    static OutputJson.NextHop hop(NextHopRef h) {
        return h == null ? null : new OutputJson.NextHop(h.address().toString(), h.interfaceIndex(), null, h.id());
    }

    static List<String> changeTypes(int mask) {
        return ChangeType.of(mask).stream().map(Enum::name).toList();
    }

    static List<String> viewNames(int mask) {
        return View.of(mask).stream().map(View::wireName).toList();
    }
}
