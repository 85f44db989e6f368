package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper.Mapped;
import io.rtmstreams.app.importer.BgpCost;
import io.rtmstreams.app.importer.CostMode;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.mrt.Origin;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.streams.json.CommandReader;
import io.rtmstreams.streams.json.Decoded;
import io.rtmstreams.streams.json.InterfaceChangeReader;
import io.rtmstreams.streams.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of pmacct's BMP msglog to commands (D25, D28, D29, D30) over the real pmacct outputs of
 * ../shared/data/raw/bmp/pmacct/tests, each output read back by the processor's own readers (CommandReader,
 * InterfaceChangeReader), so what is checked is what the processor will execute.
 */
class PmacctCommandMapperTest {

    static final Path TESTS = Path.of("..", "shared", "data", "raw", "bmp", "pmacct", "tests");
    private static final String LOC_RIB = "200-BMP-HUAWEI-locrib_instance/output-bmp-00.json";
    private static final String RD = "201-BMP-CISCO-rd_instance/output-bmp-00.json";
    private static final String PEER_DOWN = "204-BMP-CISCO-peer_down/output-bmp-00.json";

    private static final long START = 1_777_296_000_000L;

    private FollowState state = new FollowState();
    private int linesMapped;
    private PmacctCommandMapper mapper = new PmacctCommandMapper(PmacctSettings.defaults("t-"), state);

    @Test
    void shouldMapEveryRealPmacctOutputToCommandsTheProcessorReads() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(TESTS)) {
            files = all.filter(p -> p.getFileName().toString().matches("output-bmp-.*\\.json")).sorted().toList();
        }
        assertThat(files).hasSize(8);
        for (Path file : files) {
            state = new FollowState();
            mapper = new PmacctCommandMapper(PmacctSettings.defaults("t-"), state);
            List<MappedRecord> out = mapFile(file);
            out.forEach(PmacctCommandMapperTest::readBack);
            assertThat(mapper.tally().read().values().stream().mapToLong(Long::longValue).sum())
                    .as(file.toString()).isEqualTo(lines(file).size());
        }
    }

    @Test
    void shouldCountThePeerDownFilesRecordsByType() {
        mapFile(TESTS.resolve(PEER_DOWN));

        assertThat(mapper.tally().read()).containsEntry("log/route_monitor/update", 402L)
                .containsEntry("log/route_monitor/withdraw", 65L).containsEntry("log/internal/delete", 49L)
                .containsEntry("log/route_monitor/end-of-rib", 14L).containsEntry("log/peer_up", 10L)
                .containsEntry("log/peer_down", 3L).containsEntry("log/stats", 96L).containsEntry("log_init", 1L)
                .containsEntry("log/init", 1L).hasSize(9);
    }

    @Test
    void shouldTurnAPeerDownIntoDeleteNeighbourRoutesAndItsFollowingDeletesIntoDeleteRoutes_D29_D25() {
        List<MappedRecord> out = mapFile(TESTS.resolve(PEER_DOWN));
        List<Command> commands = commands(out);
        IpAddress peer = IpAddress.parse("2001:db8:44::1");

        int down = indexOf(commands, c -> c instanceof Command.DeleteNeighbourRoutes d && d.address().equals(peer)
                && d.notUpdatedSinceMs() == null);
        assertThat(down).isNotNegative();
        List<Command.DeleteNeighbourRoutes> downs = new ArrayList<>();
        int i = down;
        while (commands.get(i) instanceof Command.DeleteNeighbourRoutes d && d.notUpdatedSinceMs() == null) {
            downs.add(d);
            i++;
        }
        // the peer is of the global table: its VPN routes live in the rtmInstances of their RDs, all swept
        assertThat(downs).allSatisfy(d -> {
            assertThat(d.address()).isEqualTo(peer);
            assertThat(d.notUpdatedSinceMs()).isNull();
        });
        Command.DeleteRoutes deletes = (Command.DeleteRoutes) commands.get(i);
        assertThat(deletes.routes()).extracting(r -> r.command().neighbour().address()).containsOnly(peer);
        assertThat(deletes.routes()).extracting(r -> r.command().dest())
                .contains(Prefix.parse("2001:db8::13/128"));
        assertThat(deletes.rtmInstance()).isEqualTo(state.instances("fd25::101").get("rd:2:4226809947:13"));
        assertThat(downs).extracting(Command.DeleteNeighbourRoutes::rtmInstance).doesNotHaveDuplicates()
                .contains(0, deletes.rtmInstance());
        assertThat(mapper.tally().skipped()).containsKey("route of another family than its peer's address");
    }

    @Test
    void shouldGiveLocRibPathsTheMedAndTheLocRibDistance_D28() {
        List<MappedRecord> out = mapFile(TESTS.resolve(LOC_RIB));
        List<Command.AddRoute> routes = addRoutes(out);

        Command.AddRoute unicast = route(routes, "12.34.56.78/32");
        assertThat(unicast.neighbour().address()).isEqualTo(IpAddress.parse("0.0.0.0"));
        assertThat(unicast.preference()).isEqualTo(20);
        assertThat(unicast.metric()).isZero();
        assertThat(unicast.rtmInstance()).isEqualTo(state.instances("172.21.1.101").get("rd:0:64499:11"));
        assertThat(unicast.nextHops()).singleElement().extracting(io.rtmstreams.rtm.NextHopSpec::address)
                .isEqualTo(IpAddress.parse("192.0.11.155"));
        Command.AddRoute labelled = route(routes, "203.0.113.20/32");
        assertThat(labelled.metric()).isEqualTo(15_200);
        assertThat(labelled.rtmInstance()).isZero();
        // pmacct's IPv4-mapped next hop of an IPv4 labelled-unicast route is the IPv4 address
        assertThat(labelled.nextHops()).singleElement().extracting(io.rtmstreams.rtm.NextHopSpec::address)
                .isEqualTo(IpAddress.parse("198.51.100.71"));
        assertThat(route(routes, "2001:db8::20/128").neighbour().address()).isEqualTo(IpAddress.parse("::"));
    }

    @Test
    void shouldMapThePostPolicyViewByDefaultAndThePrePolicyViewOnlyWhenAsked() {
        List<Command.AddRoute> postPolicy = addRoutes(mapFile(TESTS.resolve(LOC_RIB)));
        // the file's pre-policy view: 68 updates, their 68 deletes, and 2 peer_ups after their peer's post-policy one
        assertThat(mapper.tally().skipped()).containsEntry("pre-policy view of a peer with post-policy", 138L);
        assertThat(postPolicy).allSatisfy(r -> assertThat(r.neighbour().address().isUnspecified()).isTrue());

        state = new FollowState();
        mapper = new PmacctCommandMapper(PmacctSettings.defaults("t-").withPrePolicy(), state);
        List<Command.AddRoute> routes = addRoutes(mapFile(TESTS.resolve(LOC_RIB)));

        assertThat(mapper.tally().skipped()).doesNotContainKey("pre-policy view of a peer with post-policy");
        List<Command.AddRoute> adjRibIn = routes.stream().filter(r -> !r.neighbour().address().isUnspecified())
                .toList();
        assertThat(adjRibIn).isNotEmpty().allSatisfy(r -> assertThat(r.metric() >> 24).isPositive());
    }

    @Test
    void shouldGiveEachRdItsOwnStableRtmInstance_D28() {
        List<Command.AddRoute> first = addRoutes(mapFile(TESTS.resolve(RD)));
        var instances = state.instances("172.21.1.101");

        assertThat(instances).hasSize(9);
        assertThat(Set.copyOf(instances.values())).hasSize(9).doesNotContain(0);
        assertThat(first.stream().map(Command.AddRoute::rtmInstance).collect(Collectors.toSet()))
                .isSubsetOf(instances.values());

        mapper = new PmacctCommandMapper(PmacctSettings.defaults("u-"), state);
        List<Command.AddRoute> again = addRoutes(mapFile(TESTS.resolve(RD)));
        assertThat(state.instances("172.21.1.101")).isEqualTo(instances);
        assertThat(again).extracting(Command.AddRoute::rtmInstance)
                .containsExactlyElementsOf(first.stream().map(Command.AddRoute::rtmInstance).toList());
    }

    @Test
    void shouldBatchARoutersUpdatesKeepingTheirOrder_D25() {
        List<MappedRecord> out = mapFile(TESTS.resolve(RD));
        List<String> expected = lines(TESTS.resolve(RD)).stream().filter(l -> l.contains("\"log_type\": \"update\""))
                .map(l -> read(l).ipPrefix()).toList();

        assertThat(addRoutes(out)).extracting(r -> r.dest().toString()).containsExactlyElementsOf(expected);
        assertThat(commands(out).stream().filter(c -> c instanceof Command.AddRoutes)).hasSizeLessThan(
                expected.size());
    }

    @Test
    void shouldEndAPeersSyncWithASweepSinceItsPeerUpThenASync_D29_D30() {
        List<Command> commands = commands(mapFile(TESTS.resolve(RD)));
        int sync = indexOf(commands, c -> c instanceof Command.Sync);

        Command.DeleteNeighbourRoutes sweep = (Command.DeleteNeighbourRoutes) commands.get(sync - 1);
        Command.Sync barrier = (Command.Sync) commands.get(sync);
        assertThat(sweep.notUpdatedSinceMs()).isNotNull();
        assertThat(barrier.marker()).isEqualTo("end-of-rib");
        assertThat(barrier.family()).isEqualTo(sweep.address().family());
        List<String> lines = lines(TESTS.resolve(RD));
        List<Long> peerUps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MsglogRecord r = read(lines.get(i));
            if ("peer_up".equals(r.bmpMsgType()) && sweep.address().toString().equals(r.peerIp())) {
                peerUps.add(time(i));
            }
        }
        assertThat(peerUps).contains(sweep.notUpdatedSinceMs());
    }

    @Test
    void shouldKeyEachRoutersCommandsByItsNameInTheRouterMap() {
        state = new FollowState();
        mapper = new PmacctCommandMapper(new PmacctSettings(Map.of("172.21.1.101", "huawei-61",
                "172.21.1.102", "cisco-62"), false, 1, 20, 200, 20, "t-"), state);
        List<MappedRecord> out = mapFile(TESTS.resolve("202-BMP-CISCO-HUAWEI-multiple-sources/output-bmp-00.json"));

        assertThat(out).extracting(MappedRecord::router).containsOnly("huawei-61", "cisco-62", "172.21.1.103")
                .contains("huawei-61", "cisco-62", "172.21.1.103");
        assertThat(out).filteredOn(r -> r.record().kind() != Kind.INTERFACE)
                .allSatisfy(r -> assertThat(command(r).router()).isEqualTo(r.router()));
    }

    @Test
    void shouldReportMalformedJsonAsAValueAndEmitNothing() {
        Mapped mapped = mapper.map("{\"event_type\": \"log\", ".getBytes(StandardCharsets.UTF_8), START);
        Mapped badPrefix = mapper.map(("{\"event_type\": \"log\", \"bmp_router\": \"10.0.0.1\", \"bmp_msg_type\": "
                + "\"route_monitor\", \"log_type\": \"update\", \"timestamp\": \"1.5\", \"afi\": 1, \"safi\": 1, "
                + "\"peer_ip\": \"10.0.0.2\", \"ip_prefix\": \"10.0.0.0/99\", \"bgp_nexthop\": \"10.0.0.2\"}")
                .getBytes(StandardCharsets.UTF_8), START);

        assertThat(mapped).isInstanceOf(Mapped.Malformed.class);
        assertThat(badPrefix).isInstanceOf(Mapped.Malformed.class);
        assertThat(mapper.flush()).isEmpty();
    }

    @Test
    void shouldCountAndSkipAnEvpnRoute() {
        Mapped mapped = mapper.map(("{\"event_type\": \"log\", \"bmp_router\": \"10.0.0.1\", \"bmp_msg_type\": "
                + "\"route_monitor\", \"log_type\": \"update\", \"timestamp\": \"1.5\", \"afi\": 25, \"safi\": 70, "
                + "\"peer_ip\": \"10.0.0.2\", \"ip_prefix\": null}").getBytes(StandardCharsets.UTF_8), START);

        assertThat(mapped).isEqualTo(new Mapped.Commands(List.of()));
        assertThat(mapper.flush()).isEmpty();
        assertThat(mapper.tally().skipped()).containsEntry("AFI 25 SAFI 70", 1L);
    }

    @Test
    void shouldCountAsPathLengthsAsBgpDoes_D28() {
        assertThat(RouteRecord.pathLength(List.of("65540", "65536", "65537"))).isEqualTo(3);
        assertThat(RouteRecord.pathLength(List.of("65540", "{65001,65002}", "65537"))).isEqualTo(3);
        assertThat(RouteRecord.pathLength(List.of("(65001", "65002)", "65537"))).isEqualTo(1);
        assertThat(BgpCost.metric(CostMode.PER_PEER, 3, Origin.IGP, 10L)).isEqualTo(3L << 24 | 10);
    }

    /** The record timestamp of the i-th line the test maps: the collector producing a record a millisecond. */
    static long time(int i) {
        return START + i;
    }

    private List<MappedRecord> mapFile(Path file) {
        List<MappedRecord> out = new ArrayList<>();
        for (String line : lines(file)) {
            Mapped mapped = mapper.map(line.getBytes(StandardCharsets.UTF_8), time(linesMapped++));
            assertThat(mapped).as(line).isInstanceOf(Mapped.Commands.class);
            out.addAll(((Mapped.Commands) mapped).records());
        }
        out.addAll(mapper.flush());
        return out;
    }

    /**
     * A live route_monitor record ({@code update} or {@code withdraw}) of the route of a dump record, its MED
     * replaced when {@code med} is not null: a change the router reports while the collector dumps.
     */
    static String liveRecord(String dumpLine, String logType, Long med) {
        try {
            ObjectNode r = (ObjectNode) Json.MAPPER.readTree(dumpLine);
            r.put("event_type", "log").put("log_type", logType);
            if (med != null) {
                r.put("med", med);
            }
            return Json.MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MsglogRecord read(String line) {
        try {
            return Json.MAPPER.readValue(line, MsglogRecord.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Command.AddRoute route(List<Command.AddRoute> routes, String dest) {
        return routes.stream().filter(r -> r.dest().equals(Prefix.parse(dest))).reduce((a, b) -> b).orElseThrow();
    }

    private static int indexOf(List<Command> commands, java.util.function.Predicate<Command> test) {
        for (int i = 0; i < commands.size(); i++) {
            if (test.test(commands.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Command> commands(List<MappedRecord> out) {
        return out.stream().filter(r -> r.record().kind() != Kind.INTERFACE).map(PmacctCommandMapperTest::command)
                .toList();
    }

    private static List<Command.AddRoute> addRoutes(List<MappedRecord> out) {
        return commands(out).stream().filter(c -> c instanceof Command.AddRoutes)
                .flatMap(c -> ((Command.AddRoutes) c).routes().stream()).map(BatchRoute::command).toList();
    }

    private static void readBack(MappedRecord record) {
        if (record.record().kind() == Kind.INTERFACE) {
            Decoded<InterfaceChange> decoded = InterfaceChangeReader.read(key(record), json(record));
            assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        } else {
            command(record);
        }
    }

    @SuppressWarnings("unchecked")
    private static Command command(MappedRecord record) {
        Decoded<Command> decoded = CommandReader.read(key(record), json(record));
        assertThat(decoded).as(new String(json(record), StandardCharsets.UTF_8)).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid<Command>) decoded).command();
    }

    private static byte[] key(MappedRecord record) {
        return record.router().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(MappedRecord record) {
        try {
            return Json.MAPPER.writeValueAsBytes(record.record().value());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
