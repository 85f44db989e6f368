package io.rtmstreams.rtm;

import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

    @Test
    void t1() {
        RtmFixture f = new RtmFixture();
        assertThat(f.register(RIP).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.register(STATIC).status()).isEqualTo(Status.NO_ERROR);
        f.notifyOn(RIP, "all", U, ChangeType.ALL.bit(), false);
        f.notifyOn(RIP, "best", U, ChangeType.BEST.bit(), false);
        f.notifyOn(RIP, "fwd", U, ChangeType.FORWARDING.bit(), false);
        Outcome rip = f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).neighbour("192.0.2.1", 1).cost(120, 2).add();
        assertThat(rip.status()).isEqualTo(Status.NO_ERROR);
        assertThat(rip.changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        assertThat(notified(rip.effects(), "10.0.0.0/8")).containsExactly("all", "best", "fwd");
        Outcome st = f.route(STATIC, "10.0.0.0/8").via("192.0.2.2", 2).cost(3, 1).flags(RouteFlags.LOCAL).add();
        assertThat(st.changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        assertThat(f.unicast("10.0.0.0/8").route().route().id()).isEqualTo(st.routeId());
        assertThat(f.unicast("10.0.0.0/8").numRoutes()).isEqualTo(2);
    }
}
