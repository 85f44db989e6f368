package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Deleting routes, and what stays readable afterwards (R78–R81, D22). */
class RouteDeleteTest {

    private static final String DEST = "10.0.0.0/8";
    private static final long RETENTION = RtmConfig.DEFAULTS.deletedRouteRetentionMs();

    private final RtmFixture f = new RtmFixture();
    private long staticRoute;
    private long ripRoute;

    @BeforeEach
    void staticIsBestAndRipIsNot() {
        f.register(RIP);
        f.register(STATIC);
        f.notifyOn(RIP, "all", U, ChangeType.ALL.bit(), false);
        staticRoute = f.addOk(f.route(STATIC, DEST).via("198.51.100.1", 2).cost(3, 1));
        ripRoute = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1).cost(120, 2));
    }

    @Test
    @DisplayName("R78: deleting the best route is BEST, and the next route takes over")
    void shouldReportBestWhenDeletingTheBestRoute() {
        Outcome o = f.delete(STATIC, staticRoute);

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.changeFlags()).isEqualTo(RouteChange.BEST);
        assertThat(o.routeId()).isEqualTo(staticRoute);
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(ripRoute);
        assertThat(change(o.effects(), DEST, View.UNICAST).cause()).isEqualTo(Cause.DELETE_ROUTE);
    }

    @Test
    @DisplayName("R78: deleting a route that is not best gives flags 0 and an ALL change only")
    void shouldReportNoFlagsWhenDeletingANonBestRoute() {
        Outcome o = f.delete(RIP, ripRoute);

        assertThat(o.changeFlags()).isZero();
        assertThat(changeTypes(o.effects(), DEST, View.UNICAST)).isEqualTo(ChangeType.ALL.bit());
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(1);
    }

    @Test
    @DisplayName("R78, R51: delete by (dest, neighbour) removes the caller's route from that neighbour")
    void shouldDeleteByDestinationAndNeighbour() {
        Outcome o = f.delete(RIP, DEST, "192.0.2.1", 1);

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.routeId()).isEqualTo(ripRoute);
        assertThat(f.routeInfo(ripRoute).state()).isEqualTo(RouteInfo.State.DELETED);
    }

    @Test
    @DisplayName("R78: delete by (dest, no neighbour) matches only the caller's routes without neighbour")
    void shouldDeleteByDestinationWithoutNeighbour() {
        assertThat(f.delete(RIP, DEST, null, 0).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.delete(STATIC, DEST, null, 0).routeId()).isEqualTo(staticRoute);
    }

    @Test
    @DisplayName("R78: delete by (dest, neighbour) with no such route of the caller is ERROR_NOT_FOUND")
    void shouldAnswerNotFoundForAnUnknownTriple() {
        assertThat(f.delete(RIP, DEST, "192.0.2.99", 1).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.delete(STATIC, DEST, "192.0.2.1", 1).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.delete(RIP, "20.0.0.0/8", "192.0.2.1", 1).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R53, A6: with duplicate triples, delete by (dest, neighbour) removes the first-ranked one")
    void shouldDeleteTheFirstRankedDuplicate() {
        long better = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1).cost(120, 1).asNew());

        assertThat(f.delete(RIP, DEST, "192.0.2.1", 1).routeId()).isEqualTo(better);
        assertThat(f.delete(RIP, DEST, "192.0.2.1", 1).routeId()).isEqualTo(ripRoute);
    }

    @Test
    @DisplayName("R78: only the owner deletes; another's route is ERROR_ACCESS_DENIED, never issued INVALID_HANDLE")
    void shouldCheckOwnershipAndHandle() {
        assertThat(f.delete(RIP, staticRoute).status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.delete(RIP, 999).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.routeInfo(staticRoute).state()).isEqualTo(RouteInfo.State.CREATED);
    }

    @Test
    @DisplayName("R80: deleting a deleted route is ERROR_NOT_FOUND, during and after retention")
    void shouldAnswerNotFoundForADeletedRoute() {
        f.delete(RIP, ripRoute);

        assertThat(f.delete(RIP, ripRoute).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        f.advance(RETENTION + 1);
        assertThat(f.delete(RIP, ripRoute).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R80, R64: a deleted route is readable by id with state DELETED and its last content")
    void shouldKeepADeletedRouteReadableDuringRetention() {
        f.delete(RIP, ripRoute);
        f.advance(RETENTION - 1);

        RouteInfo info = f.routeInfo(ripRoute);
        assertThat(info.state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(info.dest()).isEqualTo(p(DEST));
        assertThat(info.route().preference()).isEqualTo(120);
        assertThat(info.route().owner()).isEqualTo(RIP);
        assertThat(f.engine.queries().bestViews(ROUTER, ripRoute)).isZero();
    }

    @Test
    @DisplayName("R80, D22: after the retention period a deleted route is forgotten (NOT_FOUND, not INVALID_HANDLE)")
    void shouldForgetADeletedRouteAfterRetention() {
        f.delete(RIP, ripRoute);

        f.advance(RETENTION);

        assertThat(statusOf(() -> f.routeInfo(ripRoute))).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.stores.size(RtmStores.DELETED_ROUTES)).isZero();
        assertThat(f.stores.size(RtmStores.LIVE_ROUTES)).isEqualTo(1); // the other entity's route
        assertThat(f.stores.size(RtmStores.TIMERS)).isZero();
    }

    @Test
    @DisplayName("R80: a deleted route leaves lookups and enumerations")
    void shouldHideADeletedRouteFromQueries() {
        f.delete(RIP, ripRoute);

        assertThat(f.engine.queries().enumRoutes(V4, RouteEnum.of(p(DEST), U, null, 10)).items())
                .extracting(r -> r.route().id()).containsExactly(staticRoute);
        assertThat(statusOf(() -> f.engine.queries().exactMatchRoute(V4, p(DEST), RouteMatch.owner(RIP), U)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R81, R35: deleting the last route reports the destination with no route, then it is gone")
    void shouldReportTheWithdrawalOfTheLastRoute() {
        f.delete(RIP, ripRoute);

        Outcome o = f.delete(STATIC, staticRoute);

        DestChange c = change(o.effects(), DEST, View.UNICAST);
        assertThat(c.numRoutes()).isZero();
        assertThat(c.best()).isNull();
        assertThat(c.changeTypes()).isEqualTo(ChangeType.ALL_TYPES);
        Notification n = o.effects().notifications().get(0);
        assertThat(n.dest().views()).singleElement().satisfies(v -> {
            assertThat(v.numRoutes()).isZero();
            assertThat(v.route()).isNull();
        });
        assertThat(statusOf(() -> f.dest(DEST))).isEqualTo(Status.ERROR_NOT_FOUND);
    }
}
