package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.OSPF;
import static io.rtmstreams.rtm.RtmFixture.RIP;
import static io.rtmstreams.rtm.RtmFixture.V4;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the selection reason lives (contract v2, Selection reason): judged at a visible change, stored with the
 * destination, kept through changes nobody sees (D21), and derived from the routes for state written before reasons
 * were recorded.
 */
class SelectionReasonTest {

    private static final Prefix DEST = Prefix.parse("10.0.0.0/8");

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(OSPF);
    }

    private SelectionReason stored() {
        return f.engine.queries().destination(V4, DEST).slot(View.UNICAST).reason();
    }

    /** Route 1 (RIP via .1) and route 2 (OSPF via .2) tie at 5/5 once route 3, the incumbent, is withdrawn. */
    private void tieWithoutIncumbent() {
        f.route(RIP, "10.0.0.0/8").neighbour("192.0.2.1", 1).cost(5, 5).add();
        f.route(OSPF, "10.0.0.0/8").neighbour("192.0.2.2", 1).cost(5, 5).add();
        f.route(RIP, "10.0.0.0/8").neighbour("192.0.2.3", 1).cost(5, 1).add();
        f.now += 10;
        f.delete(RIP, "10.0.0.0/8", "192.0.2.3", 1);
    }

    @Test
    @DisplayName("D4: a tie with no incumbent is won by the longest-held route, and the destination records why")
    void shouldRecordLongestHeldWhenTheIncumbentLeavesATie() {
        tieWithoutIncumbent();

        Route best = f.engine.queries().destination(V4, DEST).best(View.UNICAST);
        assertThat(best.id()).isEqualTo(1);
        assertThat(stored()).isEqualTo(SelectionReason.LONGEST_HELD);
    }

    @Test
    @DisplayName("D21, A21: a TTL refresh changes nothing visible, emits nothing and keeps the published reason")
    void shouldKeepTheReasonThroughAChangeNobodySees() {
        tieWithoutIncumbent();
        f.now += 10;

        Outcome refresh = f.route(RIP, "10.0.0.0/8").neighbour("192.0.2.1", 1).cost(5, 5).ttl(60_000).add();

        assertThat(refresh.effects().destChanges()).isEmpty();
        assertThat(stored()).as("judged again it would be INCUMBENT").isEqualTo(SelectionReason.LONGEST_HELD);
    }

    @Test
    @DisplayName("contract v2: the next visible change judges the reason again, against the incumbent of the moment")
    void shouldJudgeTheReasonAgainAtTheNextVisibleChange() {
        tieWithoutIncumbent();
        f.now += 10;

        Outcome o = f.route(OSPF, "10.0.0.0/8").neighbour("192.0.2.9", 1).cost(9, 9).add();

        DestChange c = o.effects().destChanges().get(0);
        assertThat(c.previous().reason()).isEqualTo(SelectionReason.LONGEST_HELD);
        assertThat(c.best().reason()).isEqualTo(SelectionReason.INCUMBENT);
        assertThat(c.hasBestRecord()).isTrue();
    }

    @Test
    @DisplayName("state written before reasons were recorded: the reason is derived, the stored best as incumbent")
    void shouldDeriveTheReasonOfStateWithoutOne() {
        Route a = RtmFixture.bareRoute(1, 5, 5, 1);
        Route b = RtmFixture.bareRoute(2, 5, 5, 2);
        Route c = RtmFixture.bareRoute(3, 9, 1, 3);
        Destination legacy = Destination.empty(DEST).withRoutes(List.of(a, b, c))
                .withSlot(View.UNICAST, new ViewSlot(2, null, null, 4, 4));

        assertThat(DestViews.reason(legacy, View.UNICAST)).isEqualTo(SelectionReason.INCUMBENT);
        assertThat(DestViews.reason(legacy.withSlot(View.UNICAST, legacy.unicast().withBest(2,
                SelectionReason.LONGEST_HELD)), View.UNICAST)).as("a stored reason wins")
                .isEqualTo(SelectionReason.LONGEST_HELD);
    }
}
