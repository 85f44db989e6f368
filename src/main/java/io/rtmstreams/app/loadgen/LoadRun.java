package io.rtmstreams.app.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A {@code loadgen} run, phase by phase (design.md, Runtime):
 * <ol>
 *   <li><b>initial load</b>: every router registers its BGP entity and brings its interfaces up, and the run waits
 *   for those results (the input topics interleave by record time, D30); then every router's table, the routers
 *   taking turns, and a SYNC per router ({@value InitialLoad#END_OF_RIB});</li>
 *   <li><b>churn</b>, if the plan has any: {@link ChurnSchedule} messages paced at the plan's rate until its count
 *   or duration is reached, then a SYNC per router ({@value #CHURN_END}), after the results of the flaps' interface
 *   changes when the run waits (the SYNC does not order the other input topic).</li>
 * </ol>
 * With {@code waitForSyncs} a phase ends when every router's SYNC result has been read, which says the processor
 * has applied everything before it, and the next phase starts only then; without, it ends when the records are
 * sent. Where the records go and where results come from is the caller's ({@link Sink}, {@link Results}), so the
 * same run drives Kafka or, in {@link #simulate}, nothing but the model.
 */
public final class LoadRun {

    /** The SYNC marker that ends the churn. */
    public static final String CHURN_END = "loadgen-churn";

    /** Where the records go, in order per router. */
    public interface Sink {
        void send(FleetCommand command);

        /** Returns when everything sent is written; fails if anything was not. */
        void flush();
    }

    /** The results of the commands sent. */
    public interface Results {
        /** Results of {@code commands} will be awaited: called before they are sent, so none is missed. */
        void expect(List<FleetCommand> commands);

        /**
         * Waits until every one of {@code commands} has its result, telling {@code arrived} how many have so far;
         * returns the {@link System#nanoTime} at which the last was read. Fails when they are not all in within
         * {@code patience}.
         */
        long await(List<FleetCommand> commands, Duration patience, LongConsumer arrived) throws InterruptedException;

        /** Routes or commands of the run that failed so far. */
        long failedRoutes();

        /** The first failures, described. */
        List<String> firstFailures();
    }

    private final LoadPlan plan;
    private final Sink sink;
    private final Results results;
    private final LoadProgress progress;
    private final Pacer.Clock clock;
    private final boolean waitForSyncs;
    private final Duration patience;
    private final FleetModel model;
    private final InitialLoad load;
    private final LoadReport report = new LoadReport();

    public LoadRun(LoadPlan plan, Sink sink, Results results, LoadProgress progress, Pacer.Clock clock,
                   boolean waitForSyncs, Duration patience) {
        this.plan = plan;
        this.sink = sink;
        this.results = results;
        this.progress = progress;
        this.clock = clock;
        this.waitForSyncs = waitForSyncs;
        this.patience = patience;
        this.model = new FleetModel(plan.shape());
        this.load = new InitialLoad(model, plan.batch());
    }

    /**
     * The model a run of {@code plan} leaves, every record generated and none sent: what the processor must hold
     * after the run. The plan's churn must be a count (a duration's events depend on time).
     */
    public static FleetModel simulate(LoadPlan plan) throws InterruptedException {
        if (plan.duration() != null) {
            throw new IllegalArgumentException("only a counted churn can be simulated");
        }
        Pacer.VirtualClock clock = new Pacer.VirtualClock();
        Results none = new Results() {
            @Override
            public void expect(List<FleetCommand> commands) {
            }

            @Override
            public long await(List<FleetCommand> commands, Duration patience, LongConsumer arrived) {
                return clock.nanoTime();
            }

            @Override
            public long failedRoutes() {
                return 0;
            }

            @Override
            public List<String> firstFailures() {
                return List.of();
            }
        };
        Sink nowhere = new Sink() {
            @Override
            public void send(FleetCommand command) {
            }

            @Override
            public void flush() {
            }
        };
        LoadRun run = new LoadRun(plan, nowhere, none, LoadProgress.NONE, clock, true, Duration.ZERO);
        run.run();
        return run.model();
    }

    /** Runs both phases; the report also counts the failed commands seen by the end. */
    public LoadReport run() throws InterruptedException {
        long start = clock.nanoTime();
        long lastSync = initialLoad();
        if (plan.churns()) {
            lastSync = churn();
        }
        progress.close();
        report.finish(clock.nanoTime() - start, waitForSyncs ? lastSync - start : -1);
        report.failed(results.failedRoutes(), results.firstFailures());
        return report;
    }

    /** What the processor must hold once it has applied everything sent. */
    public FleetModel model() {
        return model;
    }

    private long initialLoad() throws InterruptedException {
        LoadReport.Phase phase = report.begin("initial load");
        long start = clock.nanoTime();
        bringUp(phase);
        progress.phase("initial load", plan.shape().routes(), " adverts");
        for (Iterator<FleetCommand> table = load.tables(); table.hasNext(); ) {
            send(phase, table.next());
            progress.at(phase.adverts());
        }
        return endPhase(phase, start, InitialLoad.END_OF_RIB);
    }

    private void bringUp(LoadReport.Phase phase) throws InterruptedException {
        List<FleetCommand> bringUp = new ArrayList<>();
        for (int r = 0; r < plan.shape().routerCount(); r++) {
            bringUp.addAll(load.bringUp(r));
        }
        results.expect(bringUp);
        bringUp.forEach(c -> send(phase, c));
        sink.flush();
        progress.phase("registering and bringing up interfaces", bringUp.size(), " results");
        results.await(bringUp, patience, progress::at);
        if (results.failedRoutes() > 0) {
            throw new IllegalStateException("the routers could not register or bring their interfaces up: "
                    + String.join("; ", results.firstFailures()));
        }
    }

    private long churn() throws InterruptedException {
        LoadReport.Phase phase = report.begin("churn");
        ChurnSchedule schedule = plan.churn(model);
        long total = plan.events();
        long limit = plan.duration() == null ? Long.MAX_VALUE : plan.duration().toNanos();
        progress.phase("churn", expectedEvents(), " events");
        Pacer pacer = new Pacer(plan.rate(), clock);
        long start = clock.nanoTime();
        List<FleetCommand> flaps = new ArrayList<>();
        for (long events = 0; events < total; ) {
            pacer.await(events);
            if (clock.nanoTime() - start >= limit) {
                break;
            }
            ChurnSchedule.Churn churn = schedule.next(total - events);
            if (churn.kind() == ChurnSchedule.Kind.FLAP && waitForSyncs) {
                results.expect(churn.commands());
                flaps.addAll(churn.commands());
            }
            phase.churned(churn);
            churn.commands().forEach(c -> send(phase, c));
            events += churn.events();
            progress.at(events);
        }
        awaitFlaps(flaps);
        return endPhase(phase, start, CHURN_END);
    }

    /** The churn's events as far as known: its count, or rate times duration; -1 for a duration at full speed. */
    private long expectedEvents() {
        if (plan.duration() == null) {
            return plan.count();
        }
        return plan.rate() > 0 ? (long) (plan.rate() * plan.duration().toNanos() / 1e9) : -1;
    }

    /**
     * A SYNC orders only the adverts topic: the interface changes of the flaps must be applied before it for its
     * result to say that every interface is up again (D30), so their results come first.
     */
    private void awaitFlaps(List<FleetCommand> flaps) throws InterruptedException {
        if (!flaps.isEmpty()) {
            sink.flush();
            progress.phase("waiting for the flaps' results", flaps.size(), " results");
            results.await(flaps, patience, progress::at);
        }
    }

    /** Every router's SYNC, then (when waiting) their results; returns when the last arrived, or -1. */
    private long endPhase(LoadReport.Phase phase, long start, String marker) throws InterruptedException {
        List<FleetCommand> syncs = new ArrayList<>();
        for (int r = 0; r < plan.shape().routerCount(); r++) {
            syncs.add(load.sync(r, marker));
        }
        if (waitForSyncs) {
            results.expect(syncs);
        }
        syncs.forEach(c -> send(phase, c));
        sink.flush();
        long sent = clock.nanoTime() - start;
        if (!waitForSyncs) {
            phase.finish(sent, -1);
            return -1;
        }
        progress.phase("waiting for the " + phase.name() + "'s SYNC results", syncs.size(), " results");
        long lastSync = results.await(syncs, patience, progress::at);
        phase.finish(sent, lastSync - start);
        return lastSync;
    }

    private void send(LoadReport.Phase phase, FleetCommand command) {
        sink.send(command);
        phase.sent(command);
    }
}
