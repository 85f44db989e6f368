package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.ChangeType.ALL;
import static io.rtmstreams.rtm.ChangeType.BEST;
import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What kind of change an operation is, per view (R100–R104, R37, A21–A23). */
class ChangeClassificationTest {

    private static final String DEST = "10.0.0.0/8";
    private static final int EVERYTHING = ChangeType.ALL_TYPES;

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void staticIsBestRipIsNot() {
        f.register(RIP);
        f.register(STATIC);
        f.route(STATIC, DEST).via("198.51.100.1", 2).cost(3, 1).flags(RouteFlags.LOCAL).add();
        f.route(RIP, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1).cost(120, 2).add();
    }

    private RtmFixture.RouteBuilder staticRoute() {
        return f.route(STATIC, DEST).via("198.51.100.1", 2).cost(3, 1).flags(RouteFlags.LOCAL);
    }

    private RtmFixture.RouteBuilder ripRoute() {
        return f.route(RIP, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1).cost(120, 2);
    }

    private static int unicast(Outcome o) {
        return changeTypes(o.effects(), DEST, View.UNICAST);
    }

    @Test
    @DisplayName("R101, R102: the first route of a destination is an ALL, BEST and FORWARDING change")
    void shouldClassifyTheFirstRouteAsEverything() {
        Outcome o = f.route(STATIC, "30.0.0.0/8").add();

        assertThat(changeTypes(o.effects(), "30.0.0.0/8", View.UNICAST)).isEqualTo(EVERYTHING);
        assertThat(change(o.effects(), DEST, View.UNICAST)).isNull();
    }

    @Test
    @DisplayName("R101: adding, changing or deleting a route that is not best is an ALL change only")
    void shouldClassifyChangesOfANonBestRouteAsAllOnly() {
        assertThat(unicast(f.route(RIP, DEST).neighbour("192.0.2.2", 1).cost(120, 9).add())).isEqualTo(ALL.bit());
        assertThat(unicast(ripRoute().cost(120, 7).add())).isEqualTo(ALL.bit());
        assertThat(unicast(f.delete(RIP, DEST, "192.0.2.1", 1))).isEqualTo(ALL.bit());
    }

    @Test
    @DisplayName("R102, R103: another route becoming best is ALL, BEST and FORWARDING")
    void shouldClassifyANewWinnerAsEverything() {
        assertThat(unicast(ripRoute().cost(1, 1).add())).isEqualTo(EVERYTHING);
    }

    @Test
    @DisplayName("R102, R103, A22, A23: a metric-only change of the best route is BEST and FORWARDING")
    void shouldClassifyAMetricChangeOfTheBestAsBestAndForwarding() {
        assertThat(unicast(staticRoute().cost(3, 2).add())).isEqualTo(EVERYTHING);
    }

    @Test
    @DisplayName("R102, R103, A23: a preference-only change of the best route is BEST and FORWARDING")
    void shouldClassifyAPreferenceChangeOfTheBestAsBestAndForwarding() {
        assertThat(unicast(staticRoute().cost(2, 1).add())).isEqualTo(EVERYTHING);
    }

    @Test
    @DisplayName("R102, R103: a next-hop change of the best route is BEST and FORWARDING")
    void shouldClassifyANextHopChangeOfTheBestAsForwarding() {
        assertThat(unicast(staticRoute().via("198.51.100.2", 3).add())).isEqualTo(EVERYTHING);
    }

    @Test
    @DisplayName("R103, T5: a change of only non-forwarding flags of the best is BEST but not FORWARDING")
    void shouldClassifyANonForwardingFlagChangeAsBestOnly() {
        assertThat(unicast(staticRoute().flags(RouteFlags.REMOTE).add())).isEqualTo(ALL.bit() | BEST.bit());
        assertThat(unicast(staticRoute().flags(RouteFlags.REMOTE | RouteFlags.MCAST).add()))
                .isEqualTo(ALL.bit() | BEST.bit());
    }

    @Test
    @DisplayName("R103, T6: a change of a forwarding flag of the best is FORWARDING too")
    void shouldClassifyAForwardingFlagChangeAsForwarding() {
        for (int flag : new int[] {RouteFlags.MARTIAN, RouteFlags.BLACKHOLE, RouteFlags.DISCARD, RouteFlags.INACTIVE}) {
            assertThat(unicast(staticRoute().flags(RouteFlags.LOCAL | flag).add())).as("flag %x", flag)
                    .isEqualTo(EVERYTHING);
            staticRoute().add();
        }
    }

    @Test
    @DisplayName("R102: a change of only the best route's neighbour or entity-specific info is an ALL change only")
    void shouldClassifyNeighbourAndInfoChangesOfTheBestAsAllOnly() {
        assertThat(unicast(staticRoute().info("tag 7").add())).isEqualTo(ALL.bit());
        long id = f.bestId(DEST, View.UNICAST);
        assertThat(unicast(staticRoute().id(id).neighbour("198.51.100.9", 2).info("tag 7").add()))
                .isEqualTo(ALL.bit());
    }

    @Test
    @DisplayName("R101, A21: an update that changes no stored field is no change; LastChanged stays (R37)")
    void shouldClassifyAnUnchangedUpdateAsNoChange() {
        long changed = f.dest(DEST).lastChanged();
        f.advance(1000);

        Outcome o = staticRoute().ttl(5000).add();

        assertThat(o.effects().destChanges()).isEmpty();
        assertThat(f.dest(DEST).lastChanged()).isEqualTo(changed);
    }

    @Test
    @DisplayName("R37: LastChanged advances with every ALL change")
    void shouldAdvanceLastChangedWithEveryChange() {
        f.advance(1000);

        ripRoute().cost(120, 3).add();

        assertThat(f.dest(DEST).lastChanged()).isEqualTo(f.now);
    }

    @Test
    @DisplayName("R130, R101: moving a route into a route list is no change of the destination")
    void shouldClassifyARouteListMoveAsNoChange() {
        f.createList(STATIC, "mine");

        Outcome o = f.insertInList(STATIC, "mine", f.bestId(DEST, View.UNICAST));

        assertThat(o.effects().destChanges()).isEmpty();
    }

    @Test
    @DisplayName("R104: a route changes only the views it belonged to before or after")
    void shouldChangeOnlyTheViewsOfTheRoute() {
        Outcome o = ripRoute().cost(120, 5).add();

        assertThat(change(o.effects(), DEST, View.MULTICAST)).isNull();
    }

    @Test
    @DisplayName("R104: joining a view is a change in that view only")
    void shouldClassifyJoiningAViewInThatViewOnly() {
        Outcome o = ripRoute().views(U | M).add();

        assertThat(changeTypes(o.effects(), DEST, View.MULTICAST)).isEqualTo(EVERYTHING);
        assertThat(change(o.effects(), DEST, View.UNICAST)).isNull();
    }

    @Test
    @DisplayName("R104, T7: leaving a view is an ALL change there, and BEST where the winner changes")
    void shouldClassifyLeavingAViewInThatViewOnly() {
        ripRoute().views(U | M).add();
        staticRoute().views(U | M).add();

        Outcome o = staticRoute().views(U).add();

        assertThat(changeTypes(o.effects(), DEST, View.MULTICAST)).isEqualTo(EVERYTHING);
        assertThat(change(o.effects(), DEST, View.UNICAST)).isNull();
        assertThat(change(o.effects(), DEST, View.MULTICAST).best().route().owner()).isEqualTo(RIP);
    }

    @Test
    @DisplayName("R104: a non-best route leaving a view is an ALL change there")
    void shouldClassifyANonBestRouteLeavingAViewAsAll() {
        ripRoute().views(U | M).add();
        staticRoute().views(U | M).add();

        Outcome o = ripRoute().views(U).add();

        assertThat(changeTypes(o.effects(), DEST, View.MULTICAST)).isEqualTo(ALL.bit());
        assertThat(change(o.effects(), DEST, View.UNICAST)).isNull();
    }

    @Test
    @DisplayName("R102, R103: the last route going is a BEST and FORWARDING change (some route -> none)")
    void shouldClassifyTheLastRouteGoingAsEverything() {
        f.delete(RIP, DEST, "192.0.2.1", 1);

        assertThat(unicast(f.delete(STATIC, f.bestId(DEST, View.UNICAST)))).isEqualTo(EVERYTHING);
    }
}
