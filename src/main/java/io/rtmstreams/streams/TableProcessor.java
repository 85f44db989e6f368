package io.rtmstreams.streams;

import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.streams.state.StoreRegistry;
import io.rtmstreams.streams.state.Version1Indexes;
import io.rtmstreams.streams.state.WaitingEntry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The per-router table processor: every record of the input topics is one router's command or interface change
 * (D2), applied to that router's tables by the RTM engine over this task's stores; the engine's effects become
 * output records as they happen, and every command gets exactly one result (D20).
 *
 * <p><b>Timers (D8).</b> Deadlines are data in a store. They fire in event-time order with the commands: before a
 * record is applied, every deadline up to its timestamp fires, at its own deadline. When no record has arrived for a
 * punctuation interval, a wall-clock punctuation fires what is due by the clock. So a live table expires routes
 * within an interval of their deadline, and a backlog (a restart after downtime, a replay) interleaves timers and
 * commands exactly as an uninterrupted run did.
 *
 * <p><b>Bounded work (D24).</b> No record or punctuation does more than one budget of work
 * ({@link StreamsSettings#stepUnits()}, {@link StreamsSettings#stepMillis()}); what does not fit goes on in steps
 * ({@link WorkScheduler}), one per run of a fast punctuation while any router is busy, each followed by a commit, so
 * no transaction holds much more than a budget of work whatever the table size. A task whose state version 1 wrote
 * deletes that version's logged indexes the same way ({@link Version1Indexes}).
 */
final class TableProcessor implements Processor<byte[], byte[], Object, Object> {

    private final StreamsSettings settings;
    private final ProcessorMetrics metrics;
    private ProcessorContext<Object, Object> ctx;
    private RecordApplier applier;
    private WorkScheduler scheduler;
    private Version1Indexes version1;
    private Topics topics;
    private Cancellable stepper;
    private long lastRecordAt;

    TableProcessor(StreamsSettings settings, ProcessorMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void init(ProcessorContext<Object, Object> context) {
        ctx = context;
        KeyValueStore<Bytes, byte[]> table = context.getStateStore(StoreRegistry.TABLE_STATE);
        IpHelper ipHelper = IpHelper.create(StoreRegistry.provider(table), settings.rtm(), settings.iphlp());
        RecordEmitter out = new RecordEmitter((ProcessorContext) context, metrics, settings.outputs());
        topics = settings.topics();
        applier = new RecordApplier(ipHelper, out, metrics, context, settings);
        scheduler = new WorkScheduler(ipHelper.engine(), applier, new RouterQueues(StoreRegistry.waiting(table)),
                out, metrics);
        version1 = Version1Indexes.of(table);
        lastRecordAt = context.currentSystemTimeMs();
        context.schedule(Duration.ofMillis(settings.punctuationIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                this::whenIdle);
        keepStepping();
    }

    /**
     * Applies a record of an input topic, or one that came through the reroute topic (D23): that one is dispatched
     * by the topic its producer wrote it to, and a rejection names where it was written.
     */
    @Override
    public void process(Record<byte[], byte[]> record) {
        lastRecordAt = ctx.currentSystemTimeMs();
        RecordMetadata m = ctx.recordMetadata().orElseThrow();
        Origin origin = Origin.of(topics, m.topic(), m.partition(), m.offset(), record.headers());
        WorkBudget budget = budget();
        String router = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (origin != null && TableId.isRouter(router)) {
            scheduler.arrive(router, WaitingEntry.record(record.timestamp(), origin.topic(), origin.partition(),
                    origin.offset(), record.key(), record.value()), budget);
        } else {
            // Not a router's record (it is rejected): no router's order to keep, so it never waits.
            scheduler.passTime(record.timestamp(), null, budget);
            Origin at = origin != null ? origin : Origin.of(m);
            WaitingEntry e = WaitingEntry.record(record.timestamp(), at.topic(), at.partition(), at.offset(),
                    record.key(), record.value());
            if (origin == null) {
                applier.reject(e, "a rerouted record without valid origin headers (D23)");
            } else {
                applier.apply(e, budget);
            }
        }
        afterCall(budget);
    }

    /** D8: when no record has come for a punctuation interval, the wall clock is the task's time. */
    private void whenIdle(long wallClock) {
        if (wallClock - lastRecordAt >= settings.punctuationIntervalMs()) {
            WorkBudget budget = budget();
            scheduler.passTime(wallClock, null, budget);
            afterCall(budget);
        }
    }

    /**
     * One step of the busy routers' work, or else of deleting version 1's indexes, then a commit (D24); stops itself
     * when there is neither.
     */
    private void step(long wallClock) {
        if (scheduler.hasWork()) {
            scheduler.step(budget());
            ctx.commit();
        } else if (version1.pending()) {
            version1.step(budget());
            ctx.commit();
        }
        if (!hasWork()) {
            stepper.cancel();
            stepper = null;
        }
    }

    /** A call that used up its budget asks for a commit; one that left work starts the steps. */
    private void afterCall(WorkBudget budget) {
        if (!budget.hasRoom()) {
            ctx.commit();
        }
        keepStepping();
    }

    private void keepStepping() {
        if (stepper == null && hasWork()) {
            stepper = ctx.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, this::step);
        }
    }

    private boolean hasWork() {
        return scheduler.hasWork() || version1.pending();
    }

    private WorkBudget budget() {
        return WorkBudget.of(settings.stepUnits(), settings.stepMillis() * 1_000_000, System::nanoTime);
    }
}
