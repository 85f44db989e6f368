package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.List;
import java.util.Objects;

/**
 * The RTMv2 calls an entity can make, as values (contract.md, Commands). Every command names its router, its RTM
 * instance and its caller; {@code family} may be null where a prefix or an address implies it, or where the caller
 * is registered in only one family of the instance. Syntax (names, literals, ranges) is checked when the command is
 * built from the wire; meaning (handles, ownership, limits) is checked by the engine, which answers with a Win32
 * status.
 */
public sealed interface Command {

    /** INFINITE time to live (R12, R82). */
    long INFINITE = Unsigned.MAX_U32;

    String router();

    int rtmInstance();

    EntityId entity();

    /** The family named by the command, or null. */
    IpFamily family();

    /** RtmRegisterEntity (R13–R17, D7). */
    record RegisterEntity(String router, int rtmInstance, EntityId entity, IpFamily family,
                          ExpiryPolicy expiryPolicy, List<String> methods) implements Command {
        public RegisterEntity {
            Objects.requireNonNull(family, "family");
            expiryPolicy = expiryPolicy == null ? ExpiryPolicy.DELETE : expiryPolicy;
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }

    /**
     * DELETE_NEIGHBOUR_ROUTES (D29): every route of the caller learned from the neighbour {@code address} (on
     * {@code interfaceIndex}, or on any when null), a peer gone down; with {@code notUpdatedSinceMs} only those
     * whose last add or update came before that time (the sweep after a re-dump or a graceful restart).
     */
    record DeleteNeighbourRoutes(String router, int rtmInstance, EntityId entity, IpFamily family,
                                 io.rtmstreams.net.IpAddress address, Long interfaceIndex, Long notUpdatedSinceMs)
            implements Command {
        public DeleteNeighbourRoutes {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * SYNC (D30): a barrier. Its result is published once every record of its router processed before it has been
     * applied with all its steps; the router's other entities of the table hear SYNCED with the caller's
     * {@code marker}.
     */
    record Sync(String router, int rtmInstance, EntityId entity, IpFamily family, String marker) implements Command {
    }

    /** RtmDeregisterEntity with the cascade of D3 (R24–R26). */
    record DeregisterEntity(String router, int rtmInstance, EntityId entity, IpFamily family) implements Command {
    }

    /** RtmAddNextHop (R44). */
    record AddNextHop(String router, int rtmInstance, EntityId entity, IpFamily family, NextHopSpec nextHop)
            implements Command {
    }

    /** RtmDeleteNextHop by value or by id (R46). Exactly one of {@code nextHop} and {@code nextHopId} is set. */
    record DeleteNextHop(String router, int rtmInstance, EntityId entity, IpFamily family, NextHopSpec nextHop,
                         Long nextHopId) implements Command {
    }

    /**
     * RtmAddRouteToDest, or RtmUpdateAndUnlockRoute when {@code routeId} is set (R51–R66). {@code timeToLiveMs} is
     * {@link #INFINITE} when absent; {@code changeFlags} holds the input flags NEW and FIRST ({@link RouteChange}).
     */
    record AddRoute(String router, int rtmInstance, EntityId entity, IpFamily family, Prefix dest,
                    List<NextHopSpec> nextHops, NextHopSpec neighbour, long preference, long metric, int views,
                    int flags, long timeToLiveMs, int changeFlags, Long routeId, String routeList,
                    String entitySpecificInfo) implements Command {
        public AddRoute {
            Objects.requireNonNull(dest, "dest");
            nextHops = nextHops == null ? List.of() : List.copyOf(nextHops);
        }
    }

    /** RtmDeleteRouteToDest by id, or by (dest, neighbour) (R78–R81). */
    record DeleteRoute(String router, int rtmInstance, EntityId entity, IpFamily family, Long routeId, Prefix dest,
                       NextHopSpec neighbour) implements Command {
    }

    /**
     * ADD_ROUTES and DELETE_ROUTES (D25): routes applied in order, each exactly as the single command of the same
     * caller would be (validation, NEW/FIRST, ids, outputs, no-op suppression); a failing route changes nothing and
     * does not stop the others. One input record, so it is applied whole under exactly-once. Its {@code family} is
     * the batch's own, which its routes have already inherited; at most {@link #MAX_ROUTES} routes, checked on the
     * wire.
     */
    sealed interface Batch extends Command permits AddRoutes, DeleteRoutes {

        /** More routes than this is ERROR_INVALID_PARAMETER for the whole batch (D25: a result under 1 MB). */
        int MAX_ROUTES = 5_000;

        List<? extends BatchRoute<?>> routes();
    }

    /** ADD_ROUTES: RtmAddRouteToDest, once per route (D25). */
    record AddRoutes(String router, int rtmInstance, EntityId entity, IpFamily family,
                     List<BatchRoute<AddRoute>> routes) implements Batch {
        public AddRoutes {
            routes = List.copyOf(routes);
        }
    }

    /**
     * DELETE_ROUTES: RtmDeleteRouteToDest, once per route (D25); a route that does not exist (ERROR_NOT_FOUND for its
     * single command) is no failure but a success that changed nothing, as withdrawals of unknown prefixes are
     * normal in BGP.
     */
    record DeleteRoutes(String router, int rtmInstance, EntityId entity, IpFamily family,
                        List<BatchRoute<DeleteRoute>> routes) implements Batch {
        public DeleteRoutes {
            routes = List.copyOf(routes);
        }
    }

    /** RtmHoldDestination (R88). */
    record HoldDestination(String router, int rtmInstance, EntityId entity, IpFamily family, Prefix dest, int views,
                           long holdTimeMs) implements Command {
    }

    /** RtmCreateRouteList (R129). */
    record CreateRouteList(String router, int rtmInstance, EntityId entity, IpFamily family, String routeList)
            implements Command {
    }

    /** RtmDeleteRouteList (R132). */
    record DeleteRouteList(String router, int rtmInstance, EntityId entity, IpFamily family, String routeList)
            implements Command {
    }

    /** RtmInsertInRouteList; a null list removes the routes from their lists (R130). */
    record InsertInRouteList(String router, int rtmInstance, EntityId entity, IpFamily family, String routeList,
                             List<Long> routeIds) implements Command {
        public InsertInRouteList {
            routeIds = List.copyOf(routeIds);
        }
    }

    /** RtmRegisterForChangeNotification (R97); {@code changeTypes} is a {@link ChangeType} mask. */
    record RegisterChangeNotification(String router, int rtmInstance, EntityId entity, IpFamily family,
                                      String registrationId, int views, int changeTypes, boolean onlyMarkedDests)
            implements Command {
    }

    /** RtmDeregisterFromChangeNotification (R99). */
    record DeregisterChangeNotification(String router, int rtmInstance, EntityId entity, IpFamily family,
                                        String registrationId) implements Command {
    }

    /** RtmMarkDestForChangeNotification (R106). */
    record MarkDest(String router, int rtmInstance, EntityId entity, IpFamily family, String registrationId,
                    Prefix dest, boolean mark) implements Command {
    }

    /** Writes (or, with a null value, clears) the caller's opaque slot of a destination (R135). */
    record SetOpaque(String router, int rtmInstance, EntityId entity, IpFamily family, Prefix dest, String value)
            implements Command {
    }

    /** RtmInvokeMethod (R29, R30). */
    record InvokeMethod(String router, int rtmInstance, EntityId entity, IpFamily family, EntityId target,
                        List<String> methods, String invocationId, String input) implements Command {
        public InvokeMethod {
            methods = List.copyOf(methods);
        }
    }

    /** A method's answer, sent by the invoked entity back to the caller (R29). */
    record MethodResult(String router, int rtmInstance, EntityId entity, IpFamily family, String invocationId,
                        EntityId caller, Status status, String output) implements Command {
    }

    /** RtmBlockMethods (R31). */
    record BlockMethods(String router, int rtmInstance, EntityId entity, IpFamily family, boolean block)
            implements Command {
    }
}
