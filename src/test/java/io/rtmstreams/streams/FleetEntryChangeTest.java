package io.rtmstreams.streams;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.BestRoute;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.SelectionReason;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.json.OutputMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router's fleet entry changes exactly when the entries built for the old and the new best route differ: the
 * comparison on domain values must agree with building both entries and comparing them.
 */
class FleetEntryChangeTest {

    private static final TableId TABLE = TableId.of("r1", 0, IpFamily.IPV4);
    private static final EntityId OWNER = EntityId.of(2, 1);
    private static final NextHopRef H1 = new NextHopRef(11, IpAddress.parse("192.0.2.1"), 4);
    private static final NextHopRef H2 = new NextHopRef(12, IpAddress.parse("192.0.2.2"), 5);

    @Test
    void shouldCountADifferentRouteWithTheSameEntryAsUnchanged() {
        BestRoute base = best(route(1, OWNER, 5, 20), hop(H1, 7L), hop(H2, null));
        List<BestRoute> sameEntry = List.of(
                best(route(1, OWNER, 6, 19), hop(H1, 7L), hop(H2, null)),
                best(withExtras(route(1, OWNER, 5, 20)), hop(H1, 7L), hop(H2, null)),
                best(route(1, OWNER, 5, 20),
                        hop(new NextHopRef(11, IpAddress.ofBytes(new byte[]{(byte) 192, 0, 2, 1}), 4), 7L),
                        hop(H2, null)));
        for (BestRoute other : sameEntry) {
            assertThat(entry(other)).isEqualTo(entry(base));
            assertThat(RecordEmitter.fleetEntryChanged(base, other)).isFalse();
        }
    }

    @Test
    void shouldAgreeWithComparingTheBuiltEntriesForEveryPair() {
        List<BestRoute> variants = new ArrayList<>(Arrays.asList(
                null,
                best(route(1, OWNER, 5, 20), hop(H1, 7L), hop(H2, null)),
                best(route(1, OWNER, 6, 19), hop(H1, 7L), hop(H2, null)),
                best(withExtras(route(1, OWNER, 5, 20)), hop(H1, 7L), hop(H2, null)),
                best(route(2, OWNER, 5, 20), hop(H1, 7L), hop(H2, null)),
                best(route(1, EntityId.of(2, 2), 5, 20), hop(H1, 7L), hop(H2, null)),
                best(route(1, EntityId.of(3, 1), 5, 20), hop(H1, 7L), hop(H2, null)),
                best(route(1, OWNER, 5, 21), hop(H1, 7L), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(H1, 8L), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(H1, -1L), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(H1, null), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(H2, null), hop(H1, 7L)),
                best(route(1, OWNER, 5, 20), hop(H1, 7L)),
                best(route(1, OWNER, 5, 20)),
                best(route(1, OWNER, 5, 20), hop(new NextHopRef(13, H1.address(), 4), 7L), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(new NextHopRef(11, H1.address(), 6), 7L), hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(new NextHopRef(11, IpAddress.parse("::ffff:192.0.2.1"), 4), 7L),
                        hop(H2, null)),
                best(route(1, OWNER, 5, 20), hop(new NextHopRef(11, IpAddress.parse("2001:db8::1"), 4), 7L),
                        hop(H2, null))));
        for (BestRoute before : variants) {
            for (BestRoute after : variants) {
                assertThat(RecordEmitter.fleetEntryChanged(before, after))
                        .as("%s -> %s", before, after)
                        .isEqualTo(!Objects.equals(entry(before), entry(after)));
            }
        }
    }

    private static OutputJson.FleetRouter entry(BestRoute b) {
        return RecordEmitter.fleetEntry(TABLE, b, OutputMapper.hops(b));
    }

    private static Route route(long id, EntityId owner, long metric, long interfaceMetric) {
        return new Route(id, owner, null, 0, 10, metric, View.UNICAST.mask(), List.of(H1, H2), null, null, 0, 1,
                new RouteCost(true, interfaceMetric, RouteCost.allUsable(2)), 0);
    }

    /** The same route with what its fleet entry leaves out changed: preference, flags, neighbour, an unusable hop. */
    private static Route withExtras(Route r) {
        NextHopRef unusable = new NextHopRef(13, IpAddress.parse("192.0.2.3"), 6);
        return new Route(r.id(), r.owner(), H1, 1, 99, r.metric(), r.views(), List.of(H1, H2, unusable), "esi",
                "list", 1000, 9, new RouteCost(true, r.cost().interfaceMetric(), RouteCost.allUsable(2)), 0);
    }

    private static BestRoute best(Route r, BestRoute.Hop... hops) {
        return new BestRoute(r, List.of(hops), SelectionReason.ONLY_CANDIDATE);
    }

    private static BestRoute.Hop hop(NextHopRef ref, Long luid) {
        return new BestRoute.Hop(ref, luid);
    }
}
