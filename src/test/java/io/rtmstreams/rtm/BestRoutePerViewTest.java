package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Best route per view through the engine: cost, tie-breaks, views, ECMP, protocol selector (R67–R77, D4, D6). */
class BestRoutePerViewTest {

    private static final String DEST = "10.0.0.0/8";
    private static final EntityId RIP2 = EntityId.of(8, 2);

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(RIP2);
        f.register(OSPF);
        f.register(STATIC);
    }

    private long add(EntityId owner, long pref, long metric) {
        return f.addOk(f.route(owner, DEST).via("192.0.2." + owner.protocolId() % 200, 1).cost(pref, metric));
    }

    @Test
    @DisplayName("R67: preference decides before metric")
    void shouldPickTheLowerPreferenceOverALowerMetric() {
        add(RIP, 120, 1);
        long ospf = add(OSPF, 110, 50);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(ospf);
    }

    @Test
    @DisplayName("R68, T13: 0xFFFFFFFF is the worst preference and metric")
    void shouldCompareUnsigned() {
        add(RIP, 0xFFFF_FFFFL, 0);
        long ospf = add(OSPF, 1, 0xFFFF_FFFFL);
        long stat = add(STATIC, 1, 3);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(stat);
        f.delete(STATIC, stat);
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(ospf);
    }

    @Test
    @DisplayName("D6: preference 0 is a valid, best preference")
    void shouldAcceptPreferenceZeroAsBest() {
        add(STATIC, 1, 0);
        long zero = add(RIP, 0, 9);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(zero);
    }

    @Test
    @DisplayName("D4, R72: a route of equal cost does not unseat the incumbent (no BEST flag, no BEST change)")
    void shouldKeepIncumbentBestOnEqualCost() {
        long first = add(RIP, 5, 5);

        Outcome o = f.route(OSPF, DEST).via("192.0.2.13", 1).cost(5, 5).add();

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(first);
        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(changeTypes(o.effects(), DEST, View.UNICAST)).isEqualTo(ChangeType.ALL.bit());
    }

    @Test
    @DisplayName("D4: when the best goes, the route that has held the tied cost longest wins")
    void shouldPickTheLongestHeldOfTiedRoutes() {
        long best = add(STATIC, 1, 1);
        long older = add(RIP, 5, 5);
        add(OSPF, 5, 5);

        f.delete(STATIC, best);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(older);
    }

    @Test
    @DisplayName("D4: a cost change re-positions a route; it then holds its cost from that moment")
    void shouldRepositionARouteWhoseCostChanged() {
        long best = add(STATIC, 1, 1);
        long rip = add(RIP, 5, 5);
        long ospf = add(OSPF, 5, 5);
        add(RIP, 5, 6);
        add(RIP, 5, 5);

        f.delete(STATIC, best);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(ospf).isNotEqualTo(rip);
    }

    @Test
    @DisplayName("D4: an update that keeps the cost keeps the route's place among equals")
    void shouldKeepThePlaceOfARouteUpdatedAtTheSameCost() {
        long best = add(STATIC, 1, 1);
        long rip = add(RIP, 5, 5);
        add(OSPF, 5, 5);
        f.ok(f.route(RIP, DEST).via("192.0.2.8", 1).cost(5, 5).info("refreshed").command());

        f.delete(STATIC, best);

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(rip);
    }

    @Test
    @DisplayName("R70, R71: each view selects independently; IsBestRoute gives the mask of views where a route wins")
    void shouldSelectPerViewIndependently() {
        long both = f.addOk(f.route(RIP, DEST).cost(120, 1).views(U | M));
        long mcast = f.addOk(f.route(OSPF, DEST).cost(110, 1).views(M));

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(both);
        assertThat(f.bestId(DEST, View.MULTICAST)).isEqualTo(mcast);
        assertThat(f.engine.queries().bestViews(ROUTER, both)).isEqualTo(U);
        assertThat(f.engine.queries().bestViews(ROUTER, mcast)).isEqualTo(M);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(1);
        assertThat(f.multicast(DEST).numRoutes()).isEqualTo(2);
        assertThat(f.dest(DEST).belongsToViews()).isEqualTo(U | M);
    }

    @Test
    @DisplayName("R73: ECMP lives inside one route's next-hop list; equal routes are never merged")
    void shouldExpressEcmpOnlyInsideOneRoute() {
        long ecmp = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).via("192.0.2.2", 2).cost(5, 5));
        f.addOk(f.route(OSPF, DEST).via("192.0.2.3", 3).cost(5, 5));

        ViewInfo u = f.unicast(DEST);
        assertThat(u.route().route().id()).isEqualTo(ecmp);
        assertThat(u.route().nextHops()).extracting(h -> h.nextHop().address().toString())
                .containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(u.numRoutes()).isEqualTo(2);
    }

    @Test
    @DisplayName("R75, A12: route flags play no part in selection")
    void shouldIgnoreFlagsWhenSelecting() {
        add(RIP, 5, 5);
        long discard = f.addOk(f.route(OSPF, DEST).cost(1, 1).flags(RouteFlags.DISCARD | RouteFlags.INACTIVE));

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(discard);
        assertThat(f.unicast(DEST).destFlags()).isEqualTo(RouteFlags.DISCARD | RouteFlags.INACTIVE);
    }

    @Test
    @DisplayName("R76, A13: a route with no view is ERROR_INVALID_PARAMETER, with an unsupported view NOT_SUPPORTED")
    void shouldValidateTheViewsOfARoute() {
        var before = f.stores.snapshot();

        assertThat(f.route(RIP, DEST).views(0).add().status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.route(RIP, DEST).views(0x4).add().status()).isEqualTo(Status.ERROR_NOT_SUPPORTED);
        assertThat(f.route(RIP, DEST).views(U | 0x8000_0000).add().status()).isEqualTo(Status.ERROR_NOT_SUPPORTED);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R5, R39: query masks: ALL means every supported view, ANY no per-view data, others NOT_SUPPORTED")
    void shouldResolveQueryViewMasks() {
        add(RIP, 5, 5);

        assertThat(f.engine.queries().exactMatch(V4, p(DEST), View.MASK_ALL, 0, null).views())
                .extracting(ViewInfo::view).containsExactly(View.UNICAST, View.MULTICAST);
        assertThat(f.engine.queries().exactMatch(V4, p(DEST), View.MASK_ANY, 0, null).views()).isEmpty();
        assertThat(f.engine.queries().exactMatch(V4, p(DEST), M | U, 0, null).views()).hasSize(2);
        assertThat(statusOf(() -> f.engine.queries().exactMatch(V4, p(DEST), 0x4, 0, null)))
                .isEqualTo(Status.ERROR_NOT_SUPPORTED);
    }

    @Test
    @DisplayName("R77, A14: a protocol id selects that protocol's best route; NumRoutes and HoldRoute stay unfiltered")
    void shouldReportTheSelectedProtocolsBestRoute() {
        long stat = add(STATIC, 3, 1);
        add(RIP, 120, 5);
        long rip2 = add(RIP2, 120, 2);

        ViewInfo ripView = f.engine.queries().exactMatch(V4, p(DEST), U, RIP.protocolId(), null).views().get(0);
        ViewInfo overall = f.engine.queries().exactMatch(V4, p(DEST), U, 0, null).views().get(0);
        ViewInfo bgp = f.engine.queries().exactMatch(V4, p(DEST), U, BGP.protocolId(), null).views().get(0);

        assertThat(ripView.route().route().id()).isEqualTo(rip2);
        assertThat(ripView.owner()).isEqualTo(RIP2);
        assertThat(ripView.numRoutes()).isEqualTo(3);
        assertThat(overall.route().route().id()).isEqualTo(stat);
        assertThat(bgp.route()).isNull();
        assertThat(bgp.destFlags()).isZero();
        assertThat(bgp.numRoutes()).isEqualTo(3);
    }

    @Test
    @DisplayName("R77: RTM_THIS_PROTOCOL selects the caller's protocol; without a caller it is INVALID_PARAMETER")
    void shouldResolveThisProtocolToTheCallersProtocol() {
        add(STATIC, 3, 1);
        long rip = add(RIP, 120, 5);

        ViewInfo mine = f.engine.queries().exactMatch(V4, p(DEST), U, ProtocolIds.THIS_PROTOCOL, RIP2).views().get(0);

        assertThat(mine.route().route().id()).isEqualTo(rip);
        assertThat(statusOf(() -> f.engine.queries().exactMatch(V4, p(DEST), U, ProtocolIds.THIS_PROTOCOL, null)))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }
}
