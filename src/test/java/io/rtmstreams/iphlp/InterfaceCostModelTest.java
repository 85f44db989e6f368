package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.View;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rtmstreams.iphlp.IphlpFixture.NETMGMT;
import static io.rtmstreams.iphlp.IphlpFixture.V4;
import static io.rtmstreams.iphlp.IphlpFixture.prefix;
import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route cost over interface rows (D11–D13, M1–M3, G5, Q2). Interfaces: 1 (metric 25), 2 (metric 35), 3
 * (disconnected), 4 (DisableDefaultRoutes), 5 (metric 0xFFFFFFFF), 6 (deleted); index 9 was never reported.
 */
class InterfaceCostModelTest {

    static final long MAX = 0xFFFF_FFFFL;

    private IphlpFixture f;
    private RouteCostModel model;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(v4(NetLuid.of(6, 1), 1, 25));
        f.add(v4(NetLuid.of(6, 2), 2, 35));
        f.add(v4(NetLuid.of(6, 3), 3, 10).connected(false));
        f.add(v4(NetLuid.of(6, 4), 4, 10).disableDefaultRoutes(true));
        f.add(v4(NetLuid.of(6, 5), 5, MAX));
        f.add(v4(NetLuid.of(6, 6), 6, 10));
        f.delete(v4(NetLuid.of(6, 6), 6, 0));
        model = f.ip.costModel();
    }

    private RouteCost cost(String dest, long metric, long... indexes) {
        List<NextHopRef> hops = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            hops.add(new NextHopRef(i + 1, IpAddress.parse("192.0.2." + (i + 1)), indexes[i]));
        }
        Route r = new Route(1, NETMGMT, null, 0, 0, metric, View.UNICAST.mask(), hops, null, null, 0, 1,
                RouteCost.plain(hops.size()), 0);
        return model.cost(V4, prefix(dest), r);
    }

    @Test
    void d11_shouldTakeTheSmallestInterfaceMetricAmongUsableNextHops() {
        assertThat(cost("10.0.0.0/8", 1, 2, 1)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 25, 0b11));
    }

    @Test
    void d12_shouldMarkOnlyTheUsableNextHops() {
        // 3 disconnected (G6), 6 deleted (N6), 5 metric "unused" (M3); 1 usable
        assertThat(cost("10.0.0.0/8", 1, 3, 6, 5, 1)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 25, 0b1000));
    }

    @Test
    void d13_shouldMakeARouteWithoutUsableNextHopsIneligible() {
        RouteCost c = cost("10.0.0.0/8", 1, 3, 6);
        assertThat(c.eligible()).isFalse();
        assertThat(c.usableMask()).isZero();
    }

    @Test
    void d13_shouldKeepARouteWithoutNextHopsEligible() {
        assertThat(cost("10.0.0.0/8", 1)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 0, 0));
    }

    @Test
    void g5_shouldDropOnlyTheDefaultRouteOfAnInterfaceWithDisableDefaultRoutes() {
        assertThat(cost("0.0.0.0/0", 1, 4).eligible()).isFalse();
        // Q2: split-default /1 routes and more specific routes stay eligible
        assertThat(cost("0.0.0.0/1", 1, 4)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 10, 1));
        assertThat(cost("128.0.0.0/1", 1, 4)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 10, 1));
        assertThat(cost("10.0.0.0/8", 1, 4)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 10, 1));
    }

    @Test
    void m3_shouldMakeAnUnusedRouteMetricUnusableOnAReportedInterface() {
        assertThat(cost("10.0.0.0/8", MAX, 1).eligible()).isFalse();
    }

    @Test
    void d12_shouldPriceRemoteAndUnknownNextHopsAtZero() {
        assertThat(cost("10.0.0.0/8", 1, 0)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 0, 1));
        assertThat(cost("10.0.0.0/8", 1, 9)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 0, 1));
        assertThat(cost("10.0.0.0/8", 1, 9, 1)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 0, 0b11));
    }

    @Test
    void d11_shouldBeExactlyRtmv2WithoutInterfaceRows() {
        // R68: without rows a metric of 0xFFFFFFFF is the worst metric, not an unusable one
        IphlpFixture bare = new IphlpFixture();
        Route r = new Route(1, NETMGMT, null, 0, 0, MAX, View.UNICAST.mask(),
                List.of(new NextHopRef(1, IpAddress.parse("192.0.2.1"), 7)), null, null, 0, 1, RouteCost.plain(1), 0);
        assertThat(bare.ip.costModel().cost(V4, Prefix.parse("10.0.0.0/8"), r)).isEqualTo(RouteCost.plain(1));
        assertThat(RouteCostModel.PLAIN.cost(V4, Prefix.parse("10.0.0.0/8"), r)).isEqualTo(RouteCost.plain(1));
    }

    @Test
    void strictInterfaces_shouldMakeUnknownInterfacesUnusableButNotRemoteNextHops() {
        IphlpFixture strict = new IphlpFixture(IphlpConfig.DEFAULTS.withStrictInterfaces(true));
        strict.add(v4(NetLuid.of(6, 1), 1, 25));
        model = strict.ip.costModel();
        assertThat(cost("10.0.0.0/8", 1, 9).eligible()).isFalse();
        assertThat(cost("10.0.0.0/8", 1, 0)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 0, 1));
        assertThat(cost("10.0.0.0/8", 1, 9, 1)).usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 25, 0b10));
    }

    @Test
    void d15_shouldPriceAnAutomaticMetricWithTheConfiguredTable() {
        // 100 Mb/s Ethernet: 35 in the Windows 10 table (T4), 20 in the Vista-8.1 table (T2)
        for (MetricTable table : MetricTable.values()) {
            IphlpFixture g = new IphlpFixture(IphlpConfig.DEFAULTS.withMetricTable(table));
            g.add(v4(NetLuid.of(6, 1), 1, 3).useAutomaticMetric(true).linkSpeed(100_000_000L)
                    .mediaType(MediaType.ETHERNET));
            g.route("10.0.0.0/8", 1, via("192.0.2.1", 1));
            assertThat(g.storedBest("10.0.0.0/8").cost().interfaceMetric()).as("%s", table)
                    .isEqualTo(table == MetricTable.WINDOWS_10 ? 35 : 20);
        }
    }

    @Test
    void m3_shouldSumTheEffectiveMetricIn64BitsAndRankItUnsigned() {
        f.add(v4(NetLuid.of(6, 7), 7, MAX - 1));
        long big = f.route("10.0.0.0/8", MAX - 1, via("192.0.2.7", 7));
        long small = f.route("10.0.0.0/8", 3, via("192.0.2.2", 2));
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(small);
        Route loser = f.ip.engine().queries().destination(V4, Prefix.parse("10.0.0.0/8")).route(big);
        assertThat(loser.effectiveMetric()).isEqualTo(2 * (MAX - 1)); // beyond 32 bits, not wrapped
    }

    @Test
    void shouldNameTheLuidOfAPresentInterfaceOnly() {
        assertThat(model.interfaceLuid(V4, 1)).isEqualTo(NetLuid.of(6, 1));
        assertThat(model.interfaceLuid(V4, 6)).isNull(); // deleted
        assertThat(model.interfaceLuid(V4, 9)).isNull(); // never reported
    }

    @Test
    void shouldListTheUsableNextHopsWithTheirLuidsInTheBestRoute() {
        long id = f.route("10.0.0.0/8", 1, via("192.0.2.3", 3), via("192.0.2.1", 1));
        var info = f.ip.engine().queries().exactMatch(V4, Prefix.parse("10.0.0.0/8"), View.UNICAST.mask(), 0, null);
        var best = info.views().get(0).route();
        assertThat(best.route().id()).isEqualTo(id);
        assertThat(best.nextHops()).hasSize(1);
        assertThat(best.nextHops().get(0).interfaceLuid()).isEqualTo(NetLuid.of(6, 1));
        assertThat(best.interfaceMetric()).isEqualTo(25);
    }

    @Test
    void d21_shouldFingerprintTheInterfacesBehindTheUsableNextHops() {
        long onOne = cost("10.0.0.0/8", 1, 1).interfaces();
        long onTwo = cost("10.0.0.0/8", 1, 2).interfaces();

        assertThat(cost("10.0.0.0/8", 1, 9).interfaces()).as("no known interface").isZero();
        assertThat(onOne).isNotZero().isNotEqualTo(onTwo);
        assertThat(cost("10.0.0.0/8", 1, 1, 3).interfaces()).as("unusable hops do not count").isEqualTo(onOne);

        f.add(v4(NetLuid.of(6, 7), 1, 25));

        assertThat(cost("10.0.0.0/8", 1, 1)).as("index 1 now names another interface at the same cost")
                .usingRecursiveComparison().ignoringFields("interfaces").isEqualTo(new RouteCost(true, 25, 1));
        assertThat(cost("10.0.0.0/8", 1, 1).interfaces()).isNotEqualTo(onOne);
    }
}
