package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.rtmstreams.iphlp.IphlpFixture.NETMGMT;
import static io.rtmstreams.iphlp.IphlpFixture.OSPF;
import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetBestRoute2 against a brute-force scan of every route (D17, B2, B4–B8, D11–D13), written from the rules and
 * the test's own record of what it added, not from the engine's state. Random interfaces (some disconnected, some
 * with DisableDefaultRoutes or weak host send, one metric "unused") and routes over nested prefixes; between rounds
 * of queries random interface changes and deletions, so a stored best route that missed a recomputation (D14) shows.
 * Each seed runs twice: the lookup walking the stores, and the read model walking what a store's owner publishes
 * ({@link CommittedReads}: a {@link io.rtmstreams.rtm.DestinationIndex} of the same state). A failure names its seed.
 */
class BestRoutePropertyTest {

    static final long MAX = 0xFFFF_FFFFL;
    static final int INTERFACES = 5;
    static final long UNKNOWN_INDEX = 6;
    static final int ROUTES = 150;
    static final int ROUNDS = 5;
    static final int QUERIES = 40;

    /** Where GetBestRoute2 reads the destinations it walks. */
    enum ReadPath { STORES, COMMITTED_INDEX }

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, 25).boxed()
                .flatMap(seed -> Stream.of(ReadPath.values()).map(path -> Arguments.of(seed, path)));
    }

    /** The test's record of an interface row (index 1..5); {@code deleted} after DELETE_INSTANCE. */
    record Iface(long index, long luid, long metric, boolean connected, boolean ddr, boolean weak,
                 IpAddress address, boolean deleted) {
    }

    record Hop(IpAddress address, long index) {
    }

    record ModelRoute(long id, Prefix prefix, long preference, long metric, List<Hop> hops) {
    }

    /** One (route, next hop) way out as the spec ranks it; {@code hop} null for a route without next hops. */
    record Way(ModelRoute route, Hop hop, long ifMetric, long luid, boolean stale) {
        long effective() {
            return route.metric() + ifMetric;
        }
    }

    private final Map<Long, Iface> ifaces = new LinkedHashMap<>();
    private final List<ModelRoute> routes = new ArrayList<>();
    private Random rnd;
    private IphlpFixture f;
    private ReadPath path;

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seeds")
    void shouldAgreeWithABruteForceScanOfEveryRoute(long seed, ReadPath path) {
        this.path = path;
        rnd = new Random(seed);
        f = new IphlpFixture();
        try {
            for (long i = 1; i <= INTERFACES; i++) {
                report(randomIface(i));
            }
            for (int i = 0; i < ROUTES; i++) {
                addRandomRoute();
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int q = 0; q < QUERIES; q++) {
                    checkRandomQuery();
                }
                changeRandomInterface();
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    // ---- the world ----------------------------------------------------------------------------------------------

    private Iface randomIface(long index) {
        long[] metrics = {1, 5, 10, 25, 25, 35, 50};
        long metric = rnd.nextInt(20) == 0 ? MAX : metrics[rnd.nextInt(metrics.length)];
        long luid = NetLuid.of(rnd.nextBoolean() ? 6 : 71, (int) (10 - index)); // LUID order differs from index order
        return new Iface(index, luid, metric, rnd.nextInt(5) != 0, rnd.nextInt(5) == 0, rnd.nextInt(3) == 0,
                IpAddress.parse("192.0.2." + (10 + index)), false);
    }

    private void report(Iface i) {
        InterfaceRowBuilder row = v4(i.luid(), i.index(), i.metric()).connected(i.connected())
                .disableDefaultRoutes(i.ddr()).weakHostSend(i.weak()).unicastAddresses(List.of(i.address()));
        assertThat(f.put(row).status()).isEqualTo(Status.NO_ERROR);
        ifaces.put(i.index(), i);
    }

    private void changeRandomInterface() {
        for (int n = 1 + rnd.nextInt(2); n > 0; n--) {
            long index = 1 + rnd.nextInt(INTERFACES);
            Iface old = ifaces.get(index);
            if (!old.deleted() && rnd.nextInt(4) == 0) {
                assertThat(f.delete(v4(old.luid(), 0, 0)).status()).isEqualTo(Status.NO_ERROR);
                ifaces.put(index, new Iface(index, old.luid(), 0, false, false, false, old.address(), true));
            } else {
                Iface fresh = randomIface(index);
                report(new Iface(index, old.luid(), fresh.metric(), fresh.connected(), fresh.ddr(), fresh.weak(),
                        old.address(), false));
            }
        }
    }

    private void addRandomRoute() {
        int[] lengths = {0, 1, 8, 12, 16, 20, 24, 32};
        int length = lengths[rnd.nextInt(lengths.length)];
        Prefix p = Prefix.of(randomDestination(), length);
        List<Hop> hops = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (int n = rnd.nextInt(20) == 0 ? 0 : 1 + rnd.nextInt(3); n > 0; n--) {
            long index = rnd.nextInt(12) == 0 ? (rnd.nextBoolean() ? 0 : UNKNOWN_INDEX) : 1 + rnd.nextInt(INTERFACES);
            if (used.add(index)) {
                hops.add(new Hop(IpAddress.parse("172.16." + rnd.nextInt(4) + "." + (1 + index)), index));
            }
        }
        long preference = rnd.nextInt(2);
        long metric = rnd.nextInt(25) == 0 ? MAX : rnd.nextInt(4);
        EntityId owner = rnd.nextBoolean() ? NETMGMT : OSPF;
        NextHopSpec[] specs = hops.stream().map(h -> NextHopSpec.of(h.address().toString(), h.index()))
                .toArray(NextHopSpec[]::new);
        long id = f.route(owner, p.length() == 0 ? "0.0.0.0/0" : p.toString(), preference, metric, specs);
        routes.add(new ModelRoute(id, p, preference, metric, hops));
    }

    private IpAddress randomDestination() {
        if (rnd.nextInt(10) == 0) {
            return IpAddress.parse("11.0.0." + rnd.nextInt(256));
        }
        return IpAddress.parse("10.0." + rnd.nextInt(4) + "." + rnd.nextInt(256));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private void checkRandomQuery() {
        // one query in ten goes where only the default route reaches (G5 matters there)
        IpAddress dst = rnd.nextInt(10) == 0 ? IpAddress.parse("200.0.0." + rnd.nextInt(256)) : randomDestination();
        BestRouteQuery q = IphlpFixture.to(dst.toString());
        Iface pick = ifaces.get(1L + rnd.nextInt(INTERFACES));
        switch (rnd.nextInt(6)) {
            case 0:
                checkConstrained(q.withLuid(pick.luid()), dst, pick);
                break;
            case 1:
                checkConstrained(q.withIndex(pick.index()), dst, pick);
                break;
            case 2:
                checkSourced(q.from(pick.address().toString()), dst, pick);
                break;
            case 3:
                checkUnconstrained(q.withLuid(0L).withIndex(rnd.nextInt(1000)), dst);
                break;
            default:
                checkUnconstrained(q, dst);
        }
    }

    /** GetBestRoute2 on the state as it is now, by the test's read path. */
    private BestRouteResult best(BestRouteQuery q) {
        if (path == ReadPath.STORES) {
            return f.best(q);
        }
        return IphlpQueries.over(f.stores, RtmConfig.DEFAULTS, IphlpConfig.DEFAULTS, CommittedSnapshot.of(f.stores))
                .bestRoute(q);
    }

    private void checkUnconstrained(BestRouteQuery q, IpAddress dst) {
        BestRouteResult r = best(q);
        for (int length = 32; length >= 0; length--) {
            List<Way> best = bestWaysPerRoute(dst, length);
            if (best.isEmpty()) {
                continue;
            }
            Way first = best.get(0);
            assertThat(r.status()).as("%s", q).isEqualTo(Status.NO_ERROR);
            assertThat(r.prefix()).as("%s: longest prefix (G1)", q).isEqualTo(first.route().prefix());
            Way chosen = best.stream().filter(w -> w.route().id() == r.routeId()).findFirst()
                    .orElseThrow(() -> new AssertionError(q + ": route " + r.routeId() + " is not among the best"));
            assertThat(cost(chosen)).as("%s: lowest cost (D11, G2)", q).isEqualTo(cost(first));
            assertAnswers(q, r, chosen);
            return;
        }
        assertThat(r.status()).as("%s", q).isEqualTo(Status.ERROR_NETWORK_UNREACHABLE);
    }

    private void checkConstrained(BestRouteQuery q, IpAddress dst, Iface c) {
        BestRouteResult r = best(q);
        if (c.deleted()) {
            Status expected = q.interfaceLuid() != null ? Status.ERROR_NOT_FOUND : Status.ERROR_FILE_NOT_FOUND;
            assertThat(r.status()).as("%s on a deleted interface (B2)", q).isEqualTo(expected);
            return;
        }
        expectRanked(q, r, ways(dst, w -> w.hop() != null && w.hop().index() == c.index(), true), null);
    }

    private void checkSourced(BestRouteQuery q, IpAddress dst, Iface s) {
        BestRouteResult r = best(q);
        if (s.deleted()) {
            assertThat(r.status()).as("%s: the source's owner was deleted (B4)", q).isEqualTo(Status.ERROR_NOT_FOUND);
            return;
        }
        if (s.weak()) {
            expectRanked(q, r, ways(dst, w -> !w.stale(), false), s);
        } else {
            expectRanked(q, r, ways(dst, w -> w.hop() != null && w.hop().index() == s.index(), true), null);
        }
        if (r.succeeded()) {
            assertThat(r.bestSourceAddress()).as("%s: the given source (B9)", q).isEqualTo(SockAddrInet.of(s.address()));
        }
    }

    private void expectRanked(BestRouteQuery q, BestRouteResult r, List<Way> ways, Iface preferred) {
        Way expected = ways.stream().min(rank(preferred)).orElse(null);
        if (expected == null) {
            assertThat(r.status()).as("%s", q).isEqualTo(Status.ERROR_NETWORK_UNREACHABLE);
            return;
        }
        assertThat(r.status()).as("%s", q).isEqualTo(Status.NO_ERROR);
        assertThat(r.routeId()).as("%s: route (B6, B7)", q).isEqualTo(expected.route().id());
        assertAnswers(q, r, expected);
    }

    private static void assertAnswers(BestRouteQuery q, BestRouteResult r, Way w) {
        assertThat(r.nextHop()).as("%s: next hop", q).isEqualTo(w.hop() == null ? null : w.hop().address());
        assertThat(r.interfaceIndex()).as("%s: index", q).isEqualTo(w.hop() == null ? 0 : w.hop().index());
        assertThat(r.interfaceLuid()).as("%s: LUID", q).isEqualTo(w.luid());
        assertThat(r.metric()).as("%s: offset (Q7)", q).isEqualTo(w.route().metric());
        assertThat(r.effectiveMetric()).as("%s: effective metric (M1)", q).isEqualTo(w.effective());
        assertThat(r.stale()).as("%s: stale (G7)", q).isEqualTo(w.stale());
    }

    // ---- the oracle ---------------------------------------------------------------------------------------------

    /**
     * The candidates of the longest prefix covering {@code dst} that has any: every (route, next hop) pair passing
     * {@code keep}, with disconnected next hops admitted only when {@code constrained} (G6, G7).
     */
    private List<Way> ways(IpAddress dst, java.util.function.Predicate<Way> keep, boolean constrained) {
        for (int length = 32; length >= 0; length--) {
            List<Way> out = new ArrayList<>();
            for (ModelRoute m : routesAt(dst, length)) {
                if (m.hops().isEmpty() && !constrained && keep.test(new Way(m, null, 0, 0, false))) {
                    out.add(new Way(m, null, 0, 0, false));
                }
                for (Hop h : m.hops()) {
                    Way w = way(m, h);
                    if (w != null && (constrained || !w.stale()) && keep.test(w)) {
                        out.add(w);
                    }
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return List.of();
    }

    /** Per eligible route at this length, its best way out: lowest interface metric, then LUID, then address. */
    private List<Way> bestWaysPerRoute(IpAddress dst, int length) {
        List<Way> out = new ArrayList<>();
        for (ModelRoute m : routesAt(dst, length)) {
            if (m.hops().isEmpty()) {
                out.add(new Way(m, null, 0, 0, false)); // D13
                continue;
            }
            m.hops().stream().map(h -> way(m, h)).filter(w -> w != null && !w.stale())
                    .min(Comparator.comparingLong(Way::ifMetric)
                            .thenComparing((a, b) -> Long.compareUnsigned(a.luid(), b.luid()))
                            .thenComparing(w -> w.hop().address()))
                    .ifPresent(out::add);
        }
        out.sort(Comparator.<Way>comparingLong(w -> w.route().preference()).thenComparingLong(Way::effective));
        return out;
    }

    private List<ModelRoute> routesAt(IpAddress dst, int length) {
        return routes.stream().filter(m -> m.prefix().length() == length && m.prefix().contains(dst)).toList();
    }

    /** D12 for one next hop, or null when it is unusable for a reason other than a disconnected interface. */
    private Way way(ModelRoute m, Hop h) {
        Iface i = ifaces.get(h.index());
        if (i == null) {
            return new Way(m, h, 0, 0, false); // REMOTE (index 0) or never reported
        }
        if (i.deleted() || m.metric() == MAX || i.metric() == MAX || (m.prefix().length() == 0 && i.ddr())) {
            return null;
        }
        return new Way(m, h, i.metric(), i.luid(), !i.connected());
    }

    /** D11's cost, printable. */
    private static String cost(Way w) {
        return "preference " + w.route().preference() + ", effective metric " + w.effective();
    }

    private static Comparator<Way> rank(Iface preferred) {
        return Comparator.<Way>comparingLong(w -> w.route().preference())
                .thenComparingLong(Way::effective)
                .thenComparingInt(w -> preferred != null && w.hop() != null && w.hop().index() == preferred.index()
                        ? 0 : 1)
                .thenComparingLong(w -> w.route().metric())
                .thenComparing((a, b) -> Long.compareUnsigned(a.luid(), b.luid()))
                .thenComparing(w -> w.hop() == null ? null : w.hop().address(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(w -> w.route().id());
    }
}
