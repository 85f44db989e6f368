package io.rtmstreams.streams;

import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.iphlp.InterfaceChangeResult;
import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.streams.json.Ack;
import io.rtmstreams.streams.json.CommandReader;
import io.rtmstreams.streams.json.Decoded;
import io.rtmstreams.streams.json.Envelope;
import io.rtmstreams.streams.json.InterfaceChangeReader;
import io.rtmstreams.streams.json.OutputMapper;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Duration;

/**
 * The per-router table processor: every record of the input topics is one router's command or interface change
 * (D2), applied to that router's tables by the RTM engine over this task's stores; the engine's effects become
 * output records as they happen, and every command gets exactly one result (D20), published unless it succeeded and
 * its {@code ack} or the operator asked for errors only (D26).
 *
 * <p><b>Timers (D8).</b> Deadlines are data in a store. They fire in event-time order with the commands: before a
 * record is applied, every deadline up to its timestamp fires, at its own deadline. When no record has arrived for a
 * punctuation interval, a wall-clock punctuation fires what is due by the clock, a bounded number per punctuation.
 * So a live table expires routes within an interval of their deadline, and a backlog (a restart after downtime, a
 * replay) interleaves timers and commands exactly as an uninterrupted run did.
 */
final class TableProcessor implements Processor<byte[], byte[], Object, Object> {

    private final StreamsSettings settings;
    private final ProcessorMetrics metrics;
    private ProcessorContext<Object, Object> ctx;
    private IpHelper ipHelper;
    private RtmEngine engine;
    private RecordEmitter out;
    private Topics topics;
    private long lastRecordAt;

    TableProcessor(StreamsSettings settings, ProcessorMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void init(ProcessorContext<Object, Object> context) {
        ctx = context;
        // On the wire every change is published at once: the compacted notifications topic is the pending set
        // (R111), so the engine's queued delivery, which keeps pending entries until a drain call, never applies.
        ipHelper = IpHelper.create(StoreRegistry.provider(context.getStateStore(StoreRegistry.TABLE_STATE)),
                settings.rtm().withDelivery(RtmConfig.Delivery.PUBLISHED), settings.iphlp());
        engine = ipHelper.engine();
        out = new RecordEmitter((ProcessorContext) context, metrics, settings.outputs());
        topics = settings.topics();
        lastRecordAt = context.currentSystemTimeMs();
        context.schedule(Duration.ofMillis(settings.punctuationIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                this::punctuate);
    }

    /**
     * Applies a record of an input topic, or one that came through the reroute topic (D23): that one is dispatched
     * by the topic its producer wrote it to, and a rejection names where it was written.
     */
    @Override
    public void process(Record<byte[], byte[]> record) {
        fireDue(record.timestamp(), Integer.MAX_VALUE);
        lastRecordAt = ctx.currentSystemTimeMs();
        RecordMetadata m = ctx.recordMetadata().orElseThrow();
        Origin origin = Origin.of(topics, m.topic(), m.partition(), m.offset(), record.headers());
        if (origin == null) {
            reject(record, Origin.of(m), "a rerouted record without valid origin headers (D23)");
        } else if (origin.topic().equals(topics.interfaceChanges())) {
            interfaceChange(record, origin);
        } else {
            command(record, origin);
        }
    }

    private void interfaceChange(Record<byte[], byte[]> record, Origin origin) {
        Decoded<InterfaceChange> d = InterfaceChangeReader.read(record.key(), record.value());
        if (d instanceof Decoded.Rejected<InterfaceChange> r) {
            reject(record, origin, r.reason());
        } else if (d instanceof Decoded.Invalid<InterfaceChange> i) {
            out.cause(record.timestamp(), i.envelope().requestId());
            result(i.envelope(), Outcome.error(i.status(), i.message()));
        } else {
            Decoded.Valid<InterfaceChange> v = (Decoded.Valid<InterfaceChange>) d;
            out.cause(record.timestamp(), v.envelope().requestId());
            InterfaceChangeResult r = ipHelper.apply(v.command(), record.timestamp(), out);
            result(v.envelope(), Outcome.error(r.status(), r.message()));
        }
    }

    private void command(Record<byte[], byte[]> record, Origin origin) {
        Decoded<Command> d = CommandReader.read(record.key(), record.value());
        if (d instanceof Decoded.Rejected<Command> r) {
            reject(record, origin, r.reason());
        } else if (d instanceof Decoded.Invalid<Command> i) {
            out.cause(record.timestamp(), i.envelope().requestId());
            result(i.envelope(), Outcome.error(i.status(), i.message()));
        } else {
            Decoded.Valid<Command> v = (Decoded.Valid<Command>) d;
            out.cause(record.timestamp(), v.envelope().requestId());
            result(v.envelope(), engine.execute(v.command(), record.timestamp(), out));
        }
    }

    /**
     * Counts every answer and publishes those the command's {@code ack} and the operator's {@code --results} ask
     * for (D20, D26); a result that is not published is never built.
     */
    private void result(Envelope env, Outcome o) {
        metrics.command(env.op(), o.status().name());
        Ack ack = settings.outputs().results().and(env.ack());
        if (ack.publishes(env.op(), o.status())) {
            out.forward(Nodes.COMMAND_RESULTS_SINK, env.router(), OutputMapper.result(env, o, ack));
        }
    }

    private void reject(Record<byte[], byte[]> record, Origin at, String reason) {
        out.cause(record.timestamp(), null);
        ctx.forward(new Record<>(record.key(), Rejection.of(reason, at.topic(), at.partition(), at.offset(),
                record.key(), record.value()), record.timestamp()), Nodes.REJECTED_SINK);
        metrics.rejected(at.topic());
    }

    private void punctuate(long wallClock) {
        if (wallClock - lastRecordAt >= settings.punctuationIntervalMs()) {
            fireDue(wallClock, settings.maxTimersPerPunctuation());
        }
    }

    /** Fires up to {@code budget} deadlines at or before {@code horizon}, each at its own time. */
    private void fireDue(long horizon, int budget) {
        int fired = 0;
        for (long d = engine.nextDeadline(); d >= 0 && d <= horizon && fired < budget; d = engine.nextDeadline()) {
            out.cause(d, null);
            fired += engine.fireDueTimers(d, 1, out);
        }
        if (fired > 0) {
            metrics.timersFired(fired);
        }
    }
}
