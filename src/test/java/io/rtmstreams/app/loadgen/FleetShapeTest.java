package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet's layout, addresses and D28 costs. */
class FleetShapeTest {

    @Test
    void everySlotIsBehindExactlyOneInterfaceAndTheSlotsOfAnInterfaceListItsShare() {
        FleetShape shape = TestTables.shape(1, 103, 4, 1);
        List<Integer> walked = new ArrayList<>();

        for (int i = 1; i <= 4; i++) {
            for (int nth = 0; nth < shape.slotsBehind(0, i); nth++) {
                int slot = shape.slot(i, nth);
                assertThat(shape.interfaceOf(slot)).isEqualTo(i);
                walked.add(slot);
            }
        }

        assertThat(walked).hasSize(103).doesNotHaveDuplicates().allMatch(s -> s >= 0 && s < 103);
        assertThat(shape.slotsBehind(0, 1)).isEqualTo(26);
        assertThat(shape.slotsBehind(0, 4)).isEqualTo(25);
    }

    @Test
    void addressesComeFromTheBenchmarkingRangeAndNeighboursAreTheirNextHops() {
        FleetShape shape = TestTables.shape(1, 10, 3, 2);

        assertThat(shape.localAddress(3)).isEqualTo(IpAddress.parse("198.18.3.1"));
        assertThat(shape.peerAddress(3, 1)).isEqualTo(IpAddress.parse("198.18.3.11"));
        assertThat(shape.neighbour(2, 0)).isEqualTo(new FleetCommand.Neighbour(IpAddress.parse("198.18.2.10"), 2));
        assertThat(shape.luid(1)).isEqualTo(1688849877041152L);
    }

    @Test
    void theMetricIsD28sPathLengthOriginAndMedWithEachPeerPrependingOneHop() {
        RibEntry entry = TestTables.entries(3).get(2);

        assertThat(entry.asPathLength()).isEqualTo(3);
        assertThat(entry.origin()).isEqualTo(RibEntry.Origin.INCOMPLETE);
        assertThat(FleetShape.metric(entry, 0, 5)).isEqualTo(3L * (1 << 24) + 2L * (1 << 22) + 5);
        assertThat(FleetShape.metric(entry, 2, 5)).isEqualTo(5L * (1 << 24) + 2L * (1 << 22) + 5);
        assertThat(FleetShape.metric(entry, 0, 1L << 40)).isEqualTo(3L * (1 << 24) + 2L * (1 << 22) + (1 << 22) - 1);
    }

    @Test
    void aLaterPeerCostsMoreWhateverTheMeds() {
        RibEntry entry = TestTables.entries(1).get(0);

        assertThat(FleetShape.metric(entry, 1, 0)).isGreaterThan(FleetShape.metric(entry, 0, Long.MAX_VALUE));
    }

    @Test
    void sharedRoutersCarryTheSamePrefixesAndSplitRoutersADealtShare() {
        List<RibEntry> table = TestTables.entries(10);
        FleetShape shared = new FleetShape(List.of("a", "b"), table, FleetShape.Layout.SHARED, 1, 1);
        FleetShape split = new FleetShape(List.of("a", "b", "c"), table, FleetShape.Layout.SPLIT, 1, 1);

        assertThat(shared.table(1)).isEqualTo(table);
        assertThat(shared.routes()).isEqualTo(20);
        assertThat(split.table(0)).containsExactly(table.get(0), table.get(3), table.get(6), table.get(9));
        assertThat(split.table(2)).containsExactly(table.get(2), table.get(5), table.get(8));
        assertThat(split.routes()).isEqualTo(10);
    }

    @Test
    void drawTakesDistinctEntriesInTableOrderTheSameForTheSameSeed() {
        List<RibEntry> table = TestTables.entries(1000);

        List<RibEntry> drawn = FleetShape.draw(table, 100, new SplittableRandom(5));

        assertThat(drawn).hasSize(100).doesNotHaveDuplicates().isSortedAccordingTo(
                (x, y) -> Integer.compare(table.indexOf(x), table.indexOf(y)));
        assertThat(FleetShape.draw(table, 100, new SplittableRandom(5))).isEqualTo(drawn);
        assertThat(FleetShape.draw(table, 100, new SplittableRandom(6))).isNotEqualTo(drawn);
        assertThat(FleetShape.draw(table, 5000, new SplittableRandom(5))).isEqualTo(table);
    }

    @Test
    void drawIsSpreadOverTheWholeTable() {
        List<RibEntry> table = TestTables.entries(10_000);

        List<RibEntry> drawn = FleetShape.draw(table, 1000, new SplittableRandom(1));

        long inFirstHalf = drawn.stream().filter(e -> table.indexOf(e) < 5000).count();
        assertThat(inFirstHalf).isBetween(420L, 580L);
    }

    @Test
    void refusesFleetsItCannotLayOut() {
        List<RibEntry> table = TestTables.entries(4);

        assertThatThrownBy(() -> new FleetShape(List.of(), table, FleetShape.Layout.SHARED, 1, 1))
                .hasMessageContaining("one or more routers");
        assertThatThrownBy(() -> new FleetShape(List.of("a", "a"), table, FleetShape.Layout.SHARED, 1, 1))
                .hasMessageContaining("each named once");
        assertThatThrownBy(() -> new FleetShape(List.of("a"), table, FleetShape.Layout.SHARED, 256, 1))
                .hasMessageContaining("1 to 255 interfaces");
        assertThatThrownBy(() -> new FleetShape(List.of("a"), table, FleetShape.Layout.SHARED, 1, 17))
                .hasMessageContaining("1 to 16 peers");
        assertThatThrownBy(() -> new FleetShape(List.of("a"), table, FleetShape.Layout.SHARED, 5, 1))
                .hasMessageContaining("at least one prefix per interface (5)");
        assertThatThrownBy(() -> new FleetShape(List.of("a", "b", "c"), table, FleetShape.Layout.SPLIT, 2, 1))
                .hasMessageContaining("it has 1");
    }
}
