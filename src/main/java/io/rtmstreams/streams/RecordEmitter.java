package io.rtmstreams.streams;

import io.rtmstreams.rtm.BestRoute;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.Notification;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.json.OutputMapper;
import io.rtmstreams.streams.json.WireEntity;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Objects;

/**
 * Turns the engine's effects into output records as they happen, each to its sink, all stamped with the time of
 * what caused them (the command's record time, or a timer's deadline), so that replaying the same input gives the
 * same records (D4, D22).
 */
final class RecordEmitter implements EffectSink {

    private final ProcessorContext<String, Object> ctx;
    private final ProcessorMetrics metrics;
    private long timestamp;
    private String requestId;

    RecordEmitter(ProcessorContext<String, Object> ctx, ProcessorMetrics metrics) {
        this.ctx = ctx;
        this.metrics = metrics;
    }

    /** Sets the time and the request the next effects belong to (null for timers). */
    void cause(long time, String request) {
        timestamp = time;
        requestId = request;
    }

    void forward(String sink, String key, Object value) {
        ctx.forward(new Record<>(key, value, timestamp), sink);
    }

    @Override
    public void change(DestChange c) {
        String key = OutputMapper.destKey(c.table(), c.view(), c.prefix());
        if (c.hasBestRecord()) {
            forward(Nodes.BEST_ROUTES_SINK, key, OutputMapper.bestRoute(c));
            metrics.bestRouteChange();
        }
        forward(Nodes.DEST_CHANGES_SINK, key, OutputMapper.destChange(c, requestId));
        OutputJson.FleetRouter before = fleetEntry(c, c.previous());
        OutputJson.FleetRouter after = fleetEntry(c, c.best());
        if (!Objects.equals(before, after)) {
            forward(Nodes.FLEET_UPDATES_SINK, OutputMapper.fleetKey(c.view(), c.prefix()), new FleetUpdate(
                    c.view().wireName(), c.prefix().toString(), c.table().router(), c.table().rtmInstance(), after));
        }
    }

    @Override
    public void event(EntityEvent e) {
        forward(Nodes.ENTITY_EVENTS_SINK, OutputMapper.entityEventKey(e.table(), e.recipient()),
                OutputMapper.entityEvent(e));
    }

    @Override
    public void notify(Notification n) {
        forward(Nodes.NOTIFICATIONS_SINK, OutputMapper.notificationKey(n), OutputMapper.notification(n));
    }

    private static OutputJson.FleetRouter fleetEntry(DestChange c, BestRoute b) {
        if (b == null) {
            return null;
        }
        return new OutputJson.FleetRouter(c.table().router(), c.table().rtmInstance(), b.route().id(),
                WireEntity.of(b.route().owner()), b.effectiveMetric(), OutputMapper.hops(b));
    }
}
