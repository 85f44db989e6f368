package io.rtmstreams.app;

import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One running rtm-streams instance: the embedded broker when no cluster is given, the topics, and the Kafka Streams
 * application. Closing it leaves the consumer group first, so a restarted instance takes its tasks back at once
 * (kafka-notes: without leave-group a restart waits for the session timeout), and never wipes local state.
 */
public final class RtmRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtmRuntime.class);

    private final AppConfig config;
    private final EmbeddedKafka broker;
    private final String bootstrapServers;
    private final KafkaStreams streams;
    private final TopicAdmin.Report topics;

    private RtmRuntime(AppConfig config, EmbeddedKafka broker, String bootstrapServers, KafkaStreams streams,
                       TopicAdmin.Report topics) {
        this.config = config;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.streams = streams;
        this.topics = topics;
    }

    /** Starts the broker (if embedded), makes sure the topics exist and are co-partitioned, and starts processing. */
    public static RtmRuntime start(AppConfig config, ProcessorMetrics metrics) throws Exception {
        EmbeddedKafka broker = null;
        try {
            if (config.embedded()) {
                broker = EmbeddedKafka.builder(config.dataDir().resolve("kafka")).port(config.embeddedPort()).start();
            }
            String bootstrap = broker != null ? broker.bootstrapServers() : config.bootstrapServers();
            TopicAdmin.Report report;
            try (Admin admin = Admin.create(clientProperties(config, bootstrap))) {
                report = TopicAdmin.ensure(admin, config.settings().topics(), config.partitions(),
                        config.replicationFactor());
            }
            Path stateDir = Files.createDirectories(config.dataDir().resolve("state"));
            KafkaStreams streams = new KafkaStreams(RtmTopology.build(config.settings(), metrics),
                    streamsProperties(config, bootstrap, stateDir));
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("a stream thread failed; replacing it (its tasks restart from their committed state)", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            streams.start();
            return new RtmRuntime(config, broker, bootstrap, streams, report);
        } catch (Exception | Error e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    static Properties streamsProperties(AppConfig c, String bootstrap, Path stateDir) {
        Map<String, String> overrides = new HashMap<>(c.kafkaProperties());
        overrides.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, c.apiAdvertisedHost() + ":" + c.apiPort());
        overrides.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, String.valueOf(c.standbyReplicas()));
        overrides.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(c.streamThreads()));
        overrides.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(c.replicationFactor()));
        return StreamsProperties.of(c.settings(), c.applicationId(), bootstrap, stateDir.toString(), c.exactlyOnce(),
                overrides);
    }

    /** Admin and producer settings: the bootstrap servers plus every pass-through client property (TLS, SASL). */
    public static Properties clientProperties(AppConfig c, String bootstrap) {
        Properties p = new Properties();
        p.putAll(c.kafkaProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    public AppConfig config() {
        return config;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public TopicAdmin.Report topics() {
        return topics;
    }

    /** The embedded broker, or null when running against a cluster. */
    public EmbeddedKafka broker() {
        return broker;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (broker != null) {
            broker.close();
        }
    }
}
