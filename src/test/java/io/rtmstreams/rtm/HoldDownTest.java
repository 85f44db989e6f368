package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Hold-down of destinations on the fixture clock (R87–R96, D8). */
class HoldDownTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();
    private long rip;

    @BeforeEach
    void ripHasTheOnlyRoute() {
        f.register(RIP);
        f.register(STATIC);
        f.notifyOn(STATIC, "all", U | M, ChangeType.ALL_TYPES, false);
        rip = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1));
    }

    private Destination stored() {
        return f.engine.queries().destination(V4, p(DEST));
    }

    private Route holdRoute() {
        return stored().unicast().holdRoute();
    }

    @Test
    @DisplayName("R89: arming a hold has no visible effect")
    void shouldArmWithoutEffect() {
        DestInfo before = f.dest(DEST);

        Outcome o = f.hold(RIP, DEST, U, 30_000);

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.effects()).isEqualTo(Effects.NONE);
        assertThat(f.dest(DEST)).isEqualTo(before);
        assertThat(f.engine.nextDeadline()).isEqualTo(-1);
    }

    @Test
    @DisplayName("R88: HoldTime 0 is INVALID_PARAMETER; a missing destination INVALID_HANDLE")
    void shouldValidateTheHoldRequest() {
        var before = f.stores.snapshot();

        assertThat(f.hold(RIP, DEST, U, 0).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.hold(RIP, "20.0.0.0/8", U, 1000).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.hold(RIP, DEST, 0, 1000).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.hold(RIP, DEST, 0x4, 1000).status()).isEqualTo(Status.ERROR_NOT_SUPPORTED);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R89, R90, R94: deleting the last route moves it to HoldRoute (state DELETED); no best, NumRoutes 0")
    void shouldHoldTheLastDeletedRoute() {
        f.hold(RIP, DEST, U, 30_000);

        Outcome o = f.delete(RIP, rip);

        DestChange c = change(o.effects(), DEST, View.UNICAST);
        assertThat(c.best()).isNull();
        assertThat(c.numRoutes()).isZero();
        assertThat(c.holdRoute().id()).isEqualTo(rip);
        ViewInfo u = f.unicast(DEST);
        assertThat(u.route()).isNull();
        assertThat(u.numRoutes()).isZero();
        assertThat(u.holdRoute().id()).isEqualTo(rip);
        assertThat(f.routeInfo(rip).state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(f.dest(DEST).belongsToViews()).isZero();
        assertThat(f.multicast(DEST).holdRoute()).isNull();
    }

    @Test
    @DisplayName("R89: the hold time counts from the deletion, not from the arming call")
    void shouldCountTheHoldFromTheDeletion() {
        f.hold(RIP, DEST, U, 30_000);
        f.advance(20_000);
        f.delete(RIP, rip);

        assertThat(f.advance(29_999)).isEqualTo(Effects.NONE);
        assertThat(holdRoute()).isNotNull();
        assertThat(changeTypes(f.advance(1), DEST, View.UNICAST)).isEqualTo(ChangeType.ALL.bit());
    }

    @Test
    @DisplayName("R95, A19, R35: at hold expiry HoldRoute clears with an ALL change only, and the destination goes")
    void shouldEndTheHoldWithAnAllChangeOnly() {
        f.hold(RIP, DEST, U, 30_000);
        f.delete(RIP, rip);

        Effects fx = f.advance(30_000);

        DestChange c = change(fx, DEST, View.UNICAST);
        assertThat(c.changeTypes()).isEqualTo(ChangeType.ALL.bit());
        assertThat(c.cause()).isEqualTo(Cause.HOLD_EXPIRED);
        assertThat(c.holdRoute()).isNull();
        assertThat(change(fx, DEST, View.MULTICAST)).isNull();
        assertThat(stored().exists()).isFalse();
        assertThat(statusOf(() -> f.engine.queries().exactMatch(V4, p(DEST), View.MASK_ANY, 0, null)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R92: a route added during the hold becomes best at once; HoldRoute stays until expiry")
    void shouldUseRoutesAddedDuringTheHold() {
        f.hold(RIP, DEST, U, 30_000);
        f.delete(RIP, rip);
        f.advance(5_000);

        long fresh = f.addOk(f.route(STATIC, DEST).via("198.51.100.1", 2));

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(fresh);
        assertThat(f.unicast(DEST).holdRoute().id()).isEqualTo(rip);
        Effects fx = f.advance(25_000);
        assertThat(changeTypes(fx, DEST, View.UNICAST)).isEqualTo(ChangeType.ALL.bit());
        assertThat(f.unicast(DEST).holdRoute()).isNull();
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(fresh);
    }

    @Test
    @DisplayName("R89: deleting a route that is not the last one does not start a hold, and the request stays armed")
    void shouldOnlyHoldOnTheLastRoute() {
        long other = f.addOk(f.route(STATIC, DEST).cost(9, 9));
        f.hold(RIP, DEST, U, 30_000);

        f.delete(RIP, rip);
        assertThat(holdRoute()).isNull();
        f.delete(STATIC, other);

        assertThat(holdRoute().id()).isEqualTo(other);
    }

    @Test
    @DisplayName("R91, A17: one maximum hold time per destination, whoever armed it")
    void shouldHoldForTheLargestArmedTime() {
        f.hold(RIP, DEST, U, 30_000);
        f.hold(STATIC, DEST, U, 10_000);
        f.delete(RIP, rip);

        assertThat(f.advance(29_999)).isEqualTo(Effects.NONE);
        assertThat(f.advance(1).destChanges()).hasSize(1);
    }

    @Test
    @DisplayName("R91, A17: TargetViews do not restrict the views that hold")
    void shouldHoldInViewsTheRequestDidNotName() {
        f.hold(RIP, DEST, M, 30_000);

        f.delete(RIP, rip);

        assertThat(holdRoute().id()).isEqualTo(rip);
    }

    @Test
    @DisplayName("R96, A20: a hold request is one-shot: after a hold-down, a new last-route deletion holds nothing")
    void shouldConsumeTheHoldRequest() {
        f.hold(RIP, DEST, U, 30_000);
        f.delete(RIP, rip);
        f.advance(30_000);
        long again = f.addOk(f.route(RIP, DEST));

        f.delete(RIP, again);

        assertThat(stored().exists()).isFalse();
    }

    @Test
    @DisplayName("R96, A20: re-arming during a running hold extends it only if the new time is larger")
    void shouldExtendARunningHoldOnlyByALargerTime() {
        f.hold(RIP, DEST, U, 30_000);
        f.delete(RIP, rip);
        f.advance(5_000);

        assertThat(f.hold(RIP, DEST, U, 10_000).effects()).isEqualTo(Effects.NONE);
        assertThat(f.engine.nextDeadline()).isEqualTo(f.now + 25_000);
        f.hold(RIP, DEST, U, 60_000);
        assertThat(f.engine.nextDeadline()).isEqualTo(f.now + 55_000);

        assertThat(f.advance(54_999)).isEqualTo(Effects.NONE);
        assertThat(changeTypes(f.advance(1), DEST, View.UNICAST)).isEqualTo(ChangeType.ALL.bit());
    }

    @Test
    @DisplayName("R89: a deletion by TTL expiry starts an armed hold")
    void shouldHoldWhenTheLastRouteExpires() {
        long timed = f.addOk(f.route(STATIC, "20.0.0.0/8").ttl(1000));
        f.hold(STATIC, "20.0.0.0/8", U, 30_000);

        f.advance(1000);

        assertThat(f.engine.queries().destination(V4, p("20.0.0.0/8")).unicast().holdRoute().id()).isEqualTo(timed);
    }
}
