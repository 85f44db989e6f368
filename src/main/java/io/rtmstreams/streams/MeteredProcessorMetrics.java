package io.rtmstreams.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table processor's counters on a Micrometer registry (the instance's, which the query API serves at
 * {@code /metrics}):
 * <ul>
 * <li>{@code rtm_commands_total{op,status}}: one per command result (D20), by op (or interface notification type)
 * and Win32 status;</li>
 * <li>{@code rtm_rejected_records_total{topic}}: input the processor could not read (D20);</li>
 * <li>{@code rtm_best_route_changes_total}: best-route records published (D21);</li>
 * <li>{@code rtm_timers_fired_total}: TTL and hold-down deadlines fired (D8);</li>
 * <li>{@code rtm_rerouted_records_total{topic}}: input records a producer's partitioner put on another
 * partition than their router's, sent on through the reroute topic (D23).</li>
 * </ul>
 * and, per router and kept in memory rather than as series, the best-route changes of the last minutes
 * ({@link RouterActivity}).
 * Stream threads call the counters concurrently; each (op, status) and topic counter is looked up once.
 */
public final class MeteredProcessorMetrics implements ProcessorMetrics {

    private final MeterRegistry registry;
    /** By op, then status: no key string to build for each command. */
    private final Map<String, Map<String, Counter>> commands = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> rerouted = new ConcurrentHashMap<>();
    private final Counter bestRouteChanges;
    private final Counter timersFired;
    private final RouterActivity activity = new RouterActivity();

    public MeteredProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        bestRouteChanges = Counter.builder("rtm.best.route.changes").description("best-route records published")
                .register(registry);
        timersFired = Counter.builder("rtm.timers.fired").description("TTL and hold-down deadlines fired")
                .register(registry);
    }

    @Override
    public void command(String op, String status) {
        commands.computeIfAbsent(op, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> Counter.builder("rtm.commands")
                        .description("command results by op and Win32 status").tag("op", op).tag("status", s)
                        .register(registry))
                .increment();
    }

    @Override
    public void rejected(String topic) {
        rejected.computeIfAbsent(topic, t -> Counter.builder("rtm.rejected.records")
                .description("input records that could not be read as commands").tag("topic", t)
                .register(registry)).increment();
    }

    @Override
    public void rerouted(String topic) {
        rerouted.computeIfAbsent(topic, t -> Counter.builder("rtm.rerouted.records")
                .description("input records that were not on their router's partition and took the reroute topic")
                .tag("topic", t).register(registry)).increment();
    }

    @Override
    public void bestRouteChange(String router) {
        bestRouteChanges.increment();
        activity.changed(router);
    }

    /** Each router's best-route changes per second over the last minutes ({@code /activity}). */
    public RouterActivity activity() {
        return activity;
    }

    @Override
    public void timersFired(int count) {
        timersFired.increment(count);
    }
}
