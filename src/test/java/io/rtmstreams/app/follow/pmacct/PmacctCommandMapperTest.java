package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper.Mapped;
import io.rtmstreams.app.importer.BgpCost;
import io.rtmstreams.app.importer.CostMode;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.contract.CommandReader;
import io.rtmstreams.contract.Decoded;
import io.rtmstreams.contract.InterfaceChangeReader;
import io.rtmstreams.contract.Json;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.mrt.Origin;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final String DUMP_LIVE = "203-BMP-HUAWEI-dump/output-bmp-00.json";
    private static final String DUMP = "203-BMP-HUAWEI-dump/output-bmp-dump-00.json";
    private static final String SPREADING = "207-BMP-CISCO-HUAWEI-multiple-sources-dump-spreading/";
    private static final String SPREADING_LIVE = SPREADING + "output-bmp-00.json";
    private static final String SPREADING_DUMP = SPREADING + "output-bmp-dump-00.json";

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
    void shouldCountAndSkipFlowAndBgpDaemonRecordsThatShareTheTopicButRejectABmpRecordWithoutItsRouter() {
        Mapped flow = mapper.map(("{\"event_type\": \"purge\", \"peer_ip_src\": \"192.0.2.1\", \"ip_src\": "
                + "\"198.51.100.7\", \"packets\": 3, \"bytes\": 180}").getBytes(StandardCharsets.UTF_8), START);
        Mapped bgp = mapper.map(("{\"event_type\": \"log\", \"peer_ip_src\": \"192.0.2.1\", \"log_type\": "
                + "\"update\", \"afi\": 1, \"safi\": 1, \"ip_prefix\": \"198.51.100.0/24\"}")
                .getBytes(StandardCharsets.UTF_8), START);
        Mapped noRouter = mapper.map("{\"event_type\": \"log\", \"bmp_msg_type\": \"peer_up\"}"
                .getBytes(StandardCharsets.UTF_8), START);

        assertThat(flow).isEqualTo(new Mapped.Commands(List.of()));
        assertThat(bgp).isEqualTo(new Mapped.Commands(List.of()));
        assertThat(noRouter).isEqualTo(new Mapped.Malformed("not a pmacct BMP msglog record: no bmp_router"));
        assertThat(mapper.tally().skipped())
                .containsEntry("event_type purge (not a BMP msglog or dump record)", 1L)
                .containsEntry("BGP daemon record (peer_ip_src, no bmp_router)", 1L);
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

    @Test
    void shouldReAddTheDumpsRoutesThenSweepEveryNeighbourOfEveryTableSinceTheDumpInitThenSyncEach_D29_D30() {
        List<MappedRecord> live = mapFile(TESTS.resolve(DUMP_LIVE));
        long dumpInit = time(linesMapped);
        assertThat(lines(TESTS.resolve(DUMP)).get(0)).contains("\"dump_init\"");
        List<MappedRecord> dump = mapFile(TESTS.resolve(DUMP));
        List<Command> commands = commands(dump);

        // a dump of the table the live records built adds that table again, route for route
        assertThat(routes(addRoutes(dump))).isNotEmpty().isEqualTo(routes(addRoutes(live)));
        int lastAdd = lastIndexOf(commands, c -> c instanceof Command.AddRoutes);
        List<Command> close = commands.subList(lastAdd + 1, commands.size());
        List<Command.DeleteNeighbourRoutes> sweeps = close.stream().filter(c -> c instanceof
                Command.DeleteNeighbourRoutes).map(c -> (Command.DeleteNeighbourRoutes) c).toList();
        List<Command.Sync> syncs = close.stream().filter(c -> c instanceof Command.Sync).map(c -> (Command.Sync) c)
                .toList();
        assertThat(sweeps.size() + syncs.size()).isEqualTo(close.size());
        assertThat(sweeps).isNotEmpty().allSatisfy(d -> assertThat(d.notUpdatedSinceMs()).isEqualTo(dumpInit));
        assertThat(syncs).extracting(Command.Sync::marker).containsOnly("dump");
        Set<String> tables = commands(live).stream().filter(c -> c instanceof Command.RegisterEntity)
                .map(c -> c.rtmInstance() + " " + c.family()).collect(Collectors.toSet());
        assertThat(syncs).extracting(c -> c.rtmInstance() + " " + c.family())
                .containsExactlyInAnyOrderElementsOf(tables);
        Set<String> neighbours = addRoutes(live).stream().map(r -> r.rtmInstance() + " " + r.neighbour().address())
                .collect(Collectors.toSet());
        assertThat(sweeps).extracting(d -> d.rtmInstance() + " " + d.address()).containsAll(neighbours);
    }

    /**
     * A dump is a snapshot as of its dump_init (D29): a live withdraw or update of a dumped route after the
     * dump_init is not overwritten by the dump's older copy; a withdraw before the dump_init is.
     */
    @Test
    void shouldNotOverwriteALiveChangeAfterTheDumpInitWithTheDumpsCopy_D29() {
        List<String> dump = lines(TESTS.resolve(DUMP));
        List<String> loc = dump.stream().filter(l -> l.contains("\"route_monitor\"") && l.contains("\"is_loc\": 1"))
                .toList();
        mapFile(TESTS.resolve(DUMP_LIVE));
        List<MappedRecord> before = mapLines(List.of(liveRecord(loc.get(0), "withdraw", null), dump.get(0)));
        List<MappedRecord> during = mapLines(List.of(liveRecord(loc.get(1), "withdraw", null),
                liveRecord(loc.get(2), "update", 7L)));
        List<MappedRecord> rest = mapLines(dump.subList(1, dump.size()));

        Prefix withdrawnBefore = prefixOf(loc.get(0));
        Prefix withdrawn = prefixOf(loc.get(1));
        Prefix updated = prefixOf(loc.get(2));
        assertThat(commands(before)).filteredOn(c -> c instanceof Command.DeleteRoutes).singleElement()
                .satisfies(c -> assertThat(((Command.DeleteRoutes) c).routes()).extracting(r -> r.command().dest())
                        .containsExactly(withdrawnBefore));
        assertThat(addRoutes(during)).singleElement().satisfies(r -> {
            assertThat(r.dest()).isEqualTo(updated);
            assertThat(r.metric()).isEqualTo(7);
        });
        assertThat(addRoutes(rest)).extracting(Command.AddRoute::dest).contains(withdrawnBefore)
                .doesNotContain(withdrawn, updated);
        assertThat(mapper.tally().skipped()).containsEntry("dump route older than a live change", 2L);
    }

    @Test
    void shouldSkipAndCountDumpRecordsOutsideADumpInitAndItsDumpClose() {
        List<String> dump = lines(TESTS.resolve(DUMP));
        long routes = dump.stream().filter(l -> l.contains("\"route_monitor\"")).count();

        List<MappedRecord> withoutInit = mapLines(dump.subList(1, dump.size()));
        List<MappedRecord> whole = mapLines(dump);
        List<MappedRecord> afterClose = mapLines(dump.subList(1, 30));

        assertThat(addRoutes(withoutInit)).isEmpty();
        assertThat(commands(withoutInit)).noneMatch(c -> c instanceof Command.Sync);
        assertThat(addRoutes(whole)).isNotEmpty();
        assertThat(addRoutes(afterClose)).isEmpty();
        long routesAfterClose = dump.subList(1, 30).stream().filter(l -> l.contains("\"route_monitor\"")).count();
        assertThat(routesAfterClose).isPositive();
        assertThat(mapper.tally().skipped())
                .containsEntry("dump record outside a dump_init ... dump_close", routes + routesAfterClose)
                .containsEntry("dump_close without its dump_init", 1L);
    }

    /**
     * Dump spreading (pmacct's bmp_dump_*): each router's dumps are its own (D29, D30). Router 102's whole dump
     * inside router 101's leaves 101's open, and each sweep is since its own router's dump_init.
     */
    @Test
    void shouldKeepEachRoutersDumpApartWhenTheyInterleave_D29_D30() {
        List<String> dump = lines(TESTS.resolve(SPREADING_DUMP));
        int close101 = dump.indexOf(dump.stream().filter(l -> l.contains("\"dump_close\"")).findFirst().orElseThrow());
        int close102 = dump.indexOf(dump.subList(close101 + 1, dump.size()).stream()
                .filter(l -> l.contains("\"dump_close\"")).findFirst().orElseThrow());
        assertThat(dump.get(0)).contains("\"dump_init\"", "\"172.21.1.101\"");
        assertThat(dump.get(close101 + 1)).contains("\"dump_init\"", "\"172.21.1.102\"");
        mapFile(TESTS.resolve(SPREADING_LIVE));
        long init101 = time(linesMapped);
        long init102 = time(linesMapped + 1);
        List<String> interleaved = new ArrayList<>(List.of(dump.get(0)));
        interleaved.addAll(dump.subList(close101 + 1, close102 + 1));
        interleaved.addAll(dump.subList(1, close101 + 1));

        List<MappedRecord> out = mapLines(interleaved);

        assertThat(mapper.tally().skipped()).doesNotContainKey("dump record outside a dump_init ... dump_close");
        Map<String, List<Command>> byRouter = commands(out).stream()
                .collect(Collectors.groupingBy(Command::router));
        assertThat(byRouter).containsOnlyKeys("172.21.1.101", "172.21.1.102");
        Map<String, Long> inits = Map.of("172.21.1.101", init101, "172.21.1.102", init102);
        byRouter.forEach((router, commands) -> {
            assertThat(commands).as(router).anyMatch(c -> c instanceof Command.AddRoutes);
            assertThat(commands).as(router).filteredOn(c -> c instanceof Command.DeleteNeighbourRoutes).isNotEmpty()
                    .allSatisfy(c -> assertThat(((Command.DeleteNeighbourRoutes) c).notUpdatedSinceMs())
                            .isEqualTo(inits.get(router)));
            assertThat(commands.get(commands.size() - 1)).as(router).isInstanceOfSatisfying(Command.Sync.class,
                    s -> assertThat(s.marker()).isEqualTo("dump"));
        });
    }

    @Test
    void shouldSweepEachOfARoutersDumpsSinceItsOwnDumpInit_D29() {
        mapFile(TESTS.resolve(SPREADING_LIVE));
        int first = linesMapped;
        List<String> dump = lines(TESTS.resolve(SPREADING_DUMP));
        Map<String, Set<Long>> inits = new HashMap<>();
        for (int i = 0; i < dump.size(); i++) {
            MsglogRecord r = read(dump.get(i));
            if ("dump_init".equals(r.eventType())) {
                inits.computeIfAbsent(r.bmpRouter(), k -> new HashSet<>()).add(time(first + i));
            }
        }

        List<Command> commands = commands(mapLines(dump));

        assertThat(inits).hasSize(3).allSatisfy((router, times) -> assertThat(times).hasSize(2));
        assertThat(commands.stream().filter(c -> c instanceof Command.DeleteNeighbourRoutes)
                .map(c -> (Command.DeleteNeighbourRoutes) c).collect(Collectors.groupingBy(Command::router,
                        Collectors.mapping(Command.DeleteNeighbourRoutes::notUpdatedSinceMs, Collectors.toSet()))))
                .isEqualTo(inits);
    }

    /**
     * The state written as JSON and read back (as the follow loop keeps it) maps the rest of the records exactly as
     * the state that was never written does: a file split half way and, for the dump files, inside their last dump
     * after live changes in it, and before its dump_close.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"200-BMP-HUAWEI-locrib_instance", "201-BMP-CISCO-rd_instance",
            "202-BMP-CISCO-HUAWEI-multiple-sources", "204-BMP-CISCO-peer_down", "203-BMP-HUAWEI-dump",
            "207-BMP-CISCO-HUAWEI-multiple-sources-dump-spreading"})
    void shouldMapTheRestOfAFileFromARestoredSnapshotAsWithoutIt(String test) throws IOException {
        List<String> lines = new ArrayList<>(lines(TESTS.resolve(test).resolve("output-bmp-00.json")));
        List<Integer> splits = new ArrayList<>(List.of(lines.size() / 2));
        if (test.contains("dump")) {
            // live changes in the last dump of routes of two peers, before them: a withdraw of its last route and a
            // peer_down of the other peer, so that the open dump's live routes and peers decide what of it is mapped
            List<String> dump = lines(TESTS.resolve(test).resolve("output-bmp-dump-00.json"));
            for (int init = dump.size() - 1; init >= 0; init--) {
                if (!read(dump.get(init)).eventType().equals("dump_init")) {
                    continue;
                }
                String router = read(dump.get(init)).bmpRouter();
                List<String> routes = dump.subList(init, dump.size()).stream().takeWhile(l -> !l.contains(
                        "\"dump_close\"") || !read(l).bmpRouter().equals(router))
                        .filter(l -> l.contains("\"route_monitor\"") && read(l).bmpRouter().equals(router)).toList();
                String last = routes.isEmpty() ? null : routes.get(routes.size() - 1);
                String other = routes.stream().filter(l -> !peerOf(l).equals(peerOf(last))).findFirst().orElse(null);
                if (other != null) {
                    lines.addAll(dump.subList(0, init + 1));
                    lines.add(liveRecord(last, "withdraw", null));
                    lines.add(peerDownOf(other));
                    splits.add(lines.size());
                    lines.addAll(dump.subList(init + 1, dump.size()));
                    splits.add(lines.size() - 1);
                    break;
                }
            }
            assertThat(splits).hasSize(3);
        }
        for (int split : splits) {
            List<String> whole = wire(mapSplit(lines, split, false));
            List<String> restored = wire(mapSplit(lines, split, true));

            assertThat(restored).as("split at " + split).isNotEmpty().containsExactlyElementsOf(whole);
        }
    }

    /** The output of mapping {@code lines} with a flush at {@code split}, the state snapshot and restored there. */
    private static List<MappedRecord> mapSplit(List<String> lines, int split, boolean restore) throws IOException {
        FollowState state = new FollowState();
        PmacctCommandMapper m = new PmacctCommandMapper(PmacctSettings.defaults("s-"), state);
        List<MappedRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == split) {
                out.addAll(m.flush());
                if (restore) {
                    FollowState restored = new FollowState();
                    state.drainChanges().forEach(restored::restore);
                    state = restored;
                    m = new PmacctCommandMapper(PmacctSettings.defaults("s-"), state);
                }
            }
            Mapped mapped = m.map(lines.get(i).getBytes(StandardCharsets.UTF_8), time(i));
            out.addAll(((Mapped.Commands) mapped).records());
        }
        out.addAll(m.flush());
        return out;
    }

    /** The records as they go on the wire: router, kind, timestamp and JSON value. */
    private static List<String> wire(List<MappedRecord> records) {
        return records.stream().map(r -> r.router() + " " + r.record().kind() + " " + r.record().timestampMs() + " "
                + new String(json(r), StandardCharsets.UTF_8)).toList();
    }

    private List<MappedRecord> mapLines(List<String> lines) {
        List<MappedRecord> out = new ArrayList<>();
        for (String line : lines) {
            Mapped mapped = mapper.map(line.getBytes(StandardCharsets.UTF_8), time(linesMapped++));
            assertThat(mapped).as(line).isInstanceOf(Mapped.Commands.class);
            out.addAll(((Mapped.Commands) mapped).records());
        }
        out.addAll(mapper.flush());
        return out;
    }

    private static Set<String> routes(List<Command.AddRoute> routes) {
        return routes.stream().map(r -> r.rtmInstance() + " " + r.neighbour().address() + " " + r.dest() + " "
                + r.preference() + " " + r.metric()).collect(Collectors.toSet());
    }

    private static Prefix prefixOf(String line) {
        return Prefix.parse(read(line).ipPrefix());
    }

    private static int lastIndexOf(List<Command> commands, java.util.function.Predicate<Command> test) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (test.test(commands.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The record timestamp of the i-th line the test maps: the collector producing a record a millisecond. */
    static long time(int i) {
        return START + i;
    }

    private List<MappedRecord> mapFile(Path file) {
        return mapLines(lines(file));
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

    /** A live peer_down of the BMP peer of a route record. */
    static String peerDownOf(String routeLine) {
        try {
            ObjectNode r = (ObjectNode) Json.MAPPER.readTree(routeLine);
            r.put("event_type", "log").put("bmp_msg_type", "peer_down").remove("log_type");
            return Json.MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String peerOf(String routeLine) {
        MsglogRecord r = read(routeLine);
        return r.bmpRouter() + " " + r.peerIp() + " " + r.locRib();
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
