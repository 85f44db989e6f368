package io.rtmstreams.app;

import io.rtmstreams.streams.StreamsSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything {@code run} needs: where Kafka is (none: an embedded broker under {@code dataDir}), the topics, the
 * state, the query API, and the domain options. The CLI fills it from flags and environment variables.
 *
 * @param bootstrapServers  a Kafka cluster, or null to start the embedded broker
 * @param dataDir           local data: the embedded broker's log ({@code kafka/}) and Kafka Streams state ({@code state/})
 * @param embeddedPort      the embedded broker's port (0: any free port)
 * @param applicationId     Kafka Streams application id: instances with the same id share the work
 * @param partitions        partitions of topics this instance creates
 * @param replicationFactor replication factor of topics this instance creates
 * @param exactlyOnce       exactly_once_v2 (D19) or at_least_once
 * @param failover          standby replicas and the timeouts that decide how fast a dead instance's work moves
 * @param streamThreads     Kafka Streams threads of this instance
 * @param apiHost           the query API's bind address (localhost unless configured)
 * @param apiPort           the query API's port (0: any free port)
 * @param advertisedHost    the host name other instances use to forward queries to this one
 * @param kafkaProperties   client settings passed through to every Kafka client (TLS, SASL, tuning)
 */
public record AppConfig(String bootstrapServers, Path dataDir, int embeddedPort, String applicationId,
                        StreamsSettings settings, int partitions, short replicationFactor, boolean exactlyOnce,
                        Failover failover, int streamThreads, String apiHost, int apiPort, String advertisedHost,
                        Map<String, String> kafkaProperties) {

    public AppConfig {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (partitions < 1 || replicationFactor < 1 || streamThreads < 1) {
            throw new IllegalArgumentException("partitions, replication factor and stream threads must be positive");
        }
    }

    /**
     * The defaults of {@code run}, and the one place they are written: embedded broker on 9092, data in ./rtm-data,
     * API on 127.0.0.1:8080; the processor's own come from {@link StreamsSettings#defaults()}. The client commands
     * find a default {@code run} through {@link #embeddedBootstrapServers()} and {@link #apiUrl()}.
     */
    public static AppConfig defaults() {
        return new AppConfig(null, Path.of("rtm-data"), 9092, "rtm-streams",
                StreamsSettings.defaults(),
                3, (short) 1, true, Failover.defaults(), 1, "127.0.0.1", 8080, null, Map.of());
    }

    /** Where clients on this machine reach the embedded broker. */
    public String embeddedBootstrapServers() {
        return "localhost:" + embeddedPort;
    }

    /** The base URL of this instance's query API as others reach it. */
    public String apiUrl() {
        return "http://" + apiAdvertisedHost() + ":" + apiPort;
    }

    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    /** The host others reach this instance's API on: the advertised host, else the bind address. */
    public String apiAdvertisedHost() {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        return apiHost.equals("0.0.0.0") ? "localhost" : apiHost;
    }
}
