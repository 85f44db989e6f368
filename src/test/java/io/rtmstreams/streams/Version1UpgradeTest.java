package io.rtmstreams.streams;

import io.rtmstreams.streams.ProcessorHarness.Output;
import io.rtmstreams.streams.state.Version1Layout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rtmstreams.streams.BoundedWorkTest.Table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task opening a table state that version 1 wrote (its route-id, owner and interface indexes logged in namespaces
 * 2 to 4, no neighbour index): the store derives the indexes from the destinations as it opens, the processor
 * deletes version 1's entries in steps of the budget, each followed by a commit (D24), keeping the deleted routes
 * (R80), and the task then holds exactly what version 2 writes for the same input and behaves as it does: a
 * deregistration cascade (D3) and an interface change (D14) write the same records.
 */
class Version1UpgradeTest {

    private static final int STEP = 100;
    private static final int ROUTES = 450;
    private static final StreamsSettings SETTINGS = StreamsSettings.defaults().withStep(STEP, 60_000);

    @Test
    void shouldDeriveTheIndexesOnOpeningAndDeleteVersion1sInStepsLeavingWhatVersion2Writes() {
        List<Output> version2Out = new ArrayList<>();
        List<Output> upgradedOut = new ArrayList<>();
        try (ProcessorHarness version2 = ProcessorHarness.collecting(SETTINGS, version2Out);
             ProcessorHarness upgraded = ProcessorHarness.collecting(SETTINGS, upgradedOut)) {
            List.of(version2, upgraded).forEach(Version1UpgradeTest::writeTable);
            Map<String, String> expected = Version1Layout.contents(version2.store());
            Version1Layout.rewrite(upgraded.store());
            assertThat(Version1Layout.contents(upgraded.store())).isNotEqualTo(expected);

            upgraded.reopen();
            assertThat(Version1Layout.derived(Version1Layout.contents(upgraded.store())))
                    .as("the indexes, derived as the store opens").isEqualTo(Version1Layout.derived(expected));
            assertThat(upgraded.finish()).as("steps deleting version 1's entries").isGreaterThan(3 * ROUTES / STEP);

            assertThat(Version1Layout.contents(upgraded.store())).isEqualTo(expected);
            version2Out.clear();
            upgradedOut.clear();
            List.of(version2, upgraded).forEach(Version1UpgradeTest::useTheIndexes);
            assertThat(BoundedWorkTest.perKey(upgradedOut)).isEqualTo(BoundedWorkTest.perKey(version2Out));
            assertThat(upgradedOut).hasSizeGreaterThan(2 * ROUTES);
        }
    }

    /** Routes over interface 3, one of them deleted (kept for its retention, R80). */
    private static void writeTable(ProcessorHarness p) {
        Table.setUp(p, "r1", ROUTES);
        p.command("r1", 1_000, "{\"op\":\"DELETE_ROUTE\",\"requestId\":\"del\",\"router\":\"r1\",\"entity\":"
                + Table.BGP + ",\"dest\":\"10.0.7.0/24\",\"neighbour\":{\"address\":\"192.0.2.1\","
                + "\"interfaceIndex\":3}}");
        p.finish();
    }

    /** An interface change over every route (D14), then the deregistration of their owner (D3). */
    private static void useTheIndexes(ProcessorHarness p) {
        p.interfaceChange("r1", 2_000, Table.interfaceDown("r1", "down"));
        p.finish();
        p.command("r1", 2_001, Table.deregister("r1", "gone"));
        p.finish();
    }
}
