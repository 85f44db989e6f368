package io.rtmstreams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.api.ApiTestBed.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the contract's query table answering over the real topology's stores (TopologyTestDriver),
 * through HTTP: the success shapes, views, paging with cursors, and GetBestRoute2's constraints.
 */
class QueryEndpointsTest {

    private static ApiTestBed bed;

    @BeforeAll
    static void loadStory() {
        bed = new ApiTestBed();
        RouterStory.load(bed);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void shouldListRegisteredEntitiesOfBothFamiliesIpv4First() {
        JsonNode a = ok("/v1/routers/r1/entities");
        assertThat(a.get("router").asText()).isEqualTo("r1");
        assertThat(a.get("rtmInstance").asInt()).isZero();
        assertThat(texts(a.get("entities"), e -> e.get("family").asText() + ":" + e.get("protocolId").asLong() + "."
                + e.get("instanceId").asLong())).containsExactly("ipv4:3.1", "ipv4:14.1", "ipv6:14.1");
        JsonNode bgp = a.get("entities").get(1);
        assertThat(bgp.get("expiryPolicy").asText()).isEqualTo("NOTIFY");
        assertThat(texts(bgp.get("methods"), JsonNode::asText)).containsExactly("refresh");
        assertThat(bgp.get("methodsBlocked").asBoolean()).isFalse();
    }

    @Test
    void shouldListEntitiesOfOneFamily() {
        JsonNode a = ok("/v1/routers/r1/entities?family=ipv6");
        assertThat(a.get("entities")).hasSize(1);
        assertThat(a.get("entities").get(0).get("family").asText()).isEqualTo("ipv6");
    }

    @Test
    void shouldAnswerAnEmptyTableForAnotherInstanceOrAnUnknownRouter() {
        assertThat(ok("/v1/routers/r1/entities?instance=1").get("entities")).isEmpty();
        assertThat(ok("/v1/routers/nobody/entities").get("entities")).isEmpty();
    }

    @Test
    void shouldReadAnExactDestinationWithEveryViewByDefault() {
        JsonNode d = ok("/v1/routers/r1/destinations?prefix=10.1.0.0/16").get("destination");
        assertThat(d.get("prefix").asText()).isEqualTo("10.1.0.0/16");
        assertThat(texts(d.get("views"), v -> v.get("view").asText())).containsExactly("unicast", "multicast");
        JsonNode unicast = d.get("views").get(0);
        assertThat(unicast.get("numRoutes").asInt()).isEqualTo(2);
        assertThat(unicast.get("route").get("routeId").asLong()).isEqualTo(bed.routeId("net10-1"));
        assertThat(unicast.get("route").get("effectiveMetric").asLong()).isEqualTo(35);
    }

    @Test
    void shouldReadOnlyTheRequestedViewsAndZeroHostBits() {
        JsonNode d = ok("/v1/routers/r1/destinations?prefix=10.1.2.3/16&views=multicast").get("destination");
        assertThat(d.get("prefix").asText()).isEqualTo("10.1.0.0/16");
        assertThat(d.get("views")).hasSize(1);
        assertThat(d.get("views").get(0).get("view").asText()).isEqualTo("multicast");
        assertThat(d.get("views").get(0).get("numRoutes").asInt()).isZero();
        assertThat(d.get("views").get(0).has("route")).isFalse();
    }

    @Test
    void shouldReportTheBestRouteOfTheRequestedProtocol() {
        JsonNode d = ok("/v1/routers/r1/destinations?prefix=10.1.0.0/16&views=unicast&protocol=BGP")
                .get("destination");
        assertThat(d.get("views").get(0).get("route").get("routeId").asLong()).isEqualTo(bed.routeId("net10-1-bgp"));
        assertThat(ok("/v1/routers/r1/destinations?prefix=10.1.0.0/16&views=unicast&protocol=14").get("destination")
                .get("views").get(0).get("route").get("routeId").asLong()).isEqualTo(bed.routeId("net10-1-bgp"));
    }

    @Test
    void shouldFindTheMostAndLessSpecificDestinations() {
        assertThat(ok("/v1/routers/r1/destinations/most-specific?prefix=10.1.2.128/25").get("destination")
                .get("prefix").asText()).isEqualTo("10.1.2.0/24");
        assertThat(ok("/v1/routers/r1/destinations/most-specific?prefix=10.200.0.0/16").get("destination")
                .get("prefix").asText()).isEqualTo("10.0.0.0/8");
        assertThat(ok("/v1/routers/r1/destinations/less-specific?prefix=10.1.2.0/24").get("destination")
                .get("prefix").asText()).isEqualTo("10.1.0.0/16");
        assertThat(ok("/v1/routers/r1/destinations/less-specific?prefix=10.0.0.0/8").get("destination")
                .get("prefix").asText()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void shouldPageThroughEveryDestinationWithCursors() {
        List<String> seen = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        String cursor = null;
        do {
            Reply r = bed.get("/v1/routers/r1/destinations/enum?family=ipv4&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            statuses.add(r.json().get("status").asText());
            assertThat(r.json().get("destinations").size()).isLessThanOrEqualTo(3);
            r.json().get("destinations").forEach(d -> seen.add(d.get("prefix").asText()));
            cursor = r.json().has("cursor") ? r.json().get("cursor").asText() : null;
        } while (cursor != null && statuses.size() < 10);
        assertThat(seen).containsExactlyElementsOf(RouterStory.IPV4_DESTS);
        assertThat(statuses).containsExactly("NO_ERROR", "NO_ERROR", "ERROR_NO_MORE_ITEMS");
    }

    @Test
    void shouldAnswerTheWholeEnumerationInOnePageWithinTheLimit() {
        JsonNode a = ok("/v1/routers/r1/destinations/enum?family=ipv4");
        assertThat(a.get("status").asText()).isEqualTo("ERROR_NO_MORE_ITEMS");
        assertThat(a.get("code").asInt()).isEqualTo(259);
        assertThat(a.has("cursor")).isFalse();
        assertThat(texts(a.get("destinations"), d -> d.get("prefix").asText()))
                .containsExactlyElementsOf(RouterStory.IPV4_DESTS);
    }

    @Test
    void shouldEnumerateOnlyDestinationsWithARouteInTheRequestedViews() {
        assertThat(prefixes("/v1/routers/r1/destinations/enum?family=ipv4&views=unicast"))
                .containsExactlyElementsOf(RouterStory.IPV4_DESTS.subList(0, 6));
        assertThat(prefixes("/v1/routers/r1/destinations/enum?family=ipv4&views=multicast"))
                .containsExactly("224.1.0.0/16");
        assertThat(prefixes("/v1/routers/r1/destinations/enum?family=ipv4&views=unicast,multicast"))
                .containsExactlyElementsOf(RouterStory.IPV4_DESTS);
    }

    @Test
    void shouldEnumerateFromAStartOrWithinARange() {
        assertThat(prefixes("/v1/routers/r1/destinations/enum?start=172.16.0.0/12"))
                .containsExactly("172.16.0.0/12", "192.0.2.0/24", "224.1.0.0/16");
        assertThat(prefixes("/v1/routers/r1/destinations/enum?family=ipv4&start=10.0.0.0/8&range=true"))
                .containsExactly("10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24");
        assertThat(prefixes("/v1/routers/r1/destinations/enum?family=ipv6")).containsExactly("2001:db8::/32");
    }

    @Test
    void shouldReadARouteById() {
        JsonNode a = ok("/v1/routers/r1/routes/" + bed.routeId("net10-1"));
        assertThat(a.get("family").asText()).isEqualTo("ipv4");
        JsonNode route = a.get("route");
        assertThat(route.get("routeId").asLong()).isEqualTo(bed.routeId("net10-1"));
        assertThat(route.get("dest").asText()).isEqualTo("10.1.0.0/16");
        assertThat(route.get("state").asText()).isEqualTo("CREATED");
        assertThat(route.get("owner").get("protocolId").asLong()).isEqualTo(3);
        assertThat(route.get("nextHops").get(0).get("address").asText()).isEqualTo("192.168.2.1");
    }

    @Test
    void shouldListTheRoutesOfADestinationInRankingOrder() {
        JsonNode a = ok("/v1/routers/r1/routes?prefix=10.1.0.0/16");
        assertThat(a.get("prefix").asText()).isEqualTo("10.1.0.0/16");
        assertThat(ids(a.get("routes"))).containsExactly(bed.routeId("net10-1"), bed.routeId("net10-1-bgp"));
        assertThat(ids(ok("/v1/routers/r1/routes?prefix=10.1.0.0/16&entity=BGP.1").get("routes")))
                .containsExactly(bed.routeId("net10-1-bgp"));
        assertThat(ids(ok("/v1/routers/r1/routes?prefix=10.1.0.0/16&entity=3.1&views=unicast").get("routes")))
                .containsExactly(bed.routeId("net10-1"));
        assertThat(ok("/v1/routers/r1/routes?prefix=10.1.0.0/16&views=multicast").get("routes")).isEmpty();
    }

    @Test
    void shouldGiveEachViewsBestRouteWithItsSelectionReason() {
        JsonNode best = ok("/v1/routers/r1/routes?prefix=10.1.0.0/16&entity=BGP.1").get("best");

        assertThat(best).hasSize(1);
        assertThat(best.get(0).get("view").asText()).isEqualTo("unicast");
        assertThat(best.get(0).get("routeId").asLong()).as("of any entity").isEqualTo(bed.routeId("net10-1"));
        assertThat(best.get(0).get("reason").asText()).as("preference 3 against 20").isEqualTo("PREFERENCE");
        assertThat(ok("/v1/routers/r1/routes?prefix=10.1.0.0/16&views=multicast").get("best")).isEmpty();
    }

    @Test
    void shouldListAnEntitysNextHopsInAddressOrder() {
        JsonNode a = ok("/v1/routers/r1/nexthops?entity=NETMGMT.1");
        assertThat(a.get("entity").get("protocolId").asLong()).isEqualTo(3);
        assertThat(texts(a.get("nextHops"), h -> h.get("address").asText() + "%" + h.get("interfaceIndex").asLong()))
                .containsExactly("192.168.1.1%1", "192.168.2.1%2");
        assertThat(a.get("nextHops").get(0).get("nextHopId").asLong()).isPositive();
        assertThat(texts(ok("/v1/routers/r1/nexthops?entity=14.1").get("nextHops"), h -> h.get("family").asText()
                + ":" + h.get("address").asText())).containsExactly("ipv4:192.168.1.254", "ipv6:2001:db8:1::1");
        assertThat(ok("/v1/routers/r1/nexthops?entity=14.1&family=ipv6").get("nextHops")).hasSize(1);
    }

    @Test
    void shouldListTheRoutesOfARouteListByRouteId() {
        JsonNode a = ok("/v1/routers/r1/route-lists/statics?entity=NETMGMT.1");
        assertThat(a.get("name").asText()).isEqualTo("statics");
        assertThat(ids(a.get("routes"))).containsExactly(bed.routeId("net10"), bed.routeId("net172"));
        assertThat(ids(ok("/v1/routers/r1/route-lists/statics?entity=NETMGMT.1&family=ipv4").get("routes")))
                .containsExactly(bed.routeId("net10"), bed.routeId("net172"));
    }

    @Test
    void shouldListInterfaceRowsWithTheirMetric() {
        JsonNode a = ok("/v1/routers/r1/interfaces");
        assertThat(texts(a.get("interfaces"), r -> r.get("family").asText() + ":" + r.get("interfaceIndex").asLong()
                + ":" + r.get("metric").asLong())).containsExactly("ipv4:1:25", "ipv4:2:35", "ipv6:1:10");
        JsonNode first = a.get("interfaces").get(0);
        assertThat(first.get("interfaceLuid").isTextual()).isTrue();
        assertThat(first.get("interfaceLuid").asText()).isEqualTo("1000");
        assertThat(texts(first.get("unicastAddresses"), JsonNode::asText)).containsExactly("192.168.1.10");
        assertThat(first.get("connected").asBoolean()).isTrue();
        assertThat(ok("/v1/routers/r1/interfaces?family=ipv6").get("interfaces")).hasSize(1);
    }

    @Test
    void shouldLookUpTheBestRouteWithoutConstraints() {
        JsonNode a = ok("/v1/routers/r1/best-route?destination=10.1.2.3");
        assertThat(a.get("route").get("routeId").asLong()).isEqualTo(bed.routeId("net10-1-2"));
        assertThat(a.get("route").get("dest").asText()).isEqualTo("10.1.2.0/24");
        assertThat(a.get("interfaceIndex").asLong()).isEqualTo(1);
        assertThat(a.get("interfaceLuid").asText()).isEqualTo("1000");
        assertThat(a.get("effectiveMetric").asLong()).isEqualTo(25);
        assertThat(a.get("bestSourceAddress").asText()).isEqualTo("192.168.1.10");
        assertThat(a.get("stale").asBoolean()).isFalse();
    }

    @Test
    void shouldConstrainTheBestRouteBySourceInterfaceIndexOrLuid() {
        for (String constraint : List.of("source=192.168.2.10", "interfaceIndex=2", "interfaceLuid=2000")) {
            JsonNode a = ok("/v1/routers/r1/best-route?destination=10.1.2.3&" + constraint);
            assertThat(a.get("route").get("dest").asText()).as(constraint).isEqualTo("10.1.0.0/16");
            assertThat(a.get("interfaceIndex").asLong()).as(constraint).isEqualTo(2);
            assertThat(a.get("bestSourceAddress").asText()).as(constraint).isEqualTo("192.168.2.10");
        }
    }

    @Test
    void shouldLookUpAnIpv6BestRoute() {
        JsonNode a = ok("/v1/routers/r1/best-route?destination=2001:db8::5");
        assertThat(a.get("route").get("routeId").asLong()).isEqualTo(bed.routeId("v6"));
        assertThat(a.get("bestSourceAddress").asText()).isEqualTo("2001:db8:1::10");
    }

    @Test
    void shouldAnswerTheRoutersThatReachAPrefix() {
        JsonNode a = ok("/v1/fleet/prefixes?prefix=10.0.0.0/8");
        assertThat(a.get("view").asText()).isEqualTo("unicast");
        assertThat(a.get("prefix").asText()).isEqualTo("10.0.0.0/8");
        assertThat(a.get("routerCount").asInt()).isEqualTo(2);
        assertThat(a.has("cursor")).as("one page holds them all").isFalse();
        assertThat(texts(a.get("routers"), r -> r.get("router").asText() + ":" + r.get("routeId").asLong()))
                .containsExactly("r1:" + bed.routeId("net10"), "r2:" + bed.routeId("r2-net10"));
        JsonNode r2 = a.get("routers").get(1);
        assertThat((Iterable<String>) r2::fieldNames).containsExactly("router", "rtmInstance", "routeId", "owner",
                "effectiveMetric", "nextHops", "lastChanged");
        assertThat(r2.get("rtmInstance").asInt()).isZero();
        assertThat(r2.get("owner").toString()).isEqualTo("{\"protocolId\":3,\"instanceId\":1}");
        assertThat(r2.get("effectiveMetric").asLong()).as("route metric 0 + interface metric 5 (D11)").isEqualTo(5);
        assertThat(r2.get("nextHops").get(0).get("interfaceLuid").asText()).isEqualTo("1000");
        assertThat(r2.get("lastChanged").isIntegralNumber()).isTrue();
        JsonNode mcast = ok("/v1/fleet/prefixes?prefix=224.1.0.0/16&view=multicast");
        assertThat(texts(mcast.get("routers"), r -> r.get("router").asText())).containsExactly("r1");
    }

    @Test
    void shouldPageTheRoutersOfAPrefixInRouterOrder() {
        JsonNode first = ok("/v1/fleet/prefixes?prefix=10.0.0.0/8&limit=1");
        assertThat(first.get("routerCount").asInt()).as("the count of all, not of the page").isEqualTo(2);
        assertThat(texts(first.get("routers"), r -> r.get("router").asText())).containsExactly("r1");
        JsonNode second = ok("/v1/fleet/prefixes?prefix=10.0.0.0/8&limit=1&cursor=" + first.get("cursor").asText());
        assertThat(texts(second.get("routers"), r -> r.get("router").asText())).containsExactly("r2");
        assertThat(second.has("cursor")).as("the last page").isFalse();
        assertThat(second.get("status").asText()).isEqualTo("NO_ERROR");
    }

    @Test
    void shouldMarkEveryAnswerWithTheInstanceThatComputedIt() {
        Reply r = bed.get("/v1/routers/r1/entities");
        assertThat(r.servedBy()).isEqualTo("127.0.0.1:" + bed.server.port());
        assertThat(r.contentType()).startsWith("application/json");
    }

    private static JsonNode ok(String path) {
        Reply r = bed.get(path);
        assertThat(r.status()).as("%s answered %s", path, r.text()).isEqualTo(200);
        assertThat(r.json().get("code").asInt()).isIn(0, 259);
        return r.json();
    }

    private static List<String> prefixes(String path) {
        return texts(ok(path).get("destinations"), d -> d.get("prefix").asText());
    }

    private static List<Long> ids(JsonNode routes) {
        return StreamSupport.stream(routes.spliterator(), false).map(r -> r.get("routeId").asLong()).toList();
    }

    private static List<String> texts(JsonNode array, java.util.function.Function<JsonNode, String> f) {
        return StreamSupport.stream(array.spliterator(), false).map(f).toList();
    }
}
