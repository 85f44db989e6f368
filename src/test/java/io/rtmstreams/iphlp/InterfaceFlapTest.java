package io.rtmstreams.iphlp;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BestRoute;
import io.rtmstreams.rtm.Cause;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.View;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interface that carries thousands of best routes goes down and comes back (D12, D14, G6, M4). Interfaces A
 * (index 1, metric 10), B (index 2, metric 20) and C (index 3, metric 10). Destinations, by group:
 * <ul>
 *   <li>FAILOVER: a route via A (best) and one via B;</li>
 *   <li>ONLY_A: a single route via A;</li>
 *   <li>BACKUP_ON_A: a route via A that is not best (metric 100) and one via B (best);</li>
 *   <li>ECMP: one route with next hops on A and on B;</li>
 *   <li>ELSEWHERE: a route via C, which must not be touched.</li>
 * </ul>
 */
class InterfaceFlapTest {

    static final int FAILOVER = 2000;
    static final int ONLY_A = 300;
    static final int BACKUP_ON_A = 300;
    static final int ECMP = 200;
    static final int ELSEWHERE = 500;

    static final int ALL_BEST_FORWARDING = ChangeType.ALL.bit() | ChangeType.BEST.bit() | ChangeType.FORWARDING.bit();

    private IphlpFixture f;
    private final Map<Prefix, Long> viaA = new HashMap<>();
    private final Map<Prefix, Long> viaB = new HashMap<>();
    private final Map<Prefix, Long> ecmp = new HashMap<>();

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(v4(NetLuid.of(6, 1), 1, 10));
        f.add(v4(NetLuid.of(6, 2), 2, 20));
        f.add(v4(NetLuid.of(6, 3), 3, 10));
        for (int i = 0; i < FAILOVER; i++) {
            Prefix p = dest(10, i);
            viaA.put(p, f.route(p.toString(), 1, via("192.0.2.1", 1)));
            viaB.put(p, f.route(p.toString(), 1, via("198.51.100.1", 2)));
        }
        for (int i = 0; i < ONLY_A; i++) {
            viaA.put(dest(11, i), f.route(dest(11, i).toString(), 1, via("192.0.2.1", 1)));
        }
        for (int i = 0; i < BACKUP_ON_A; i++) {
            Prefix p = dest(12, i);
            viaA.put(p, f.route(p.toString(), 100, via("192.0.2.1", 1)));
            viaB.put(p, f.route(p.toString(), 1, via("198.51.100.1", 2)));
        }
        for (int i = 0; i < ECMP; i++) {
            ecmp.put(dest(14, i), f.route(dest(14, i).toString(), 1, via("192.0.2.1", 1), via("198.51.100.1", 2)));
        }
        for (int i = 0; i < ELSEWHERE; i++) {
            f.route(dest(13, i).toString(), 1, via("203.0.113.1", 3));
        }
    }

    private static Prefix dest(int first, int i) {
        return Prefix.parse(first + "." + (i >> 8) + "." + (i & 0xFF) + ".0/24");
    }

    @Test
    void shouldMoveEveryAffectedBestRouteToTheAlternativeAndBack() {
        IphlpFixture.Applied down = f.put(v4(NetLuid.of(6, 1), 1, 10).connected(false));
        assertThat(down.result().recomputedDestinations()).isEqualTo(FAILOVER + ONLY_A + BACKUP_ON_A + ECMP);
        Map<Prefix, DestChange> changes = byPrefix(down.effects().destChanges());
        assertThat(changes).hasSize(FAILOVER + ONLY_A + BACKUP_ON_A + ECMP);
        assertOnlyInterfaceCausedUnicastChanges(changes);
        for (int i = 0; i < FAILOVER; i++) {
            assertMovedTo(changes.get(dest(10, i)), viaB.get(dest(10, i)));
        }
        for (int i = 0; i < ONLY_A; i++) {
            assertThat(changes.get(dest(11, i)).changeTypes()).isEqualTo(ALL_BEST_FORWARDING);
            assertThat(changes.get(dest(11, i)).best()).isNull();
        }
        for (int i = 0; i < BACKUP_ON_A; i++) {
            DestChange c = changes.get(dest(12, i));
            assertThat(c.changeTypes()).as("a non-best route changed: ALL only (R101)").isEqualTo(ChangeType.ALL.bit());
            assertThat(c.best().route().id()).isEqualTo(viaB.get(dest(12, i)));
        }
        for (int i = 0; i < ECMP; i++) {
            DestChange c = changes.get(dest(14, i));
            assertMovedTo(c, ecmp.get(dest(14, i)));
            assertThat(c.best().nextHops()).extracting(h -> h.nextHop().interfaceIndex()).containsExactly(2L);
            assertThat(c.best().interfaceMetric()).isEqualTo(20);
        }
        assertThat(f.best("10.0.7.1").interfaceIndex()).isEqualTo(2);

        IphlpFixture.Applied up = f.put(v4(NetLuid.of(6, 1), 1, 10).connected(true));
        Map<Prefix, DestChange> back = byPrefix(up.effects().destChanges());
        assertThat(back.keySet()).isEqualTo(changes.keySet());
        assertOnlyInterfaceCausedUnicastChanges(back);
        for (int i = 0; i < FAILOVER; i++) {
            assertMovedTo(back.get(dest(10, i)), viaA.get(dest(10, i)));
        }
        for (int i = 0; i < ONLY_A; i++) {
            assertMovedTo(back.get(dest(11, i)), viaA.get(dest(11, i)));
        }
        for (int i = 0; i < BACKUP_ON_A; i++) {
            assertThat(back.get(dest(12, i)).changeTypes()).isEqualTo(ChangeType.ALL.bit());
        }
        for (int i = 0; i < ECMP; i++) {
            DestChange c = back.get(dest(14, i));
            assertMovedTo(c, ecmp.get(dest(14, i)));
            assertThat(c.best().nextHops()).hasSize(2);
            assertThat(c.best().interfaceMetric()).isEqualTo(10);
        }
        assertThat(f.best("10.0.7.1").interfaceIndex()).isEqualTo(1);
    }

    @Test
    void shouldLeaveDestinationsWithoutARouteOnTheInterfaceUntouched() {
        Map<Prefix, Route> before = elsewhere();
        IphlpFixture.Applied down = f.put(v4(NetLuid.of(6, 1), 1, 10).connected(false));
        IphlpFixture.Applied up = f.put(v4(NetLuid.of(6, 1), 1, 10).connected(true));
        for (IphlpFixture.Applied a : List.of(down, up)) {
            assertThat(a.effects().destChanges()).noneMatch(c -> c.prefix().address().toString().startsWith("13."));
        }
        assertThat(elsewhere()).isEqualTo(before);
    }

    private Map<Prefix, Route> elsewhere() {
        Map<Prefix, Route> out = new HashMap<>();
        for (int i = 0; i < ELSEWHERE; i++) {
            out.put(dest(13, i), f.storedBest(dest(13, i).toString()));
        }
        return out;
    }

    private static Map<Prefix, DestChange> byPrefix(List<DestChange> changes) {
        return changes.stream().collect(Collectors.toMap(DestChange::prefix, Function.identity(), (a, b) -> {
            throw new AssertionError("two changes for " + a.prefix());
        }));
    }

    private static void assertOnlyInterfaceCausedUnicastChanges(Map<Prefix, DestChange> changes) {
        assertThat(changes.values()).allSatisfy(c -> {
            assertThat(c.cause()).isEqualTo(Cause.INTERFACE);
            assertThat(c.view()).isEqualTo(View.UNICAST);
        });
    }

    private static void assertMovedTo(DestChange c, long routeId) {
        assertThat(c.changeTypes()).as("%s", c.prefix()).isEqualTo(ALL_BEST_FORWARDING);
        BestRoute best = c.best();
        assertThat(best.route().id()).as("%s", c.prefix()).isEqualTo(routeId);
    }
}
