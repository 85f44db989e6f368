package io.rtmstreams.api;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rtmstreams.streams.MeteredProcessorMetrics;
import io.rtmstreams.streams.RouterActivity;
import io.rtmstreams.streams.ProcessorMetrics;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The instance's metrics on one Prometheus registry, served at {@code /metrics}: Kafka Streams' own (bound with
 * {@link #bind}) and the table processor's counters, which {@link MeteredProcessorMetrics} in {@code streams}
 * keeps on this registry ({@link #processor()}: what the topology is built with). The API only exposes them.
 */
public final class ApiMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MeteredProcessorMetrics processor = new MeteredProcessorMetrics(registry);
    private KafkaStreamsMetrics streamsMetrics;

    /** The table processor's counters on this registry, for {@code RtmTopology.build}. */
    public ProcessorMetrics processor() {
        return processor;
    }

    /** The best-route changes per second of the routers this instance's stream threads serve. */
    RouterActivity activity() {
        return processor.activity();
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
