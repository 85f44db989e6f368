package io.rtmstreams.it;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * One processor deployment of a test on the run's shared broker: its own topic prefix and application id, so tests
 * never see each other's records, consumer groups or transactional ids, also on an external broker that keeps data
 * between runs. Instances of the deployment share the application id (and so the work); each has its own data
 * directory (Kafka Streams state) and query API port.
 *
 * @param name          what the test calls it, part of the prefix and the application id
 * @param applicationId the Kafka Streams application id
 * @param settings      the topology settings: contract topics under the prefix {@code it-<name>-<random>.}
 * @param partitions    partitions of every topic the runtime creates
 */
public record RtmTestApp(String name, String applicationId, StreamsSettings settings, int partitions) {

    /** A deployment with a fresh prefix and application id. */
    public static RtmTestApp unique(String name, int partitions) {
        String id = "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new RtmTestApp(name, id, StreamsSettings.defaults().withTopics(new Topics(id + ".")), partitions);
    }

    public Topics topics() {
        return settings.topics();
    }

    /**
     * The configuration of one instance on {@code bootstrapServers}: exactly-once (D19, the default), one stream
     * thread, the query API on a free port of 127.0.0.1, {@code run}'s fail-over defaults (one standby replica), and
     * {@code kafkaProperties} passed to the Kafka clients.
     */
    public AppConfig config(String bootstrapServers, Path dataDir, Map<String, String> kafkaProperties) {
        return config(bootstrapServers, dataDir, kafkaProperties, Failover.defaults());
    }

    /** {@link #config(String, Path, Map)} with {@code failover} in place of the defaults of {@code run}. */
    public AppConfig config(String bootstrapServers, Path dataDir, Map<String, String> kafkaProperties,
                            Failover failover) {
        return new AppConfig(bootstrapServers, dataDir, 0, applicationId, settings, partitions, (short) 1, true,
                failover, 1, "127.0.0.1", 0, null, kafkaProperties);
    }

    /**
     * Creates the deployment's topics as the runtime would (TopicAdmin: partitions, cleanup policies), for tests
     * that write input or read output before the first instance starts.
     */
    public void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrapServers)) {
            TopicAdmin.ensure(admin, topics(), partitions, (short) 1);
        }
    }

    /** Starts an instance and waits until Kafka Streams runs (its tasks assigned, restored and processing). */
    public RtmRuntime start(String bootstrapServers, Path dataDir, Map<String, String> kafkaProperties)
            throws Exception {
        return start(config(bootstrapServers, dataDir, kafkaProperties));
    }

    /** Starts an instance with {@code config} and waits until Kafka Streams runs. */
    public RtmRuntime start(AppConfig config) throws Exception {
        RtmRuntime runtime = RtmRuntime.start(config);
        try {
            awaitRunning(runtime);
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** Waits until the instance's Kafka Streams is RUNNING. */
    public static void awaitRunning(RtmRuntime runtime) {
        String app = runtime.config().applicationId();
        Waiting.until("Kafka Streams of " + app + " RUNNING", () -> {
            KafkaStreams.State state = runtime.streams().state();
            if (state == KafkaStreams.State.ERROR) {
                throw new AssertionError("Kafka Streams of " + app + " is ERROR, not RUNNING");
            }
            return state == KafkaStreams.State.RUNNING;
        }, () -> "it is " + runtime.streams().state());
    }
}
