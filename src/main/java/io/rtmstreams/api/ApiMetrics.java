package io.rtmstreams.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rtmstreams.streams.ProcessorMetrics;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance's metrics on one Prometheus registry, served at {@code /metrics}: Kafka Streams' own (bound with
 * {@link #bind}) and the table processor's counters:
 * <ul>
 * <li>{@code rtm_commands_total{op,status}}: one per command result (D20), by op (or interface notification type)
 * and Win32 status;</li>
 * <li>{@code rtm_rejected_records_total{topic}}: input the processor could not read (D20);</li>
 * <li>{@code rtm_best_route_changes_total}: best-route records published (D21);</li>
 * <li>{@code rtm_timers_fired_total}: TTL and hold-down deadlines fired (D8);</li>
 * <li>{@code rtm_rerouted_records_total{topic}}: input records a producer's partitioner put on another
 * partition than their router's, sent on through the reroute topic (D23).</li>
 * </ul>
 * Stream threads call the counters concurrently; each (op, status) and topic counter is looked up once.
 */
public final class ApiMetrics implements ProcessorMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** By op, then status: no key string to build for each command. */
    private final Map<String, Map<String, Counter>> commands = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> rerouted = new ConcurrentHashMap<>();
    private final Counter bestRouteChanges = Counter.builder("rtm.best.route.changes")
            .description("best-route records published").register(registry);
    private final Counter timersFired = Counter.builder("rtm.timers.fired")
            .description("TTL and hold-down deadlines fired").register(registry);
    private KafkaStreamsMetrics streamsMetrics;

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
    public void bestRouteChange() {
        bestRouteChanges.increment();
    }

    @Override
    public void timersFired(int count) {
        timersFired.increment(count);
    }

    /** Adds Kafka Streams' client, thread, task and store metrics of {@code streams}. */
    public synchronized void bind(KafkaStreams streams) {
        if (streamsMetrics != null) {
            throw new IllegalStateException("already bound to a Kafka Streams instance");
        }
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** The Prometheus text exposition (format 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
