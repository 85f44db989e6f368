package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Route enumeration and exact-match route with match flags (R120, R121, R123, R125–R127, A27). */
class RouteQueryTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();
    private long stat;
    private long ripA;
    private long ripB;
    private long ospf;

    @BeforeEach
    void fourRoutesOnOneDestination() {
        f.register(RIP);
        f.register(OSPF);
        f.register(STATIC);
        ripA = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).via("192.0.2.2", 2).neighbour("192.0.2.1", 1)
                .cost(120, 2));
        ripB = f.addOk(f.route(RIP, DEST).via("192.0.2.3", 3).neighbour("192.0.2.3", 3).cost(120, 1));
        ospf = f.addOk(f.route(OSPF, DEST).via("192.0.2.4", 4).cost(110, 7).views(U | M));
        stat = f.addOk(f.route(STATIC, DEST).via("192.0.2.5", 5).cost(3, 1).views(M));
    }

    private RouteInfo exact(RouteMatch m, int views) {
        return f.engine.queries().exactMatchRoute(V4, p(DEST), m, views);
    }

    private static RouteMatch match(int flags) {
        return new RouteMatch(flags, RIP, NextHopSpec.of("192.0.2.1", 1), 120, 2,
                List.of(NextHopSpec.of("192.0.2.2", 2)), 2);
    }

    private List<Long> enumerate(RouteEnum e) {
        return f.engine.queries().enumRoutes(V4, e).items().stream().map(r -> r.route().id()).toList();
    }

    @Test
    @DisplayName("R121: any entity reads any route by id; an id never handed out is ERROR_INVALID_HANDLE")
    void shouldReadAnyRouteById() {
        RouteInfo info = f.routeInfo(ripA);

        assertThat(info.state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(info.dest()).isEqualTo(p(DEST));
        assertThat(info.table()).isEqualTo(V4);
        assertThat(statusOf(() -> f.routeInfo(12345))).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R120: NONE accepts any route (criteria ignored); several matches give the first-ranked (A27)")
    void shouldMatchAnyRouteWithNone() {
        assertThat(exact(match(RouteMatch.NONE), View.MASK_ANY).route().id()).isEqualTo(stat);
        assertThat(exact(match(RouteMatch.NONE), U).route().id()).isEqualTo(ospf);
    }

    @Test
    @DisplayName("R120: OWNER compares the owner; the first-ranked of its routes wins")
    void shouldMatchTheOwner() {
        assertThat(exact(RouteMatch.owner(RIP), U).route().id()).isEqualTo(ripB);
    }

    @Test
    @DisplayName("R120: NEIGHBOUR compares the neighbour's identity")
    void shouldMatchTheNeighbour() {
        assertThat(exact(match(RouteMatch.NEIGHBOUR), U).route().id()).isEqualTo(ripA);
    }

    @Test
    @DisplayName("R120, A27: PREF needs equal preference and metric")
    void shouldMatchPreferenceAndMetric() {
        assertThat(exact(match(RouteMatch.PREF), U).route().id()).isEqualTo(ripA);
        RouteMatch prefOnly = new RouteMatch(RouteMatch.PREF, null, null, 120, 3, List.of(), 0);
        assertThat(statusOf(() -> exact(prefOnly, U))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R120, A27: NEXTHOP needs the route to contain every listed next hop")
    void shouldMatchContainedNextHops() {
        assertThat(exact(match(RouteMatch.NEXTHOP), U).route().id()).isEqualTo(ripA);
        RouteMatch two = new RouteMatch(RouteMatch.NEXTHOP, null, null, 0, 0,
                List.of(NextHopSpec.of("192.0.2.2", 2), NextHopSpec.of("192.0.2.4", 4)), 0);
        assertThat(statusOf(() -> exact(two, U))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R120: INTERFACE needs a next hop on the interface")
    void shouldMatchTheInterface() {
        assertThat(exact(RouteMatch.onInterface(3), U).route().id()).isEqualTo(ripB);
        assertThat(statusOf(() -> exact(RouteMatch.onInterface(9), U))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R120: FULL applies every criterion")
    void shouldApplyEveryCriterionWithFull() {
        assertThat(exact(match(RouteMatch.FULL), U).route().id()).isEqualTo(ripA);
        RouteMatch wrongIf = new RouteMatch(RouteMatch.FULL, RIP, NextHopSpec.of("192.0.2.1", 1), 120, 2,
                List.of(NextHopSpec.of("192.0.2.2", 2)), 3);
        assertThat(statusOf(() -> exact(wrongIf, U))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R120: only routes of the requested views match; a missing destination is ERROR_NOT_FOUND")
    void shouldMatchOnlyInTheRequestedViews() {
        assertThat(statusOf(() -> exact(RouteMatch.owner(STATIC), U))).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(exact(RouteMatch.owner(STATIC), M).route().id()).isEqualTo(stat);
        assertThat(statusOf(() -> f.engine.queries().exactMatchRoute(V4, p("20.0.0.0/8"), RouteMatch.ANY, 0)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R123, R125: a destination's routes come in (preference, metric) order, filtered by view")
    void shouldEnumerateADestinationsRoutesInRankingOrder() {
        assertThat(enumerate(RouteEnum.of(p(DEST), View.MASK_ANY, null, 10))).containsExactly(stat, ospf, ripB, ripA);
        assertThat(enumerate(RouteEnum.of(p(DEST), U, null, 10))).containsExactly(ospf, ripB, ripA);
        assertThat(enumerate(RouteEnum.of(p(DEST), M, null, 10))).containsExactly(stat, ospf);
    }

    @Test
    @DisplayName("R123: OWN_ROUTES and match criteria restrict the enumeration")
    void shouldEnumerateOwnRoutesAndMatchingRoutes() {
        assertThat(enumerate(RouteEnum.of(p(DEST), View.MASK_ANY, RIP, 10))).containsExactly(ripB, ripA);
        RouteEnum onIf4 = new RouteEnum(p(DEST), View.MASK_ANY, null, null, false, RouteMatch.onInterface(4), null, 10);
        assertThat(enumerate(onIf4)).containsExactly(ospf);
    }

    @Test
    @DisplayName("R123, R125, R126: the whole table in destination order, paged, the last page ERROR_NO_MORE_ITEMS")
    void shouldPageThroughTheWholeTable() {
        long a = f.addOk(f.route(RIP, "9.0.0.0/8"));
        long b = f.addOk(f.route(RIP, "20.0.0.0/8"));
        RouteEnum e = RouteEnum.of(null, View.MASK_ANY, null, 4);

        List<Long> ids = new ArrayList<>();
        Page<RouteInfo, RouteEnum.Position> page = f.engine.queries().enumRoutes(V4, e);
        int pages = 1;
        while (page.status() == Status.NO_ERROR) {
            page.items().forEach(r -> ids.add(r.route().id()));
            page = f.engine.queries().enumRoutes(V4, e.resume(page.next()));
            pages++;
        }
        page.items().forEach(r -> ids.add(r.route().id()));

        assertThat(ids).containsExactly(a, stat, ospf, ripB, ripA, b);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    @DisplayName("R93, R127: held routes are enumerated, as DELETED, only with view mask ANY")
    void shouldEnumerateHeldRoutesOnlyWithAny() {
        long held = f.addOk(f.route(RIP, "20.0.0.0/8"));
        f.hold(RIP, "20.0.0.0/8", U, 30_000);
        f.delete(RIP, held);

        List<RouteInfo> any = f.engine.queries().enumRoutes(V4, RouteEnum.of(p("20.0.0.0/8"), 0, null, 10)).items();

        assertThat(any).singleElement().satisfies(r -> {
            assertThat(r.route().id()).isEqualTo(held);
            assertThat(r.state()).isEqualTo(RouteInfo.State.DELETED);
        });
        assertThat(enumerate(RouteEnum.of(p("20.0.0.0/8"), U, null, 10))).isEmpty();
        assertThat(enumerate(RouteEnum.of(null, U, null, 10))).doesNotContain(held);
    }
}
