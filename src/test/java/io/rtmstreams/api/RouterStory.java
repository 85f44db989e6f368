package io.rtmstreams.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state the endpoint tests read. Router r1 has two IPv4 interfaces (index 1, metric 25, 192.168.1.10; index 2,
 * metric 35, 192.168.2.10) and one IPv6 interface; NETMGMT.1 (IPv4) owns static routes to seven IPv4
 * destinations, one of them multicast-only, and the route list "statics"; BGP.1 is registered in both families and
 * adds a worse route to 10.1.0.0/16 and an IPv6 route. Router r2 also reaches 10.0.0.0/8, for the fleet view.
 */
final class RouterStory {

    /** The IPv4 destinations of r1, in address order. */
    static final List<String> IPV4_DESTS = List.of("0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24",
            "172.16.0.0/12", "192.0.2.0/24", "224.1.0.0/16");

    private RouterStory() {
    }

    static void load(ApiTestBed bed) {
        List<JsonNode> results = new ArrayList<>(bed.iface(
                row("r1", "if1", "ipv4", "1000", 1, 25, "192.168.1.10"),
                row("r1", "if2", "ipv4", "2000", 2, 35, "192.168.2.10"),
                row("r1", "if1v6", "ipv6", "1000", 1, 10, "2001:db8:1::10"),
                row("r2", "r2-if1", "ipv4", "1000", 1, 5, "192.168.9.10")));
        results.addAll(bed.advert(
                "{'op': 'REGISTER_ENTITY', 'requestId': 'reg-nm', 'router': 'r1', 'entity': {'protocolId': 'NETMGMT', "
                        + "'instanceId': 1}, 'family': 'ipv4'}",
                "{'op': 'REGISTER_ENTITY', 'requestId': 'reg-bgp4', 'router': 'r1', 'entity': {'protocolId': 14, "
                        + "'instanceId': 1}, 'family': 'ipv4', 'expiryPolicy': 'NOTIFY', 'methods': ['refresh']}",
                "{'op': 'REGISTER_ENTITY', 'requestId': 'reg-bgp6', 'router': 'r1', 'entity': {'protocolId': 14, "
                        + "'instanceId': 1}, 'family': 'ipv6'}",
                route("r1", "default-1", 3, "0.0.0.0/0", "192.168.1.1", 1, true, 3, "unicast"),
                route("r1", "default-2", 3, "0.0.0.0/0", "192.168.2.1", 2, true, 3, "unicast"),
                route("r1", "net10", 3, "10.0.0.0/8", "192.168.1.1", 1, false, 3, "unicast"),
                route("r1", "net10-1", 3, "10.1.0.0/16", "192.168.2.1", 2, false, 3, "unicast"),
                route("r1", "net10-1-bgp", 14, "10.1.0.0/16", "192.168.1.254", 1, true, 20, "unicast"),
                route("r1", "net10-1-2", 3, "10.1.2.0/24", "192.168.1.1", 1, false, 3, "unicast"),
                route("r1", "net172", 3, "172.16.0.0/12", "192.168.1.1", 1, false, 3, "unicast"),
                route("r1", "net192", 3, "192.0.2.0/24", "192.168.2.1", 2, false, 3, "unicast"),
                route("r1", "mcast", 3, "224.1.0.0/16", "192.168.1.1", 1, false, 3, "multicast"),
                route("r1", "v6", 14, "2001:db8::/32", "2001:db8:1::1", 1, true, 20, "unicast"),
                "{'op': 'CREATE_ROUTE_LIST', 'requestId': 'list', 'router': 'r1', 'entity': {'protocolId': 3, "
                        + "'instanceId': 1}, 'family': 'ipv4', 'routeList': 'statics'}",
                "{'op': 'REGISTER_ENTITY', 'requestId': 'r2-reg', 'router': 'r2', 'entity': {'protocolId': 3, "
                        + "'instanceId': 1}, 'family': 'ipv4'}",
                route("r2", "r2-net10", 3, "10.0.0.0/8", "192.168.9.1", 1, false, 3, "unicast")));
        results.addAll(bed.advert("{'op': 'INSERT_IN_ROUTE_LIST', 'requestId': 'list-add', 'router': 'r1', "
                + "'entity': {'protocolId': 3, 'instanceId': 1}, 'family': 'ipv4', 'routeList': 'statics', "
                + "'routeIds': [" + bed.routeId("net172") + ", " + bed.routeId("net10") + "]}"));
        assertThat(results).hasSize(21).allSatisfy(r -> assertThat(r.get("status").asText())
                .as("setup command %s", r.get("requestId")).isEqualTo("NO_ERROR"));
    }

    private static String row(String router, String id, String family, String luid, int index, int metric,
                              String address) {
        return "{'router': '" + router + "', 'requestId': '" + id + "', 'notificationType': 'ADD_INSTANCE', "
                + "'interface': {'family': '" + family + "', 'interfaceLuid': '" + luid + "', 'interfaceIndex': "
                + index + ", 'metric': " + metric + ", 'useAutomaticMetric': false, 'unicastAddresses': ['"
                + address + "']}}";
    }

    private static String route(String router, String id, int protocol, String dest, String hop, int index,
                                boolean neighbour, int preference, String view) {
        String nextHop = "{'address': '" + hop + "', 'interfaceIndex': " + index + "}";
        return "{'op': 'ADD_ROUTE', 'requestId': '" + id + "', 'router': '" + router + "', 'entity': {'protocolId': "
                + protocol + ", 'instanceId': 1}, 'dest': '" + dest + "', 'nextHops': [" + nextHop + "], "
                + "'neighbour': " + (neighbour ? nextHop : "null") + ", 'preference': " + preference
                + ", 'metric': 0, 'views': ['" + view + "']}";
    }
}
