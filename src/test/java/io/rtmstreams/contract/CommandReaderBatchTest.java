package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteFlags;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.View;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading ADD_ROUTES and DELETE_ROUTES (contract v2, Commands; D25): an element's absent field comes from the top
 * level, its explicit null is null, {@code routeId} lives only in elements, 1 to 5,000 routes, and an element that
 * cannot be read is answered as its single command would be without spoiling the others.
 */
class CommandReaderBatchTest {

    /** Every route field at the top level, each with a value an element can be told apart from. */
    private static final String TOP = """
            {"family": "ipv4", "dest": "10.0.0.0/8", "nextHops": [{"address": "192.0.2.1", "interfaceIndex": 3}],
             "neighbour": {"address": "192.0.2.1", "interfaceIndex": 3}, "preference": 20, "metric": 100,
             "views": ["unicast"], "flags": ["REMOTE"], "timeToLiveMs": 180000, "changeFlags": ["NEW"],
             "routeList": "bgp", "entitySpecificInfo": "as65001"}""";

    // ---- inheritance ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("D25: an element without a field takes the top level's, for every route field")
    void shouldInheritEveryAbsentField() throws Exception {
        WireRoute top = wire(TOP);

        WireRoute inherited = top.inheritedBy(Json.MAPPER.readTree("{}"));

        for (RecordComponent c : routeFields()) {
            assertThat(c.getAccessor().invoke(inherited)).as(c.getName()).isEqualTo(c.getAccessor().invoke(top));
        }
    }

    @Test
    @DisplayName("D25: an element's explicit null is null, whatever the top level says, field by field")
    void shouldTakeAnExplicitNullAsNull() throws Exception {
        WireRoute top = wire(TOP);
        for (RecordComponent nulled : routeFields()) {
            WireRoute read = top.inheritedBy(Json.MAPPER.readTree("{\"" + nulled.getName() + "\": null}"));

            for (RecordComponent c : routeFields()) {
                Object want = c.getName().equals(nulled.getName()) ? null : c.getAccessor().invoke(top);
                assertThat(c.getAccessor().invoke(read)).as(nulled.getName() + " null: " + c.getName()).isEqualTo(want);
            }
        }
    }

    @Test
    @DisplayName("D25: an element's own value wins over the top level's")
    void shouldPreferTheElementsOwnValue() throws Exception {
        WireRoute read = wire(TOP).inheritedBy(Json.MAPPER.readTree(
                "{\"dest\": \"10.1.0.0/16\", \"metric\": 5, \"views\": [\"multicast\"], \"routeId\": 9}"));

        assertThat(read.dest()).isEqualTo("10.1.0.0/16");
        assertThat(read.metric()).isEqualTo(5L);
        assertThat(read.views()).containsExactly("multicast");
        assertThat(read.routeId()).isEqualTo(9L);
        assertThat(read.preference()).isEqualTo(20L);
    }

    @Test
    @DisplayName("D25: a BGP UPDATE - shared attributes at the top, one dest per NLRI - is one ADD_ROUTE per dest")
    void shouldReadEachElementAsItsSingleAddRoute() {
        Command.AddRoutes batch = (Command.AddRoutes) valid(batchJson("ADD_ROUTES", TOP.substring(1, TOP.length() - 1),
                "{\"dest\": \"10.1.0.0/16\"}", "{\"dest\": \"10.2.0.0/16\", \"timeToLiveMs\": null, \"changeFlags\": null}",
                "{\"dest\": \"10.3.0.0/16\", \"neighbour\": null, \"routeId\": 4, \"metric\": 7}"));

        List<Command.AddRoute> routes = batch.routes().stream().map(BatchRoute::command).toList();
        NextHopSpec via = NextHopSpec.of("192.0.2.1", 3);
        assertThat(routes.get(0)).isEqualTo(new Command.AddRoute("r1", 2, EntityId.of(14, 1), IpFamily.IPV4,
                Prefix.parse("10.1.0.0/16"), List.of(via), via, 20, 100, View.UNICAST.mask(), RouteFlags.fromNames(
                List.of("REMOTE")), 180_000, RouteChange.NEW, null, "bgp",
                "as65001"));
        assertThat(routes.get(1).timeToLiveMs()).as("null is INFINITE").isEqualTo(Command.INFINITE);
        assertThat(routes.get(1).changeFlags()).isZero();
        assertThat(routes.get(2).neighbour()).isNull();
        assertThat(routes.get(2).routeId()).isEqualTo(4L);
        assertThat(routes.get(2).metric()).isEqualTo(7);
        assertThat(batch.entity()).isEqualTo(EntityId.of(14, 1));
    }

    @Test
    @DisplayName("D25: an element reads exactly as the single ADD_ROUTE with the same fields")
    void shouldReadAnElementExactlyAsTheSingleCommand() {
        String fields = "\"dest\": \"10.9.0.0/16\", \"nextHops\": [{\"address\": \"192.0.2.7\", \"interfaceIndex\": 1}],"
                + " \"preference\": 5, \"metric\": 6, \"views\": [\"unicast\", \"multicast\"], \"flags\": [\"LOCAL\"]";
        Command single = valid(("{\"op\": \"ADD_ROUTE\", \"requestId\": \"q\", \"router\": \"r1\", \"rtmInstance\": 2,"
                + " \"entity\": {\"protocolId\": 14, \"instanceId\": 1}, " + fields + "}"));

        Command.AddRoutes batch = (Command.AddRoutes) valid(batchJson("ADD_ROUTES", "\"metric\": 99", "{" + fields + "}"));

        assertThat(batch.routes().get(0).command()).isEqualTo(single);
    }

    @Test
    @DisplayName("D25: DELETE_ROUTES elements inherit neighbour and dest, and may name a route by id")
    void shouldReadAWithdrawalList() {
        Command.DeleteRoutes batch = (Command.DeleteRoutes) valid(batchJson("DELETE_ROUTES",
                "\"neighbour\": {\"address\": \"192.0.2.1\", \"interfaceIndex\": 3}",
                "{\"dest\": \"10.1.0.0/16\"}", "{\"dest\": \"10.2.0.0/16\", \"neighbour\": null}", "{\"routeId\": 12}"));

        List<Command.DeleteRoute> routes = batch.routes().stream().map(BatchRoute::command).toList();
        assertThat(routes.get(0).neighbour()).isEqualTo(NextHopSpec.of("192.0.2.1", 3));
        assertThat(routes.get(0).dest()).isEqualTo(Prefix.parse("10.1.0.0/16"));
        assertThat(routes.get(1).neighbour()).isNull();
        assertThat(routes.get(2).routeId()).isEqualTo(12L);
    }

    // ---- elements that cannot be read -----------------------------------------------------------------------

    @Test
    @DisplayName("D25: an unreadable element is answered as its single command, and the others are read all the same")
    void shouldAnswerAnUnreadableElementAloneAsItsSingleCommandWould() {
        Command.AddRoutes batch = (Command.AddRoutes) valid(batchJson("ADD_ROUTES",
                "\"preference\": 20, \"metric\": 1, \"views\": [\"unicast\"]",
                "{\"dest\": \"10.0.0.1/33\"}", "{\"dest\": \"10.1.0.0/16\", \"metric\": \"low\"}", "7",
                "{\"dest\": \"10.2.0.0/16\", \"views\": [\"broadcast\"]}", "{\"dest\": \"10.3.0.0/16\", \"preference\": null}",
                "{\"dest\": \"10.4.0.0/16\"}"));

        List<BatchRoute<Command.AddRoute>> r = batch.routes();
        assertThat(r).hasSize(6);
        assertUnreadable(r.get(0), Status.ERROR_INVALID_PARAMETER, "33");
        assertUnreadable(r.get(1), Status.ERROR_INVALID_PARAMETER, "wrong JSON type at metric");
        assertUnreadable(r.get(2), Status.ERROR_INVALID_PARAMETER, "must be a JSON object");
        assertUnreadable(r.get(3), Status.ERROR_NOT_SUPPORTED, "broadcast");
        assertUnreadable(r.get(4), Status.ERROR_INVALID_PARAMETER, "preference is required");
        assertThat(r.get(5).command().dest()).isEqualTo(Prefix.parse("10.4.0.0/16"));
        Decoded<Command> single = CommandReader.read(bytes("r1"), bytes("{\"op\": \"ADD_ROUTE\", \"requestId\": \"q\","
                + " \"router\": \"r1\", \"entity\": {\"protocolId\": 14, \"instanceId\": 1}, \"dest\": \"10.0.0.1/33\","
                + " \"preference\": 20, \"metric\": 1, \"views\": [\"unicast\"]}"));
        assertThat(((Decoded.Invalid<Command>) single).message()).isEqualTo(r.get(0).unreadable().message());
    }

    @Test
    @DisplayName("D25: DELETE_ROUTES needs routeId or dest per element, after inheritance")
    void shouldRefuseADeleteElementThatNamesNoRoute() {
        Command.DeleteRoutes batch = (Command.DeleteRoutes) valid(batchJson("DELETE_ROUTES",
                "\"neighbour\": null", "{}", "{\"dest\": \"10.0.0.0/8\"}"));

        assertUnreadable(batch.routes().get(0), Status.ERROR_INVALID_PARAMETER, "needs routeId, or dest and neighbour");
        assertThat(batch.routes().get(1).command()).isNotNull();
    }

    // ---- the batch as a whole -------------------------------------------------------------------------------

    @Test
    @DisplayName("D25: 1 to 5,000 routes; none, or more than 5,000, is ERROR_INVALID_PARAMETER for the whole batch")
    void shouldRefuseBatchesOutsideTheLimits() {
        String route = "{\"routeId\": 1}";
        assertThat(((Command.DeleteRoutes) valid(batchJson("DELETE_ROUTES", null, repeat(route, 5_000)))).routes())
                .hasSize(5_000);
        assertInvalid(batchJson("DELETE_ROUTES", null, repeat(route, 5_001)), "not 5001");
        assertInvalid(batchJson("DELETE_ROUTES", null), "not 0");
        assertInvalid(batchJson("ADD_ROUTES", "\"dest\": \"10.0.0.0/8\"").replace(", \"routes\": []", ""),
                "routes is required");
        assertInvalid(batchJson("ADD_ROUTES", "\"routes\": {\"dest\": \"10.0.0.0/8\"}").replace(", \"routes\": []", ""),
                "wrong JSON type at routes");
    }

    @Test
    @DisplayName("D25: routeId may appear only in elements; a top-level field of the wrong JSON type spoils the batch")
    void shouldRefuseTopLevelRouteIdsAndMistypedTopLevelFields() {
        assertInvalid(batchJson("ADD_ROUTES", "\"routeId\": 3", "{\"dest\": \"10.0.0.0/8\"}"), "routeId");
        assertInvalid(batchJson("DELETE_ROUTES", "\"routeId\": 3", "{\"dest\": \"10.0.0.0/8\"}"), "routeId");
        assertInvalid(batchJson("ADD_ROUTES", "\"metric\": \"x\"", "{\"dest\": \"10.0.0.0/8\"}"),
                "wrong JSON type at metric");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static List<RecordComponent> routeFields() {
        return Arrays.stream(WireRoute.class.getRecordComponents()).filter(c -> !c.getName().equals("routeId")).toList();
    }

    private static WireRoute wire(String json) throws Exception {
        return Json.MAPPER.readValue(json, WireRoute.class);
    }

    /** A batch of r1, instance 2, BGP.1, with {@code top} fields (a JSON fragment or null) and the elements. */
    private static String batchJson(String op, String top, String... elements) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("op", op).put("requestId", "b").put("router", "r1")
                .put("rtmInstance", 2);
        n.putObject("entity").put("protocolId", 14).put("instanceId", 1);
        String head = n.toString();
        head = head.substring(0, head.length() - 1) + (top == null ? "" : ", " + top);
        return head + ", \"routes\": [" + String.join(", ", elements) + "]}";
    }

    private static String[] repeat(String element, int n) {
        String[] out = new String[n];
        Arrays.fill(out, element);
        return out;
    }

    private static Command valid(String json) {
        Decoded<Command> d = CommandReader.read(bytes("r1"), bytes(json));
        assertThat(d).as(json.length() > 300 ? json.substring(0, 300) : json).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid<Command>) d).command();
    }

    private static void assertInvalid(String json, String message) {
        Decoded<Command> d = CommandReader.read(bytes("r1"), bytes(json));
        assertThat(d).as(json).isInstanceOf(Decoded.Invalid.class);
        Decoded.Invalid<Command> i = (Decoded.Invalid<Command>) d;
        assertThat(i.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(i.message()).contains(message);
        assertThat(i.envelope().requestId()).as("answered, not rejected").isEqualTo("b");
    }

    private static void assertUnreadable(BatchRoute<?> r, Status status, String message) {
        assertThat(r.command()).isNull();
        assertThat(r.unreadable().status()).isEqualTo(status);
        assertThat(r.unreadable().message()).contains(message);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
