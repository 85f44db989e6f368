package io.rtmstreams.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Contract JSON (contract.md, Commands and Interface changes) for one router, built as a producer would write it,
 * with a plain Jackson mapper rather than the product's, so the tests speak the wire format independently. Every
 * command gets the next request id {@code <router>-<n>} unless the caller names one.
 */
public final class Commands {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A routing protocol instance, the caller of a command (contract: {@code entity}). */
    public record Entity(long protocolId, long instanceId) {
        public static final Entity RIP = new Entity(8, 1);
        public static final Entity OSPF = new Entity(13, 1);
        public static final Entity BGP = new Entity(14, 1);
        public static final Entity STATIC = new Entity(10006, 1);

        /** The form of entity-event keys and of the query API: {@code 8.1}. */
        public String id() {
            return protocolId + "." + instanceId;
        }

        ObjectNode json() {
            return JSON.createObjectNode().put("protocolId", protocolId).put("instanceId", instanceId);
        }
    }

    /** A next hop by value: address and interface index (its identity within the owner, R41). */
    public record Hop(String address, long interfaceIndex) {
        ObjectNode json() {
            return JSON.createObjectNode().put("address", address).put("interfaceIndex", interfaceIndex);
        }
    }

    private final String router;
    private int requests;

    public Commands(String router) {
        this.router = router;
    }

    public String router() {
        return router;
    }

    /** The request id the next command will get. */
    public String nextRequestId() {
        return router + "-" + (requests + 1);
    }

    public ObjectNode command(String op, Entity entity) {
        ObjectNode c = JSON.createObjectNode().put("op", op).put("requestId", router + "-" + (++requests))
                .put("router", router);
        if (entity != null) {
            c.set("entity", entity.json());
        }
        return c;
    }

    public ObjectNode register(Entity e, String expiryPolicy) {
        ObjectNode c = command("REGISTER_ENTITY", e).put("family", "ipv4");
        return expiryPolicy == null ? c : c.put("expiryPolicy", expiryPolicy);
    }

    public ObjectNode deregister(Entity e) {
        return command("DEREGISTER_ENTITY", e).put("family", "ipv4");
    }

    /** ADD_ROUTE over one next hop that is also the neighbour (the route's identity: owner and neighbour). */
    public ObjectNode addRoute(Entity e, String dest, Hop via, long preference, long metric, List<String> views) {
        ObjectNode c = command("ADD_ROUTE", e).put("dest", dest);
        c.putArray("nextHops").add(via.json());
        c.set("neighbour", via.json());
        c.put("preference", preference).put("metric", metric);
        strings(c.putArray("views"), views);
        return c;
    }

    /** DELETE_ROUTE of the caller's route to {@code dest} learnt from {@code neighbour} (R51). */
    public ObjectNode deleteRoute(Entity e, String dest, Hop neighbour) {
        ObjectNode c = command("DELETE_ROUTE", e).put("dest", dest);
        c.set("neighbour", neighbour.json());
        return c;
    }

    public ObjectNode deleteRoute(Entity e, long routeId) {
        return command("DELETE_ROUTE", e).put("routeId", routeId);
    }

    public ObjectNode hold(Entity e, String dest, long holdTimeMs) {
        ObjectNode c = command("HOLD_DESTINATION", e).put("dest", dest).put("holdTimeMs", holdTimeMs);
        c.putArray("views").add("unicast");
        return c;
    }

    public ObjectNode registerNotification(Entity e, String registrationId, List<String> views,
                                           List<String> changeTypes) {
        ObjectNode c = command("REGISTER_CHANGE_NOTIFICATION", e).put("registrationId", registrationId);
        strings(c.putArray("views"), views);
        strings(c.putArray("changeTypes"), changeTypes);
        return c;
    }

    /**
     * An interface row of this router (contract: Interface changes): IPv4, Ethernet LUID for {@code index}, the
     * metric as given (no automatic metric), one unicast address.
     */
    public ObjectNode interfaceRow(String notificationType, int index, long metric, boolean connected) {
        ObjectNode c = JSON.createObjectNode().put("router", router).put("requestId", router + "-" + (++requests))
                .put("notificationType", notificationType);
        ObjectNode row = c.putObject("interface");
        row.put("family", "ipv4").put("interfaceLuid", Long.toString(luid(index))).put("interfaceIndex", index)
                .put("metric", metric).put("useAutomaticMetric", false).put("connected", connected);
        row.putArray("unicastAddresses").add("192.168." + index + ".1");
        return c;
    }

    /** An Ethernet LUID (IfType 6) with NetLuidIndex {@code index}. */
    public static long luid(int index) {
        return (6L << 48) | ((long) index << 24);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
