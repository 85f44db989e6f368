package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Route aging on the fixture clock (R82–R86, D7, D8). */
class TimeToLiveTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(STATIC);
        f.register(OSPF, ExpiryPolicy.NOTIFY, IpFamily.IPV4);
        f.notifyOn(STATIC, "all", U, ChangeType.ALL_TYPES, false);
    }

    @Test
    @DisplayName("R83, A15, D9: TTL 0 is ERROR_INVALID_PARAMETER")
    void shouldRejectTtlZero() {
        var before = f.stores.snapshot();

        assertThat(f.route(RIP, DEST).ttl(0).add().status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R82: an INFINITE route never expires and schedules nothing")
    void shouldNeverExpireAnInfiniteRoute() {
        long id = f.addOk(f.route(RIP, DEST).ttl(Command.INFINITE));

        Effects fx = f.advance(0xFFFF_FFFEL);

        assertThat(fx).isEqualTo(Effects.NONE);
        assertThat(f.routeInfo(id).state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(f.engine.nextDeadline()).isEqualTo(-1);
    }

    @Test
    @DisplayName("R84, D7: at its deadline the owner alone gets ROUTE_EXPIRED, and policy DELETE deletes the route")
    void shouldExpireAndDeleteARouteOfADeletePolicyOwner() {
        long stat = f.addOk(f.route(STATIC, DEST).cost(3, 1));
        long rip = f.addOk(f.route(RIP, DEST).cost(1, 1).ttl(1000));

        assertThat(f.advance(999)).isEqualTo(Effects.NONE);
        Effects fx = f.advance(1);

        assertThat(fx.events()).singleElement().isInstanceOfSatisfying(EntityEvent.RouteExpired.class, e -> {
            assertThat(e.recipient()).isEqualTo(RIP);
            assertThat(e.dest()).isEqualTo(p(DEST));
            assertThat(e.route().id()).isEqualTo(rip);
        });
        assertThat(f.routeInfo(rip).state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(stat);
        DestChange c = change(fx, DEST, View.UNICAST);
        assertThat(c.cause()).isEqualTo(Cause.EXPIRED);
        assertThat(c.changeTypes()).isEqualTo(ChangeType.ALL_TYPES);
        assertThat(notified(fx, DEST)).containsExactly("all");
    }

    @Test
    @DisplayName("R86, D7: policy NOTIFY keeps the route, untimed, and changes nothing visible")
    void shouldKeepTheRouteOfANotifyPolicyOwner() {
        long id = f.addOk(f.route(OSPF, DEST).ttl(1000));

        Effects fx = f.advance(1000);

        assertThat(fx.events()).singleElement().isInstanceOfSatisfying(EntityEvent.RouteExpired.class, e -> {
            assertThat(e.recipient()).isEqualTo(OSPF);
            assertThat(e.route().id()).isEqualTo(id);
        });
        assertThat(fx.destChanges()).isEmpty();
        assertThat(f.routeInfo(id).state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(f.routeInfo(id).route().expiresAt()).isZero();
        assertThat(f.advance(1_000_000)).isEqualTo(Effects.NONE);
    }

    @Test
    @DisplayName("R86: a NOTIFY owner's route gets a timer again with its next add or update")
    void shouldRearmTheTimerOfAHandledRouteOnTheNextUpdate() {
        long id = f.addOk(f.route(OSPF, DEST).ttl(1000));
        f.advance(1000);

        f.ok(f.route(OSPF, DEST).ttl(500).command());

        assertThat(events(f.advance(500), EntityEvent.RouteExpired.class)).extracting(e -> e.route().id())
                .containsExactly(id);
    }

    @Test
    @DisplayName("R83: each add or update restarts the timer with the new TTL from that moment")
    void shouldRestartTheTimerOnUpdate() {
        long id = f.addOk(f.route(RIP, DEST).ttl(1000));
        f.advance(600);

        f.ok(f.route(RIP, DEST).ttl(1000).command());

        assertThat(f.advance(999)).isEqualTo(Effects.NONE);
        assertThat(f.routeInfo(id).state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(events(f.advance(1), EntityEvent.RouteExpired.class)).hasSize(1);
    }

    @Test
    @DisplayName("R82, R83: an update with INFINITE cancels the timer; an in-place update restarts it too (R65)")
    void shouldCancelOrRestartTheTimerByUpdate() {
        long a = f.addOk(f.route(RIP, DEST).ttl(1000));
        long b = f.addOk(f.route(RIP, "20.0.0.0/8").ttl(1000));
        f.ok(f.route(RIP, DEST).ttl(Command.INFINITE).command());
        f.ok(f.route(RIP, "20.0.0.0/8").id(b).ttl(5000).command());

        assertThat(f.advance(1000)).isEqualTo(Effects.NONE);
        assertThat(events(f.advance(4000), EntityEvent.RouteExpired.class)).extracting(e -> e.route().id())
                .containsExactly(b);
        assertThat(f.routeInfo(a).state()).isEqualTo(RouteInfo.State.CREATED);
    }

    @Test
    @DisplayName("R101, A21: an update that only refreshes the TTL is no change")
    void shouldTreatAPureTtlRefreshAsNoChange() {
        f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).ttl(1000));
        f.advance(500);

        Outcome o = f.route(RIP, DEST).via("192.0.2.1", 1).ttl(1000).add();

        assertThat(o.effects()).isEqualTo(Effects.NONE);
        assertThat(f.dest(DEST).lastChanged()).isEqualTo(f.now - 500);
    }

    @Test
    @DisplayName("D8: timers are data; the engine reports its next deadline, and a late check still fires them")
    void shouldFireOverdueDeadlinesAtTheNextCheck() {
        long id = f.addOk(f.route(RIP, DEST).ttl(1000));

        assertThat(f.engine.nextDeadline()).isEqualTo(f.now + 1000);
        Effects fx = f.advance(60_000);

        assertThat(events(fx, EntityEvent.RouteExpired.class)).extracting(e -> e.route().id()).containsExactly(id);
    }

    @Test
    @DisplayName("R12: the longest finite TTL is 0xFFFFFFFE ms")
    void shouldAcceptTheLongestFiniteTtl() {
        long id = f.addOk(f.route(RIP, DEST).ttl(0xFFFF_FFFEL));

        assertThat(f.advance(0xFFFF_FFFDL)).isEqualTo(Effects.NONE);
        assertThat(events(f.advance(1), EntityEvent.RouteExpired.class)).extracting(e -> e.route().id())
                .containsExactly(id);
    }
}
