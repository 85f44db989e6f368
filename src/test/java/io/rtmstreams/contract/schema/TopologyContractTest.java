package io.rtmstreams.contract.schema;

import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real topology, driven through a story of commands that makes every output topic speak, with every input and
 * every produced record checked against the contract's schemas (contract.md; schemas/). Inputs the story sends on
 * purpose to be refused (not JSON, a wrong key, bytes that are not UTF-8, a missing field) must fail the input
 * schema too, and the processor must answer them on rtm.rejected or with an error result (D20).
 */
class TopologyContractTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();
    private static final String BGP = "{\"protocolId\":14,\"instanceId\":1}";
    private static final String BGP6 = "{\"protocolId\":\"BGP\",\"instanceId\":2}";
    private static final String OSPF = "{\"protocolId\":13,\"instanceId\":1}";

    @TempDir
    Path stateDir;

    private final StreamsSettings settings = StreamsSettings.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> adverts;
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new LinkedHashMap<>();
    private final Map<String, List<TestRecord<byte[], byte[]>>> produced = new LinkedHashMap<>();
    private long clock;
    private int requests;

    @BeforeEach
    void startTopology() {
        Properties p = StreamsProperties.of(settings, "contract", "unused:9092", stateDir.toString(), true,
                Map.of());
        driver = new TopologyTestDriver(RtmTopology.build(settings, ProcessorMetrics.NONE), p, Instant.EPOCH);
        Topics t = settings.topics();
        ByteArraySerializer ser = new ByteArraySerializer();
        adverts = driver.createInputTopic(t.routeAdverts(), ser, ser);
        for (Topics.TopicSpec spec : t.all()) {
            if (!spec.input()) {
                outputs.put(spec.name(), driver.createOutputTopic(spec.name(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
                produced.put(spec.name(), new ArrayList<>());
            }
        }
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void shouldWriteOnlyRecordsThatConformToTheContractOnEveryOutputTopic() {
        registrationsAndANotificationWatch();
        routesAcrossTwoRoutersAndBothFamilies();
        aRouteThatExpiresAndADestinationHeldDown();
        methodsInvokedAndAnswered();
        commandsAnsweredWithErrors();
        inputThatIsNotACommand();
        command("r1", "DEREGISTER_ENTITY", OSPF, "\"family\":\"ipv4\"");

        Topics t = settings.topics();
        produced.forEach((topic, records) -> assertThat(records).as("records on %s", topic).isNotEmpty());
        assertThat(tombstones(t.bestRoutes())).as("best-route tombstones").isPositive();
        assertThat(tombstones(t.fleetRoutes())).as("fleet-route tombstones").isPositive();
        assertThat(produced.get(t.commandResults())).as("one result per readable command (D20)").hasSize(requests);
        assertThat(produced.get(t.rejected())).as("one rejected record per unreadable input").hasSize(5);
        assertThat(values(t.commandResults())).anyMatch(v -> v.contains("\"status\":\"ERROR_INVALID_PARAMETER\""))
                .anyMatch(v -> v.contains("\"status\":\"ERROR_INVALID_HANDLE\""));
        assertThat(values(t.entityEvents())).anyMatch(v -> v.contains("\"event\":\"ENTITY_REGISTERED\""))
                .anyMatch(v -> v.contains("\"event\":\"ENTITY_DEREGISTERED\""))
                .anyMatch(v -> v.contains("\"event\":\"ROUTE_EXPIRED\""))
                .anyMatch(v -> v.contains("\"event\":\"METHOD_INVOKED\""))
                .anyMatch(v -> v.contains("\"event\":\"METHOD_RESULT\""));
        assertThat(values(t.destChanges())).anyMatch(v -> v.contains("\"holdRoute\""))
                .anyMatch(v -> v.contains("\"cause\":\"EXPIRED\""))
                .anyMatch(v -> v.contains("\"cause\":\"HOLD_EXPIRED\""));
        assertThat(values(t.bestRoutes())).anyMatch(v -> v.contains("\"holdRoute\""));
        assertThat(values(t.bestRoutes())).anyMatch(v -> v.contains("\"prefix\":\"2001:db8::/32\""));
        assertThat(values(t.fleetRoutes())).anyMatch(v -> v.contains("\"routerCount\":2"));
    }

    // ---- the story ------------------------------------------------------------------------------------------

    /** Two entities on r1 (the first told of the second, R19), the second watching the unicast view (R97). */
    private void registrationsAndANotificationWatch() {
        command("r1", "REGISTER_ENTITY", BGP, "\"family\":\"ipv4\",\"methods\":[\"dump\"]");
        command("r1", "REGISTER_ENTITY", OSPF, "\"family\":2,\"expiryPolicy\":\"DELETE\"");
        command("r1", "REGISTER_CHANGE_NOTIFICATION", OSPF,
                "\"registrationId\":\"watch.all\",\"views\":[\"unicast\"],\"changeTypes\":[\"BEST\",\"ALL\"],"
                        + "\"onlyMarkedDests\":false");
    }

    /**
     * The same prefix on two routers (a fleet record of two), IPv6 prefixes in non-canonical input text, and a
     * route added and deleted again (a best-route and a fleet-route tombstone).
     */
    private void routesAcrossTwoRoutersAndBothFamilies() {
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"10.1.2.3/8\",\"nextHops\":[" + hop("192.0.2.1", 3) + "],"
                + "\"neighbour\":" + hop("192.0.2.1", 3) + ",\"preference\":20,\"metric\":5,\"views\":[\"unicast\"]");
        command("r2", "REGISTER_ENTITY", BGP, "\"family\":\"ipv4\"");
        command("r2", "ADD_ROUTE", BGP, "\"dest\":\"10.0.0.0/8\",\"nextHops\":[" + hop("198.51.100.1", 1) + "],"
                + "\"neighbour\":null,\"preference\":20,\"metric\":7,\"views\":[\"unicast\",\"multicast\"],"
                + "\"flags\":[\"REMOTE\"]");
        command("r1", "REGISTER_ENTITY", BGP6, "\"family\":\"ipv6\"");
        command("r1", "ADD_ROUTE", BGP6, "\"dest\":\"2001:DB8:0:0::/32\",\"nextHops\":[" + hop("2001:DB8::1", 4)
                + "," + hop("fe80::0001", 4) + "],\"neighbour\":null,\"preference\":10,\"metric\":0,"
                + "\"views\":[\"unicast\"]");
        command("r1", "ADD_ROUTE", BGP6, "\"dest\":\"::ffff:192.0.2.0/120\",\"nextHops\":[],\"neighbour\":null,"
                + "\"preference\":10,\"metric\":0,\"views\":[\"unicast\"],\"flags\":[\"BLACKHOLE\"]");
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"192.168.0.0/16\",\"nextHops\":[],\"neighbour\":null,"
                + "\"preference\":1,\"metric\":1,\"views\":[\"unicast\"]");
        command("r1", "DELETE_ROUTE", BGP, "\"dest\":\"192.168.0.0/16\",\"neighbour\":null");
    }

    /**
     * A route with a time to live (R82, D7, D8); a best route replaced by a worse one; a hold-down over the last
     * route of a destination, a new best route during it, and its expiry (R87–R96).
     */
    private void aRouteThatExpiresAndADestinationHeldDown() {
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"172.16.0.0/12\",\"nextHops\":[" + hop("192.0.2.1", 3) + "],"
                + "\"neighbour\":null,\"preference\":20,\"metric\":5,\"views\":[\"unicast\"],\"timeToLiveMs\":1000");
        advance(2_000);
        command("r1", "ADD_ROUTE", OSPF, "\"dest\":\"10.0.0.0/8\",\"nextHops\":[" + hop("192.0.2.9", 3) + "],"
                + "\"neighbour\":null,\"preference\":110,\"metric\":20,\"views\":[\"unicast\"]");
        command("r1", "DELETE_ROUTE", BGP, "\"dest\":\"10.0.0.0/8\",\"neighbour\":" + hop("192.0.2.1", 3));
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"198.18.0.0/15\",\"nextHops\":[],\"neighbour\":null,"
                + "\"preference\":20,\"metric\":5,\"views\":[\"unicast\"]");
        command("r1", "HOLD_DESTINATION", BGP, "\"dest\":\"198.18.0.0/15\",\"views\":[\"unicast\"],"
                + "\"holdTimeMs\":5000");
        command("r1", "DELETE_ROUTE", BGP, "\"dest\":\"198.18.0.0/15\",\"neighbour\":null");
        command("r1", "ADD_ROUTE", OSPF, "\"dest\":\"198.18.0.0/15\",\"nextHops\":[],\"neighbour\":null,"
                + "\"preference\":110,\"metric\":1,\"views\":[\"unicast\"]");
        advance(6_000);
        command("r2", "DELETE_ROUTE", BGP, "\"dest\":\"10.0.0.0/8\",\"neighbour\":null");
    }

    private void methodsInvokedAndAnswered() {
        command("r1", "INVOKE_METHOD", OSPF, "\"target\":" + BGP + ",\"methods\":[\"dump\"],"
                + "\"invocationId\":\"inv-1\",\"input\":\"all\"");
        command("r1", "METHOD_RESULT", BGP, "\"family\":\"ipv4\",\"invocationId\":\"inv-1\",\"caller\":" + OSPF
                + ",\"status\":\"NO_ERROR\",\"output\":\"2 routes\"");
    }

    /** Commands that are read but refused: a missing field, a mistyped one, an unregistered caller (D5, D20). */
    private void commandsAnsweredWithErrors() {
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"10.0.0.0/8\",\"nextHops\":[],\"neighbour\":null,"
                + "\"metric\":1,\"views\":[\"unicast\"]", "required property 'preference'");
        command("r1", "ADD_ROUTE", BGP, "\"dest\":\"10.0.0.0/8\",\"nextHops\":[],\"neighbour\":null,"
                + "\"preference\":1,\"metric\":\"1\",\"views\":[\"unicast\"]", "$.metric");
        command("r1", "ADD_ROUTE", "{\"protocolId\":8,\"instanceId\":1}", "\"dest\":\"10.0.0.0/8\","
                + "\"nextHops\":[],\"neighbour\":null,\"preference\":1,\"metric\":1,\"views\":[\"unicast\"]");
        command("bad router", "BLOCK_METHODS", BGP, "\"block\":true", "$.router");
    }

    /** What goes to rtm.rejected (D20): not JSON, key not the router, not UTF-8, no key, no value. */
    private void inputThatIsNotACommand() {
        send(bytes("r1"), bytes("not json"), "value: not JSON");
        send(bytes("r2"), bytes("{\"op\":\"BLOCK_METHODS\",\"requestId\":\"x\",\"router\":\"r1\",\"entity\":" + BGP
                + ",\"block\":true}"), "is not the value's router");
        send(bytes("r1"), new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, "value: not UTF-8");
        send(null, bytes("{\"op\":\"BLOCK_METHODS\",\"requestId\":\"x\",\"router\":\"r1\",\"entity\":" + BGP
                + ",\"block\":true}"), "key: $: null found, string expected");
        send(bytes("r1"), null, "tombstone");
    }

    // ---- driving and checking -------------------------------------------------------------------------------

    private void command(String router, String op, String entity, String fields) {
        command(router, op, entity, fields, null);
    }

    /** Sends a command and counts the result it must get; {@code problem} is part of the schema error it must have. */
    private void command(String router, String op, String entity, String fields, String problem) {
        requests++;
        String json = "{\"op\":\"" + op + "\",\"requestId\":\"req-" + requests + "\",\"router\":\"" + router
                + "\",\"entity\":" + entity + "," + fields + "}";
        send(bytes(router), bytes(json), problem);
    }

    /** Checks an input against the schemas (conforming, or failing with {@code problem}) and pipes it in. */
    private void send(byte[] key, byte[] value, String problem) {
        String topic = settings.topics().routeAdverts();
        if (problem == null) {
            SCHEMAS.assertValid(topic, key, value);
        } else {
            assertThat(SCHEMAS.validate(topic, key, value)).as("schema errors of input %s", text(value))
                    .anyMatch(e -> e.contains(problem));
        }
        adverts.pipeInput(new TestRecord<>(key, value, Instant.ofEpochMilli(clock)));
        drainAndValidate();
    }

    private void advance(long ms) {
        clock += ms;
        driver.advanceWallClockTime(Duration.ofMillis(ms));
        drainAndValidate();
    }

    private void drainAndValidate() {
        outputs.forEach((topic, out) -> {
            for (TestRecord<byte[], byte[]> r : out.readRecordsToList()) {
                SCHEMAS.assertValid(topic, r.key(), r.value());
                produced.get(topic).add(r);
                if (Boolean.getBoolean("contract.print")) {
                    System.out.println(topic + " " + text(r.key()) + " " + text(r.value()));
                }
            }
        });
    }

    private long tombstones(String topic) {
        return produced.get(topic).stream().filter(r -> r.value() == null).count();
    }

    private List<String> values(String topic) {
        return produced.get(topic).stream().filter(r -> r.value() != null).map(r -> text(r.value())).toList();
    }

    private static String hop(String address, int interfaceIndex) {
        return "{\"address\":\"" + address + "\",\"interfaceIndex\":" + interfaceIndex + "}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
    }
}
