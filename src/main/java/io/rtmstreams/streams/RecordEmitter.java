package io.rtmstreams.streams;

import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.Notification;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.List;

/**
 * Turns the engine's effects into output records as they happen, each to its sink, all stamped with the time of
 * what caused them (the command's record time, or a timer's deadline), so that replaying the same input gives the
 * same records (D4, D22). Outputs the operator turned off ({@link OutputSelection}) are neither built nor sent.
 */
final class RecordEmitter implements EffectSink {

    private final ProcessorContext<String, Object> ctx;
    private final ProcessorMetrics metrics;
    private final OutputSelection outputs;
    private long timestamp;
    private String requestId;

    RecordEmitter(ProcessorContext<String, Object> ctx, ProcessorMetrics metrics, OutputSelection outputs) {
        this.ctx = ctx;
        this.metrics = metrics;
        this.outputs = outputs;
    }

    /** Sets the time and the request the next effects belong to (null for timers). */
    void cause(long time, String request) {
        timestamp = time;
        requestId = request;
    }

    /** A timer's effects carry its deadline and no request (D8). */
    @Override
    public void timerFired(long deadline) {
        cause(deadline, null);
    }

    void forward(String sink, String key, Object value) {
        ctx.forward(new Record<>(key, value, timestamp), sink);
    }

    @Override
    public void change(DestChange c) {
        String key = OutputMapper.destKey(c.table(), c.view(), c.prefix());
        List<OutputJson.NextHop> bestHops = OutputMapper.hops(c.best());
        if (c.hasBestRecord()) {
            forward(Nodes.BEST_ROUTES_SINK, key, OutputMapper.bestRoute(c, bestHops));
            metrics.bestRouteChange(c.table().router());
        }
        if (outputs.destChanges()) {
            forward(Nodes.DEST_CHANGES_SINK, key, OutputMapper.destChange(c, requestId, bestHops));
        }
    }

    @Override
    public void event(EntityEvent e) {
        forward(Nodes.ENTITY_EVENTS_SINK, OutputMapper.entityEventKey(e.table(), e.recipient()),
                OutputMapper.entityEvent(e));
    }

    @Override
    public void notify(Notification n) {
        if (outputs.notifications()) {
            forward(Nodes.NOTIFICATIONS_SINK, OutputMapper.notificationKey(n), OutputMapper.notification(n));
        }
    }
}
