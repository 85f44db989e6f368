package io.rtmstreams.app.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.contract.CommandReader;
import io.rtmstreams.contract.Decoded;
import io.rtmstreams.contract.InterfaceChangeReader;
import io.rtmstreams.contract.Json;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.mrt.AsPathFixtures;
import io.rtmstreams.mrt.MrtRecord;
import io.rtmstreams.mrt.Nlri;
import io.rtmstreams.mrt.Origin;
import io.rtmstreams.mrt.PathAttributes;
import io.rtmstreams.mrt.Peer;
import io.rtmstreams.mrt.RibEntry;
import io.rtmstreams.mrt.RibRecord;
import io.rtmstreams.mrt.Safi;
import io.rtmstreams.mrt.StateChange;
import io.rtmstreams.mrt.UpdateRecord;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of MRT records to commands (D28, D29, D30), each output read back by the processor's own readers
 * (CommandReader, InterfaceChangeReader), so what is checked is what the processor will execute.
 */
class MrtCommandMapperTest {

    private static final String ROUTER = "rv-jinx";
    private static final long T = 1_401_487_200_000L;
    private static final Peer PEER_A = new Peer(IpAddress.parse("196.223.14.55"), 30_844);
    private static final Peer PEER_B = new Peer(IpAddress.parse("196.223.14.84"), 37_271);
    private static final Peer PEER_V6 = new Peer(IpAddress.parse("2001:43f8:1f0::55"), 30_844);

    private MrtCommandMapper mapper = new MrtCommandMapper(settings());

    @Test
    void shouldRegisterTheEntityAndReportEachPeersInterfaceBeforeItsRoutes() {
        List<ImportRecord> out = mapAll(rib(entry("10.0.0.0/8", PEER_A, "196.223.14.1", 2, Origin.IGP, null),
                entry("10.0.0.0/8", PEER_B, "196.223.14.2", 3, Origin.IGP, null)));

        assertThat(out).extracting(ImportRecord::kind).containsExactly(Kind.COMMAND, Kind.COMMAND, Kind.INTERFACE,
                Kind.INTERFACE, Kind.COMMAND, Kind.COMMAND, Kind.COMMAND, Kind.COMMAND, Kind.SYNC, Kind.SYNC);
        assertThat(command(out.get(0))).isInstanceOf(Command.RegisterEntity.class);
        InterfaceChange itf = interfaceChange(out.get(2));
        assertThat(itf.row().metric()).isZero();
        Command.AddRoute route = addRoutes(out.get(4)).get(0);
        assertThat(route.dest()).isEqualTo(Prefix.parse("10.0.0.0/8"));
        assertThat(route.neighbour().address()).isEqualTo(PEER_A.address());
        assertThat(route.neighbour().interfaceIndex()).isEqualTo(itf.row().interfaceIndex());
        assertThat(route.nextHops()).singleElement().satisfies(hop -> {
            assertThat(hop.address()).isEqualTo(IpAddress.parse("196.223.14.1"));
            assertThat(hop.interfaceIndex()).isEqualTo(itf.row().interfaceIndex());
        });
        assertThat(route.preference()).isEqualTo(20);
        assertThat(route.metric()).isEqualTo(2L << 24);
        assertThat(mapper.interfaces()).isEqualTo(2);
    }

    @Test
    void shouldReportTheInterfacesOfADumpsPeerIndexTableAtOnce() {
        List<ImportRecord> declared = mapper.declarePeers(List.of(PEER_A, PEER_B, PEER_V6), T);
        List<ImportRecord> routes = mapAll(rib(entry("10.0.0.0/8", PEER_B, "196.223.14.2", 3, Origin.IGP, null)));

        assertThat(declared).extracting(r -> interfaceChange(r).row().family())
                .containsExactly(2, 2, 23);
        assertThat(routes).extracting(ImportRecord::kind).doesNotContain(Kind.INTERFACE);
        assertThat(allRoutes(routes)).singleElement().extracting(r -> r.neighbour().interfaceIndex())
                .isEqualTo(interfaceChange(declared.get(1)).row().interfaceIndex());
    }

    @Test
    void shouldEncodeThePathLengthOriginAndMedPerPeer() {
        assertThat(BgpCost.metric(CostMode.PER_PEER, attributes(3, Origin.EGP, 5L))).isEqualTo(3L << 24 | 1L << 22 | 5);
        assertThat(BgpCost.metric(CostMode.PER_PEER, attributes(300, Origin.IGP, 1L << 23)))
                .as("capped: 255 ASes, MED 2^22 - 1").isEqualTo(255L << 24 | (1L << 22) - 1);
        assertThat(BgpCost.metric(CostMode.PER_PEER, attributes(1, null, null))).as("no origin: INCOMPLETE, no MED: 0")
                .isEqualTo(1L << 24 | 2L << 22);
        assertThat(BgpCost.metric(CostMode.LOC_RIB, attributes(7, Origin.EGP, 42L))).isEqualTo(42);
    }

    @Test
    void shouldGiveInternalPeersTheIbgpDistance() {
        mapper = new MrtCommandMapper(new ImportSettings(ROUTER, 0, 1, CostMode.PER_PEER, 20, 200, 30_844L, false,
                RecordTimes.MRT, "t-"));
        List<ImportRecord> out = mapAll(rib(entry("10.0.0.0/8", PEER_A, "196.223.14.1", 2, Origin.IGP, null),
                entry("10.0.0.0/8", PEER_B, "196.223.14.2", 3, Origin.IGP, null)));

        assertThat(allRoutes(out)).extracting(r -> r.neighbour().address() + " " + r.preference())
                .containsExactly("196.223.14.55 200", "196.223.14.84 20");
    }

    @Test
    void shouldSendAtMost5000RoutesPerBatch() {
        List<RibEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12_001; i++) {
            entries.add(entry("10." + (i >> 8) + "." + (i & 255) + ".0/24", PEER_A, "196.223.14.1", 2, Origin.IGP,
                    null));
        }
        List<ImportRecord> out = mapAll(new RibRecord(0, T * 1000, entries));

        assertThat(out.stream().filter(r -> command(r) instanceof Command.AddRoutes).map(this::addRoutes)
                .map(List::size)).containsExactly(5_000, 5_000, 2_001);
        assertThat(mapper.tally().routes()).isEqualTo(12_001);
    }

    @Test
    void shouldSweepTheDumpsPeersOfRoutesTheDumpDidNotRefresh() {
        List<ImportRecord> out = mapAll(rib(entry("10.0.0.0/8", PEER_A, "196.223.14.1", 2, Origin.IGP, null)));

        Command.DeleteNeighbourRoutes sweep = out.stream().map(this::command)
                .filter(Command.DeleteNeighbourRoutes.class::isInstance).map(Command.DeleteNeighbourRoutes.class::cast)
                .findFirst().orElseThrow();
        assertThat(sweep.address()).isEqualTo(PEER_A.address());
        assertThat(sweep.interfaceIndex()).isNull();
        assertThat(sweep.notUpdatedSinceMs()).isEqualTo(T);
        assertThat(out).allSatisfy(r -> assertThat(r.timestampMs()).isEqualTo(T));
    }

    @Test
    void shouldWithdrawThenAnnounceAnUpdateWithItsSharedMetric() {
        UpdateRecord update = new UpdateRecord(0, (T + 5_000) * 1000, PEER_A, false,
                attributes(4, Origin.IGP, 10L, "196.223.14.9"),
                List.of(nlri("192.0.2.0/24")), List.of(nlri("198.51.100.0/24"), nlri("203.0.113.0/24")));

        List<ImportRecord> out = mapper.map(update);

        List<Command> commands = out.stream().filter(r -> r.kind() == Kind.COMMAND).map(this::command).toList();
        assertThat(commands.get(2)).isInstanceOfSatisfying(Command.DeleteRoutes.class, d -> assertThat(d.routes())
                .extracting(r -> r.command().dest()).containsExactly(Prefix.parse("192.0.2.0/24")));
        assertThat(addRoutes(out.get(out.size() - 1))).extracting(Command.AddRoute::metric)
                .containsOnly(4L << 24 | 10);
        assertThat(out).allSatisfy(r -> assertThat(r.timestampMs()).isEqualTo(T + 5_000));
        assertThat(mapper.tally().withdrawals()).isEqualTo(1);
        assertThat(mapper.tally().routes()).isEqualTo(2);
    }

    @Test
    void shouldDeleteAPeersRoutesWhenItsSessionLeavesEstablished() {
        mapper.map(new StateChange(0, T * 1000, PEER_A, 5, 6));
        List<ImportRecord> down = mapper.map(new StateChange(0, T * 1000, PEER_A, 6, 1));
        mapper.map(new StateChange(0, T * 1000, new Peer(IpAddress.parse("0.0.0.0"), 0), 6, 1));

        assertThat(down).singleElement().satisfies(r -> assertThat(command(r))
                .isInstanceOfSatisfying(Command.DeleteNeighbourRoutes.class, d -> {
                    assertThat(d.address()).isEqualTo(PEER_A.address());
                    assertThat(d.notUpdatedSinceMs()).isNull();
                }));
        assertThat(mapper.tally().peerDowns()).isEqualTo(1);
        assertThat(mapper.tally().skipped()).containsEntry("state change without the peer's address", 1L);
    }

    @Test
    void shouldKeepTheLastPathOfAPeerByDefaultAndGiveEachPathAnInterfaceOnRequest() {
        RibRecord twoPaths = rib(addPathEntry(1, "196.223.14.1"), addPathEntry(2, "196.223.14.2"));
        assertThat(allRoutes(mapAll(twoPaths)).stream().map(r -> r.neighbour().interfaceIndex()).distinct())
                .as("one neighbour: the second path replaces the first").hasSize(1);

        mapper = new MrtCommandMapper(new ImportSettings(ROUTER, 0, 1, CostMode.PER_PEER, 20, 200, null, true,
                RecordTimes.MRT, "t-"));
        List<Command.AddRoute> perPath = allRoutes(mapAll(twoPaths));
        assertThat(perPath.stream().map(r -> r.neighbour().interfaceIndex()).distinct()).hasSize(2);
        assertThat(perPath).extracting(r -> r.neighbour().address()).containsOnly(PEER_A.address());
    }

    @Test
    void shouldSkipRoutesThatCannotLiveInTheirPrefixsTable() {
        List<ImportRecord> out = mapAll(rib(entry("2001:db8::/32", PEER_A, "196.223.14.1", 2, Origin.IGP, null),
                entry("2001:db8::/32", PEER_V6, "2001:43f8:1f0::1", 2, Origin.IGP, null)));

        assertThat(allRoutes(out)).extracting(r -> r.neighbour().address()).containsExactly(PEER_V6.address());
        assertThat(mapper.tally().skipped()).containsEntry("route of another family than its peer's address", 1L);
    }

    @Test
    void shouldGiveAPeerTheSameInterfaceInEveryRun() {
        RibRecord record = rib(entry("10.0.0.0/8", PEER_A, "196.223.14.1", 2, Origin.IGP, null));
        long first = interfaceChange(mapAll(record).get(2)).row().interfaceIndex();
        mapper = new MrtCommandMapper(settings());

        assertThat(interfaceChange(mapAll(record).get(2)).row().interfaceIndex()).isEqualTo(first);
    }

    @Test
    void shouldStampRecordsAndTheSweepWithTheImportsClockByDefault() {
        mapper = new MrtCommandMapper(ImportSettings.defaults(ROUTER, "c-"));
        long before = System.currentTimeMillis();
        List<ImportRecord> out = mapAll(rib(entry("10.0.0.0/8", PEER_A, "196.223.14.1", 2, Origin.IGP, null)));

        assertThat(out).allSatisfy(r -> assertThat(r.timestampMs()).isBetween(before, System.currentTimeMillis()));
        Command.DeleteNeighbourRoutes sweep = out.stream().map(this::command)
                .filter(Command.DeleteNeighbourRoutes.class::isInstance).map(Command.DeleteNeighbourRoutes.class::cast)
                .findFirst().orElseThrow();
        long addedAt = out.stream().filter(r -> command(r) instanceof Command.AddRoutes).findFirst().orElseThrow()
                .timestampMs();
        assertThat(sweep.notUpdatedSinceMs()).isBetween(before, addedAt);
    }

    private static ImportSettings settings() {
        return ImportSettings.defaults(ROUTER, "t-").withRecordTimes(RecordTimes.MRT);
    }

    private List<ImportRecord> mapAll(MrtRecord... records) {
        List<ImportRecord> out = new ArrayList<>();
        for (MrtRecord r : records) {
            out.addAll(mapper.map(r));
        }
        out.addAll(mapper.finish());
        return out;
    }

    private static RibRecord rib(RibEntry... entries) {
        return new RibRecord(0, T * 1000, List.of(entries));
    }

    private static RibEntry entry(String prefix, Peer peer, String nextHop, int pathLength, Origin origin, Long med) {
        return new RibEntry(Prefix.parse(prefix), Safi.UNICAST, peer, Nlri.NO_PATH_ID,
                attributes(pathLength, origin, med, nextHop));
    }

    private static RibEntry addPathEntry(long pathId, String nextHop) {
        return new RibEntry(Prefix.parse("10.0.0.0/8"), Safi.UNICAST, PEER_A, pathId,
                attributes(2, Origin.IGP, null, nextHop));
    }

    private static Nlri nlri(String prefix) {
        return new Nlri(Prefix.parse(prefix), Nlri.NO_PATH_ID);
    }

    private static PathAttributes attributes(int pathLength, Origin origin, Long med) {
        return attributes(pathLength, origin, med, "192.0.2.1");
    }

    private static PathAttributes attributes(int pathLength, Origin origin, Long med, String nextHop) {
        IpAddress hop = IpAddress.parse(nextHop);
        boolean v6 = nextHop.contains(":");
        return new PathAttributes(origin, AsPathFixtures.sequence(pathLength), v6 ? null : hop, med, null,
                v6 ? hop : null, List.of(), List.of());
    }

    private List<Command.AddRoute> allRoutes(List<ImportRecord> out) {
        return out.stream().filter(r -> command(r) instanceof Command.AddRoutes).flatMap(r -> addRoutes(r).stream())
                .toList();
    }

    private List<Command.AddRoute> addRoutes(ImportRecord record) {
        return ((Command.AddRoutes) command(record)).routes().stream().map(BatchRoute::command).toList();
    }

    private Command command(ImportRecord record) {
        if (record.kind() == Kind.INTERFACE) {
            return null;
        }
        Decoded<Command> decoded = CommandReader.read(key(), json(record));
        assertThat(decoded).as(new String(json(record), StandardCharsets.UTF_8)).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid<Command>) decoded).command();
    }

    private static InterfaceChange interfaceChange(ImportRecord record) {
        Decoded<InterfaceChange> decoded = InterfaceChangeReader.read(key(), json(record));
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid<InterfaceChange>) decoded).command();
    }

    private static byte[] key() {
        return ROUTER.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ImportRecord record) {
        try {
            return Json.MAPPER.writeValueAsBytes(record.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
