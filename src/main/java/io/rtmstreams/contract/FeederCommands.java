package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The commands and interface changes a bulk feeder sends (contract.md v2: importers, adapters), as the wire types
 * that {@link Json#MAPPER} writes, for one router, rtmInstance and caller. Absent fields are left out of the JSON
 * (the mapper's inclusion rule), so a batch element carries only what it does not inherit from its batch.
 */
public final class FeederCommands {

    /** A route of an ADD_ROUTES batch: its destination, next hop and metric; null fields inherit the batch's. */
    public record Route(String dest, WireNextHop nextHop, Long metric) {
    }

    private final String router;
    private final Integer rtmInstance;
    private final WireEntity entity;

    public FeederCommands(String router, int rtmInstance, long protocolId, long instanceId) {
        this.router = router;
        this.rtmInstance = rtmInstance == 0 ? null : rtmInstance;
        this.entity = new WireEntity(protocolId, instanceId);
    }

    public String router() {
        return router;
    }

    public WireCommand registerEntity(String requestId, String family) {
        return command("REGISTER_ENTITY", requestId, family, null, null, null, null, null, null, null);
    }

    /**
     * ADD_ROUTES with {@code ack: ERRORS}: the neighbour, preference, views and (when not null) metric shared at the
     * top, each route's own fields in its element.
     */
    public WireCommand addRoutes(String requestId, WireNextHop neighbour, long preference, Long metric,
                                 List<String> views, List<Route> routes) {
        List<JsonNode> elements = routes.stream().map(r -> element(r.dest(), r.nextHop(), r.metric())).toList();
        return command("ADD_ROUTES", requestId, null, neighbour, preference, metric, views, elements, null, null);
    }

    /** DELETE_ROUTES with {@code ack: ERRORS} of routes learned from {@code neighbour}: a withdrawal list. */
    public WireCommand deleteRoutes(String requestId, WireNextHop neighbour, List<String> views, List<String> dests) {
        List<JsonNode> elements = dests.stream().map(d -> element(d, null, null)).toList();
        return command("DELETE_ROUTES", requestId, null, neighbour, null, null, views, elements, null, null);
    }

    /** DELETE_NEIGHBOUR_ROUTES (D29) of every route learned from the neighbour's address, on any interface; with
     * {@code notUpdatedSinceMs}, only those not added or updated since. */
    public WireCommand deleteNeighbourRoutes(String requestId, String neighbourAddress, Long notUpdatedSinceMs) {
        return command("DELETE_NEIGHBOUR_ROUTES", requestId, null, new WireNextHop(neighbourAddress, null, null, null),
                null, null, null, null, notUpdatedSinceMs, null);
    }

    /** SYNC (D30): its result, always published, says that the router's table of that family is in. */
    public WireCommand sync(String requestId, String family, String marker) {
        return command("SYNC", requestId, family, null, null, null, null, null, null, marker);
    }

    /**
     * An ADD_INSTANCE of an interface with the given metric that is up: the keys, the metric and
     * {@code useAutomaticMetric: false}; every other field takes its per-family default (contract.md).
     */
    public WireInterfaceChange addInterface(String requestId, String family, long interfaceLuid, long interfaceIndex,
                                            long metric) {
        WireInterfaceRow row = new WireInterfaceRow(family, Long.toUnsignedString(interfaceLuid), interfaceIndex,
                null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, null, null,
                null, null, null, null, null, metric, null, true, null, null, null, null, null, null, null, null, null,
                null, null);
        return new WireInterfaceChange(router, requestId, "ADD_INSTANCE", row);
    }

    private static JsonNode element(String dest, WireNextHop nextHop, Long metric) {
        WireRoute route = new WireRoute(null, dest, nextHop == null ? null : List.of(nextHop), null, null, metric,
                null, null, null, null, null, null, null);
        return Json.MAPPER.valueToTree(route);
    }

    private WireCommand command(String op, String requestId, String family, WireNextHop neighbour, Long preference,
                                Long metric, List<String> views, List<JsonNode> routes, Long notUpdatedSinceMs,
                                String marker) {
        return new WireCommand(op, requestId, router, rtmInstance, entity, family, null, null, null, null, null, null,
                neighbour, preference, metric, views, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, routes, "ERRORS", notUpdatedSinceMs,
                marker);
    }
}
