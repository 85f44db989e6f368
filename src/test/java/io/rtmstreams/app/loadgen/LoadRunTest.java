package io.rtmstreams.app.loadgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phases of a run, against a recording sink, results the test hands out, and a clock that moves on sleeps. */
class LoadRunTest {

    /** Everything sent, with the waits in between marked as "await:" entries of the request ids awaited. */
    private final List<String> log = new ArrayList<>();
    private final List<FleetCommand> sent = new ArrayList<>();
    /** Time passes when the pacer sleeps, and by {@link #perSend} a send. */
    private final Pacer.VirtualClock clock = new Pacer.VirtualClock();
    private long perSend;
    private long failed;

    private final LoadRun.Sink sink = new LoadRun.Sink() {
        @Override
        public void send(FleetCommand command) {
            sent.add(command);
            log.add(command.router() + " " + command.requestId());
            clock.advance(perSend);
        }

        @Override
        public void flush() {
            log.add("flush");
        }
    };

    private final LoadRun.Results results = new LoadRun.Results() {
        @Override
        public void expect(List<FleetCommand> commands) {
            log.add("expect " + commands.size());
        }

        @Override
        public long await(List<FleetCommand> commands, Duration patience, LongConsumer arrived) {
            log.add("await " + commands.stream().map(c -> c.router() + " " + c.requestId()).toList());
            arrived.accept(commands.size());
            clock.advance(1_000_000);
            return clock.nanoTime();
        }

        @Override
        public long failedRoutes() {
            return failed;
        }

        @Override
        public List<String> firstFailures() {
            return failed == 0 ? List.of() : List.of("r1 lg-if1-up ADD_INSTANCE: ERROR_INVALID_PARAMETER");
        }
    };

    @Test
    void routersRegisterAndBringInterfacesUpAndWaitBeforeTheirTablesWhichEndInASyncEach() throws Exception {
        FleetShape shape = TestTables.shape(2, 6, 2, 1);

        run(new LoadPlan(shape, 3, new ChurnMix(1, 0, 0), 0, 0, null, 1), true);

        assertThat(log).containsExactly("expect 6",
                "r1 lg-register", "r1 lg-if1-up", "r1 lg-if2-up", "r2 lg-register", "r2 lg-if1-up", "r2 lg-if2-up",
                "flush",
                "await [r1 lg-register, r1 lg-if1-up, r1 lg-if2-up, r2 lg-register, r2 lg-if1-up, r2 lg-if2-up]",
                "r1 lg-t1", "r2 lg-t1", "r1 lg-t2", "r2 lg-t2", "expect 2",
                "r1 lg-sync-end-of-rib", "r2 lg-sync-end-of-rib", "flush",
                "await [r1 lg-sync-end-of-rib, r2 lg-sync-end-of-rib]");
    }

    @Test
    void churnFollowsTheLoadsSyncResultsAndEndsWithItsOwnSyncs() throws Exception {
        FleetShape shape = TestTables.shape(2, 50, 2, 1);

        LoadReport report = run(new LoadPlan(shape, 10, new ChurnMix(70, 25, 5), 0, 500, null, 3), true);

        int churnStart = log.indexOf("await [r1 lg-sync-end-of-rib, r2 lg-sync-end-of-rib]") + 1;
        assertThat(log.subList(churnStart, log.size())).filteredOn(l -> l.matches("r\\d lg-c1(-down)?")).hasSize(1);
        assertThat(log.subList(0, churnStart)).noneMatch(l -> l.contains("lg-c"));
        assertThat(log.subList(log.size() - 5, log.size())).containsExactly("expect 2", "r1 lg-sync-loadgen-churn",
                "r2 lg-sync-loadgen-churn", "flush", "await [r1 lg-sync-loadgen-churn, r2 lg-sync-loadgen-churn]");
        LoadReport.Phase churn = report.phases().get(1);
        assertThat(churn.events()).isEqualTo(500);
        assertThat(report.records()).isEqualTo(sent.size());
        assertThat(report.adverts()).isEqualTo(sent.stream().mapToLong(FleetCommand::adverts).sum());
        assertThat(churn.records()).isEqualTo(sent.size() - log.subList(0, churnStart).stream()
                .filter(l -> l.startsWith("r")).count());
    }

    @Test
    void theFlapsResultsAreAwaitedBeforeTheChurnsSyncs() throws Exception {
        run(new LoadPlan(TestTables.shape(2, 50, 2, 1), 10, new ChurnMix(0, 0, 1), 0, 3, null, 3), true);

        int syncs = log.indexOf("r1 lg-sync-loadgen-churn");
        assertThat(log.subList(syncs - 3, syncs)).containsExactly("flush",
                "await [" + String.join(", ", sent.stream().filter(c -> c.requestId().matches("lg-c\\d-(down|up)"))
                        .map(c -> c.router() + " " + c.requestId()).toList()) + "]", "expect 2");
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).endsWith("-down")) {
                assertThat(log.get(i - 1)).as("a flap's results are expected before it is sent").isEqualTo("expect 2");
            }
        }
    }

    @Test
    void withoutWaitingTheSyncsAreSentButTheirResultsNotAwaited() throws Exception {
        LoadReport report = run(new LoadPlan(TestTables.shape(1, 20, 1, 1), 5, new ChurnMix(1, 1, 0), 0, 30, null,
                2), false);

        assertThat(log).filteredOn(l -> l.startsWith("await")).hasSize(1);
        assertThat(log).filteredOn(l -> l.startsWith("expect")).hasSize(1);
        assertThat(log).contains("r1 lg-sync-end-of-rib", "r1 lg-sync-loadgen-churn");
        assertThat(report.phases()).allMatch(p -> p.syncNanos() == -1);
        assertThat(report.lines().get(2)).contains("adverts/s sent");
    }

    @Test
    void aChurnDurationAtARateSendsRateTimesDurationEvents() throws Exception {
        LoadReport report = run(new LoadPlan(TestTables.shape(2, 100, 2, 1), 1, new ChurnMix(70, 25, 5), 200, 0,
                Duration.ofSeconds(2), 4), true);

        assertThat(report.phases().get(1).events()).isEqualTo(400);
    }

    @Test
    void theCountBoundsTheChurnWhateverTheRate() throws Exception {
        perSend = 1_000;

        LoadReport report = run(new LoadPlan(TestTables.shape(2, 100, 2, 1), 7, new ChurnMix(70, 25, 5), 1_000,
                1_234, null, 4), true);

        assertThat(report.phases().get(1).events()).isEqualTo(1_234);
        assertThat(report.phases().get(1).sentNanos()).isBetween(1_226_000_000L, 1_240_000_000L);
    }

    @Test
    void aFailedBringUpStopsTheRunBeforeAnyRoute() {
        failed = 1;

        assertThatThrownBy(() -> run(new LoadPlan(TestTables.shape(1, 20, 1, 1), 5, new ChurnMix(1, 0, 0), 0, 0,
                null, 2), true)).hasMessageContaining("could not register or bring their interfaces up: r1 lg-if1-up");
        assertThat(sent).allMatch(c -> c.adverts() == 0);
    }

    @Test
    void simulateLeavesTheModelOfARealRunAndIsDeterministic() throws Exception {
        LoadPlan plan = new LoadPlan(TestTables.shape(3, 300, 3, 2), 50, new ChurnMix(60, 35, 5), 500, 2_000, null,
                9);
        LoadRun run = new LoadRun(plan, sink, results, LoadProgress.NONE, clock, true, Duration.ofSeconds(1));
        run.run();

        FleetModel simulated = LoadRun.simulate(plan);

        for (int r = 0; r < 3; r++) {
            assertThat(simulated.expectedBest(r)).isEqualTo(run.model().expectedBest(r));
        }
        assertThat(LoadRun.simulate(plan).expectedBest(1)).isEqualTo(simulated.expectedBest(1));
        assertThat(simulated.advertisedRoutes()).isLessThan(3 * 300 * 2);
        assertThatThrownBy(() -> LoadRun.simulate(new LoadPlan(plan.shape(), 1, plan.mix(), 0, 0,
                Duration.ofSeconds(1), 1))).hasMessageContaining("only a counted churn");
    }

    private LoadReport run(LoadPlan plan, boolean waitForSyncs) throws InterruptedException {
        return new LoadRun(plan, sink, results, LoadProgress.NONE, clock, waitForSyncs, Duration.ofSeconds(1)).run();
    }
}
