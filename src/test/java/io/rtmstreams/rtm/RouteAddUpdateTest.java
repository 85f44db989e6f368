package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Adding and updating routes: matching, NEW, FIRST, handles, in-place updates, output flags (R50–R66, R57, D22). */
class RouteAddUpdateTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(STATIC);
    }

    private RtmFixture.RouteBuilder rip(String neighbour) {
        return f.route(RIP, DEST).via(neighbour, 1).neighbour(neighbour, 1);
    }

    @Test
    @DisplayName("R57: the first route of a destination is created NEW|BEST, owned by the caller (R58)")
    void shouldCreateTheFirstRouteAsNewAndBest() {
        Outcome o = rip("192.0.2.1").cost(120, 2).add();

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        Route r = f.routeInfo(o.routeId()).route();
        assertThat(r.owner()).isEqualTo(RIP);
        assertThat(r.preference()).isEqualTo(120);
        assertThat(r.metric()).isEqualTo(2);
        assertThat(r.neighbour().address().toString()).isEqualTo("192.0.2.1");
    }

    @Test
    @DisplayName("R57: a new route that does not win is created with NEW only")
    void shouldCreateANonBestRouteWithNewOnly() {
        f.route(STATIC, DEST).cost(3, 1).add();

        assertThat(rip("192.0.2.1").cost(120, 2).add().changeFlags()).isEqualTo(RouteChange.NEW);
    }

    @Test
    @DisplayName("R51, R52: flags 0 with the same (dest, owner, neighbour) updates that route in place")
    void shouldUpdateTheRouteWithTheSameOwnerAndNeighbour() {
        f.route(STATIC, DEST).cost(3, 1).add();
        long id = rip("192.0.2.1").cost(120, 2).add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 5).add();

        assertThat(o.routeId()).isEqualTo(id);
        assertThat(o.changeFlags()).isZero();
        assertThat(f.routeInfo(id).route().metric()).isEqualTo(5);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(2);
    }

    @Test
    @DisplayName("R51: another neighbour is another route")
    void shouldCreateAnotherRouteForAnotherNeighbour() {
        long a = rip("192.0.2.1").add().routeId();

        Outcome o = rip("192.0.2.2").add();

        assertThat(o.changeFlags() & RouteChange.NEW).isEqualTo(RouteChange.NEW);
        assertThat(o.routeId()).isNotEqualTo(a);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(2);
    }

    @Test
    @DisplayName("R53: NEW creates a route even when one with the same triple exists")
    void shouldCreateADuplicateTripleWithNew() {
        f.route(STATIC, DEST).cost(3, 1).add();
        long a = rip("192.0.2.1").cost(120, 5).add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 4).asNew().add();

        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(o.routeId()).isNotEqualTo(a);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(3);
    }

    @Test
    @DisplayName("R53, A6: a flags-0 add updates the duplicate that ranks first on the destination")
    void shouldUpdateTheFirstRankedOfDuplicates() {
        long worse = rip("192.0.2.1").cost(120, 5).add().routeId();
        long better = rip("192.0.2.1").cost(120, 3).asNew().add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 9).add();

        assertThat(o.routeId()).isEqualTo(better);
        assertThat(f.routeInfo(better).route().metric()).isEqualTo(9);
        assertThat(f.routeInfo(worse).route().metric()).isEqualTo(5);
    }

    @Test
    @DisplayName("R54: FIRST updates the caller's first-ranked route whatever its neighbour, replacing the neighbour")
    void shouldUpdateTheCallersFirstRouteWithFirst() {
        f.route(STATIC, DEST).cost(3, 1).add();
        rip("192.0.2.1").cost(120, 5).add();
        long first = rip("192.0.2.1").cost(120, 4).asNew().add().routeId();

        Outcome o = rip("192.0.2.9").cost(120, 1).first().add();

        assertThat(o.routeId()).isEqualTo(first);
        assertThat(o.changeFlags()).isZero();
        Route r = f.routeInfo(first).route();
        assertThat(r.metric()).isEqualTo(1);
        assertThat(r.neighbour().address().toString()).isEqualTo("192.0.2.9");
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(3);
    }

    @Test
    @DisplayName("R54: FIRST creates a route when the caller has none on the destination; others' routes do not count")
    void shouldCreateWithFirstWhenTheCallerHasNoRoute() {
        long other = f.route(STATIC, DEST).cost(3, 1).add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 1).first().add();

        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(o.routeId()).isNotEqualTo(other);
    }

    @Test
    @DisplayName("R55: NEW and FIRST together are ERROR_INVALID_PARAMETER; unknown input bits are ignored")
    void shouldRejectNewWithFirstAndIgnoreUnknownBits() {
        long id = rip("192.0.2.1").add().routeId();
        var before = f.stores.snapshot();

        Outcome both = rip("192.0.2.1").asNew().first().add();
        assertThat(both.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.stores.snapshot()).isEqualTo(before);

        Command.AddRoute c = rip("192.0.2.1").cost(1, 7).command();
        Outcome unknown = f.run(new Command.AddRoute(c.router(), 0, RIP, null, c.dest(), c.nextHops(), c.neighbour(),
                1, 7, U, 0, Command.INFINITE, 0x100, null, null, null));
        assertThat(unknown.routeId()).isEqualTo(id);
        assertThat(unknown.changeFlags()).isEqualTo(RouteChange.BEST);
    }

    @Test
    @DisplayName("R56, A8: with a handle exactly that route is updated; NEW and FIRST are ignored")
    void shouldUpdateExactlyTheRouteNamedByItsHandle() {
        long a = rip("192.0.2.1").cost(120, 5).add().routeId();
        long b = rip("192.0.2.1").cost(120, 3).asNew().add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 8).id(a).asNew().first().add();

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.routeId()).isEqualTo(a);
        assertThat(o.changeFlags() & RouteChange.NEW).isZero();
        assertThat(f.routeInfo(a).route().metric()).isEqualTo(8);
        assertThat(f.routeInfo(b).route().metric()).isEqualTo(3);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(2);
    }

    @Test
    @DisplayName("R56, A8: a handle whose route is on another destination is ERROR_INVALID_PARAMETER")
    void shouldRejectAHandleForAnotherDestination() {
        long a = rip("192.0.2.1").add().routeId();
        var before = f.stores.snapshot();

        Outcome o = f.route(RIP, "20.0.0.0/8").id(a).add();

        assertThat(o.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R56: another owner's handle is ERROR_ACCESS_DENIED; unknown is INVALID_HANDLE; deleted NOT_FOUND")
    void shouldCheckTheHandleOfAnUpdate() {
        long a = rip("192.0.2.1").add().routeId();
        long gone = f.route(RIP, "20.0.0.0/8").add().routeId();
        f.delete(RIP, gone);

        assertThat(f.route(STATIC, DEST).id(a).add().status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.route(RIP, DEST).id(999).add().status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.route(RIP, "20.0.0.0/8").id(gone).add().status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R65, R66, A31: an in-place update changes neighbour, cost, info, views, next hops and flags")
    void shouldUpdateTheFiveFieldsAndFlagsInPlace() {
        long id = rip("192.0.2.1").cost(120, 2).info("v1").add().routeId();

        Outcome o = f.route(RIP, DEST).id(id).neighbour("192.0.2.5", 5).via("192.0.2.5", 5).via("192.0.2.6", 6)
                .cost(110, 7).views(U | M).flags(RouteFlags.REMOTE | RouteFlags.INACTIVE).info("v2").add();

        assertThat(o.routeId()).isEqualTo(id);
        Route r = f.routeInfo(id).route();
        assertThat(r.neighbour().address().toString()).isEqualTo("192.0.2.5");
        assertThat(r.nextHops()).extracting(h -> h.address().toString()).containsExactly("192.0.2.5", "192.0.2.6");
        assertThat(r.preference()).isEqualTo(110);
        assertThat(r.metric()).isEqualTo(7);
        assertThat(r.views()).isEqualTo(U | M);
        assertThat(r.flags()).isEqualTo(RouteFlags.REMOTE | RouteFlags.INACTIVE);
        assertThat(r.entitySpecificInfo()).isEqualTo("v2");
    }

    @Test
    @DisplayName("R66: a neighbour changed in place is the route's new matching key")
    void shouldMatchOnTheNeighbourSetByAnInPlaceUpdate() {
        long id = rip("192.0.2.1").add().routeId();
        f.route(RIP, DEST).id(id).neighbour("192.0.2.5", 5).add();

        Outcome o = f.route(RIP, DEST).neighbour("192.0.2.5", 5).cost(1, 9).add();

        assertThat(o.routeId()).isEqualTo(id);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(1);
    }

    @Test
    @DisplayName("R57: an update of the current best is BEST, even when nothing changed")
    void shouldReportBestForAnUnchangedUpdateOfTheBest() {
        long id = rip("192.0.2.1").cost(1, 1).add().routeId();

        Outcome o = rip("192.0.2.1").cost(1, 1).add();

        assertThat(o.changeFlags()).isEqualTo(RouteChange.BEST);
        assertThat(o.routeId()).isEqualTo(id);
        assertThat(o.effects().destChanges()).isEmpty();
    }

    @Test
    @DisplayName("R57: an update that demotes the best so that another route wins is BEST")
    void shouldReportBestWhenAnUpdateDemotesTheBest() {
        f.route(STATIC, DEST).cost(3, 1).add();
        long rip = rip("192.0.2.1").cost(1, 1).add().routeId();

        Outcome o = rip("192.0.2.1").cost(120, 1).add();

        assertThat(o.routeId()).isEqualTo(rip);
        assertThat(o.changeFlags()).isEqualTo(RouteChange.BEST);
    }

    @Test
    @DisplayName("R57: an update that makes a non-best route the best is BEST")
    void shouldReportBestWhenAnUpdatePromotesARoute() {
        f.route(STATIC, DEST).cost(3, 1).add();
        rip("192.0.2.1").cost(120, 1).add();

        assertThat(rip("192.0.2.1").cost(2, 1).add().changeFlags()).isEqualTo(RouteChange.BEST);
    }

    @Test
    @DisplayName("R57: BEST holds if the route is best in at least one of its views")
    void shouldReportBestWhenTheRouteIsBestInOneOfItsViews() {
        f.route(STATIC, DEST).cost(1, 1).views(M).add();
        long rip = rip("192.0.2.1").cost(120, 1).views(U | M).add().routeId();

        assertThat(f.engine.queries().bestViews(ROUTER, rip)).isEqualTo(U);
        assertThat(rip("192.0.2.1").cost(120, 1).views(U | M).add().changeFlags()).isEqualTo(RouteChange.BEST);
        assertThat(f.route(STATIC, DEST).cost(1, 1).views(M).add().changeFlags()).isEqualTo(RouteChange.BEST);
    }

    @Test
    @DisplayName("R59, A9: duplicate next hops collapse, an empty list is allowed, over the limit is INVALID_PARAMETER")
    void shouldValidateTheNextHopList() {
        RtmFixture small = new RtmFixture(RtmConfig.DEFAULTS.withMaxNextHopsInRoute(2));
        small.register(RIP);

        long dup = small.addOk(small.route(RIP, DEST).via("192.0.2.1", 1).via("192.0.2.1", 1).via("192.0.2.2", 1));
        long none = small.addOk(small.route(RIP, "20.0.0.0/8"));
        Outcome over = small.route(RIP, "30.0.0.0/8").via("192.0.2.1", 1).via("192.0.2.2", 1).via("192.0.2.3", 1).add();

        assertThat(small.routeInfo(dup).route().nextHops()).hasSize(2);
        assertThat(small.routeInfo(none).route().nextHops()).isEmpty();
        assertThat(over.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    @DisplayName("D22: route ids come from one per-router counter and are never reused")
    void shouldNeverReuseRouteIds() {
        f.register(RIP, IpFamily.IPV6);
        long a = f.route(RIP, DEST).family(IpFamily.IPV4).add().routeId();
        f.delete(RIP, a);
        long b = f.route(RIP, DEST).family(IpFamily.IPV4).add().routeId();
        long c = f.route(RIP, "2001:db8::/32").add().routeId();
        f.advance(RtmConfig.DEFAULTS.deletedRouteRetentionMs() + 1);
        long d = f.route(RIP, "20.0.0.0/8").add().routeId();

        assertThat(List.of(a, b, c, d)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    @DisplayName("R8, R58: route flags are 16 bits; more is ERROR_INVALID_PARAMETER")
    void shouldRejectFlagsBeyondSixteenBits() {
        assertThat(rip("192.0.2.1").flags(0x1_0000).add().status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }
}
