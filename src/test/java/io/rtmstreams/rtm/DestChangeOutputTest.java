package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The destination-change records: full state, no no-ops, and per-(destination, view) versions (D21, R34). */
class DestChangeOutputTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();
    private final List<DestChange> seen = new ArrayList<>();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(STATIC);
    }

    private Outcome record(Outcome o) {
        seen.addAll(o.effects().destChanges());
        return o;
    }

    private List<Long> versions(String prefix, View view) {
        return seen.stream().filter(c -> c.prefix().equals(p(prefix)) && c.view() == view)
                .map(DestChange::version).toList();
    }

    @Test
    @DisplayName("D21: each change of a (destination, view) carries the next version, starting at 1")
    void shouldIncreaseTheVersionByOnePerChange() {
        record(f.route(RIP, DEST).cost(5, 5).add());
        record(f.route(STATIC, DEST).cost(3, 1).add());
        record(f.route(RIP, DEST).cost(5, 6).add());

        assertThat(versions(DEST, View.UNICAST)).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("D21: nothing is emitted when nothing visible changed, and the version does not move")
    void shouldNotEmitOrCountNoOps() {
        record(f.route(RIP, DEST).cost(5, 5).add());
        Outcome noop = record(f.route(RIP, DEST).cost(5, 5).ttl(9_000).add());
        record(f.route(RIP, DEST).cost(5, 6).add());

        assertThat(noop.effects().destChanges()).isEmpty();
        assertThat(versions(DEST, View.UNICAST)).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("D21, R35: versions keep counting when the destination disappears and reappears")
    void shouldContinueVersionsAcrossTheDestinationsLives() {
        long id = record(f.route(RIP, DEST).add()).routeId();
        record(f.delete(RIP, id));
        f.advance(RtmConfig.DEFAULTS.deletedRouteRetentionMs());
        assertThat(statusOf(() -> f.dest(DEST))).isEqualTo(Status.ERROR_NOT_FOUND);

        record(f.route(STATIC, DEST).add());

        assertThat(versions(DEST, View.UNICAST)).containsExactly(1L, 2L, 3L);
        assertThat(f.engine.queries().destination(V4, p(DEST)).unicast().version()).isEqualTo(3);
    }

    @Test
    @DisplayName("D21: versions are per view and per destination")
    void shouldKeepVersionsPerViewAndDestination() {
        record(f.route(RIP, DEST).views(U).add());
        record(f.route(RIP, DEST).views(U | M).cost(1, 2).add());
        record(f.route(RIP, "20.0.0.0/8").views(M).add());

        assertThat(versions(DEST, View.UNICAST)).containsExactly(1L, 2L);
        assertThat(versions(DEST, View.MULTICAST)).containsExactly(1L);
        assertThat(versions("20.0.0.0/8", View.MULTICAST)).containsExactly(1L);
    }

    @Test
    @DisplayName("D21, R34: a change carries the whole best route, route count, hold route, LastChanged and cause")
    void shouldCarryTheFullStateOfTheView() {
        f.advance(250);
        Outcome o = f.route(RIP, DEST).via("192.0.2.1", 1).via("192.0.2.2", 2).cost(120, 3)
                .flags(RouteFlags.REMOTE).add();

        DestChange c = change(o.effects(), DEST, View.UNICAST);
        assertThat(c.table()).isEqualTo(V4);
        assertThat(c.cause()).isEqualTo(Cause.ADD_ROUTE);
        assertThat(c.numRoutes()).isEqualTo(1);
        assertThat(c.holdRoute()).isNull();
        assertThat(c.lastChanged()).isEqualTo(f.now);
        assertThat(c.best().route().id()).isEqualTo(o.routeId());
        assertThat(c.best().route().flags()).isEqualTo(RouteFlags.REMOTE);
        assertThat(c.best().nextHops()).extracting(h -> h.nextHop().address().toString())
                .containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(c.best().effectiveMetric()).isEqualTo(3);
    }
}
