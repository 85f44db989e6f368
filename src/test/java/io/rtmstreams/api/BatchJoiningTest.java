package io.rtmstreams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.api.ApiTestBed.Reply;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.streams.StreamsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MaxHandlesInEnum = 2 (D9 makes it configurable), the routes, next hops and route lists of an entity span
 * several of the engine's batches, which the API joins into one answer; destination pages hold at most two.
 */
class BatchJoiningTest {

    private static ApiTestBed bed;
    private static final List<String> ROUTES = new ArrayList<>();

    @BeforeAll
    static void load() {
        StreamsSettings s = StreamsSettings.defaults();
        bed = new ApiTestBed(s.withRtm(new RtmConfig(16, 2, 64, 32, 300_000, false)));
        List<String> commands = new ArrayList<>();
        commands.add("{'op': 'REGISTER_ENTITY', 'requestId': 'reg', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'family': 'ipv4'}");
        IntStream.rangeClosed(1, 5).forEach(i -> {
            ROUTES.add("n" + i);
            commands.add(route("n" + i, "10.0.0.0/8", "192.168.1." + i, i));
        });
        IntStream.rangeClosed(11, 14).forEach(i -> commands.add(route("d" + i, i + ".0.0.0/8", "192.168.1.1", 1)));
        commands.add("{'op': 'CREATE_ROUTE_LIST', 'requestId': 'list', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'family': 'ipv4', 'routeList': 'all'}");
        bed.advert(commands.toArray(String[]::new));
        bed.advert("{'op': 'INSERT_IN_ROUTE_LIST', 'requestId': 'fill', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'family': 'ipv4', 'routeList': 'all', 'routeIds': "
                + ROUTES.stream().map(r -> String.valueOf(bed.routeId(r))).toList() + "}");
        assertThat(bed.result("fill").get("status").asText()).isEqualTo("NO_ERROR");
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void shouldJoinEveryBatchOfADestinationsRoutes() {
        assertThat(ids(get("/v1/routers/r1/routes?prefix=10.0.0.0/8").get("routes"))).containsExactlyElementsOf(
                ROUTES.stream().map(bed::routeId).toList());
    }

    @Test
    void shouldJoinEveryBatchOfAnEntitysNextHops() {
        JsonNode hops = get("/v1/routers/r1/nexthops?entity=3.1").get("nextHops");
        assertThat(StreamSupport.stream(hops.spliterator(), false).map(h -> h.get("address").asText()))
                .containsExactly("192.168.1.1", "192.168.1.2", "192.168.1.3", "192.168.1.4", "192.168.1.5");
    }

    @Test
    void shouldJoinEveryBatchOfARouteList() {
        assertThat(ids(get("/v1/routers/r1/route-lists/all?entity=3.1").get("routes"))).containsExactlyElementsOf(
                ROUTES.stream().map(bed::routeId).toList());
    }

    @Test
    void shouldPageDestinationsByMaxHandlesInEnumByDefault() {
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/v1/routers/r1/destinations/enum?family=ipv4" + (cursor == null ? ""
                    : "&cursor=" + cursor));
            sizes.add(page.get("destinations").size());
            cursor = page.has("cursor") ? page.get("cursor").asText() : null;
        } while (cursor != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(2, 2, 1);
        Reply tooMany = bed.get("/v1/routers/r1/destinations/enum?family=ipv4&limit=3");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asText()).contains("1 to 2");
    }

    private static JsonNode get(String path) {
        Reply r = bed.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(JsonNode routes) {
        return StreamSupport.stream(routes.spliterator(), false).map(r -> r.get("routeId").asLong()).toList();
    }

    private static String route(String id, String dest, String neighbour, int metric) {
        String hop = "{'address': '" + neighbour + "', 'interfaceIndex': 1}";
        return "{'op': 'ADD_ROUTE', 'requestId': '" + id + "', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'dest': '" + dest + "', 'nextHops': [" + hop + "], 'neighbour': " + hop
                + ", 'preference': 1, 'metric': " + metric + ", 'views': ['unicast']}";
    }
}
