package io.rtmstreams.contract;

import java.util.List;

/** The JSON shapes of the output topics (contract.md, Outputs and Command results), as records Jackson writes. */
public final class OutputJson {

    private OutputJson() {
    }

    /**
     * One answer per command (D20); a batch's (D25) adds {@code count}, {@code failed} and one {@link RouteResult}
     * per route, which are absent from every other result.
     */
    public record CommandResult(String requestId, String router, int rtmInstance, String op, WireEntity entity,
                                String status, int code, List<String> changeFlags, Long routeId, Long nextHopId,
                                String message, Integer count, Integer failed, List<RouteResult> routes,
                                Long deleted) {
    }

    /** The answer to one route of a batch, by its index in the batch (D25). */
    public record RouteResult(int index, String status, int code, List<String> changeFlags, Long routeId,
                              String message) {
    }

    /** A next hop of a route; {@code interfaceLuid} (decimal string) only where the router reported the interface. */
    public record NextHop(String address, long interfaceIndex, String interfaceLuid, Long nextHopId) {
    }

    /**
     * A route as outputs show it (best route fields, hold-down routes, expired routes); {@code reason} only on the
     * best route of a destination change (contract v2, Selection reason).
     */
    public record Route(long routeId, String dest, WireEntity owner, NextHop neighbour, long preference,
                        long metric, Long interfaceMetric, Long effectiveMetric, List<NextHop> nextHops,
                        List<String> flags, List<String> views, String state, String reason) {
    }

    /** {@code rtm.best-routes}: the full current best route of a (destination, view) (D21) and why it won. */
    public record BestRoute(String router, int rtmInstance, String family, String view, String prefix, long version,
                            long routeId, WireEntity owner, NextHop neighbour, long preference, long metric,
                            long interfaceMetric, long effectiveMetric, List<NextHop> nextHops, List<String> flags,
                            String reason, int numRoutes, Route holdRoute, long lastChanged) {
    }

    /** {@code rtm.dest-changes}. */
    public record DestChange(String router, int rtmInstance, String family, String view, String prefix, long version,
                             List<String> changeTypes, String cause, String requestId, Route best, int numRoutes,
                             Route holdRoute, long lastChanged) {
    }

    /** {@code rtm.entity-events}. */
    public record EntityEvent(String router, int rtmInstance, String family, WireEntity recipient, String event,
                              WireEntity subject, Route route, String invocationId, WireEntity caller,
                              WireEntity target, List<String> methods, Long methodBits, String input, String status,
                              Integer code, String output, String marker) {
    }

    /** The per-view part of a destination record in a notification. */
    public record ViewInfo(String view, int numRoutes, Route route, WireEntity owner, List<String> destFlags,
                           Route holdRoute) {
    }

    /** A destination record (RTM_DEST_INFO). */
    public record DestInfo(String prefix, List<String> belongsToViews, long lastChanged, List<ViewInfo> views) {
    }

    /** {@code rtm.notifications}: the latest change of a destination for a registration (R111). */
    public record Notification(String router, int rtmInstance, String registrationId, String view, String prefix,
                               List<String> changeTypes, DestInfo dest) {
    }

    /**
     * {@code rtm.fleet-routes} (D27): how many (router, rtmInstance) tables have a best route for the prefix in the
     * view, with the key's record version (D21). Which tables they are is on {@code rtm.best-routes} in the
     * prefix's partition and answered by {@code GET /v1/fleet/prefixes}.
     */
    public record FleetRoute(String view, String prefix, long routerCount, long version) {
    }

    /**
     * A GetBestRoute2 answer (contract.md, Query API; D17, B9): the chosen RTM route, the next hop and interface it
     * leaves through, the route's metric offset (Q7) and the effective metric, the best source address (with
     * {@code %scope} for IPv6 link-local), and whether the interface is disconnected (G7).
     */
    public record BestRouteLookup(Route route, NextHop nextHop, String interfaceLuid, long interfaceIndex,
                                  long metric, long effectiveMetric, String bestSourceAddress, boolean stale) {
    }

    /** An error answer of the query API: the Win32 status, its code and a message. */
    public record Error(String status, int code, String message) {
    }

    /** {@code rtm.rejected}: unreadable input with its coordinates; non-UTF-8 bytes as base64 with an encoding note. */
    public record Rejected(String reason, String topic, int partition, long offset, String key, String value,
                           String keyEncoding, String valueEncoding) {
    }
}
