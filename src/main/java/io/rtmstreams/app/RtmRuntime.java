package io.rtmstreams.app;

import io.rtmstreams.api.ApiMetrics;
import io.rtmstreams.api.KafkaStreamsState;
import io.rtmstreams.api.QueryServer;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One running rtm-streams instance: the embedded broker when no cluster is given, the topics, the query API and the
 * Kafka Streams application. The API starts first: Kafka Streams advertises its address ({@code application.server})
 * to the other instances, and with port 0 the address is known only once it listens. Closing stops the API, then
 * leaves the consumer group, so a restarted instance takes its tasks back at once (kafka-notes: without leave-group
 * a restart waits for the session timeout; after a crash, static membership, {@link InstanceId}, does the same),
 * and never wipes local state. While it rebalances it aborts the open
 * transactions that instances which died without closing left behind ({@link OrphanTransactions}), so that taking
 * over their tasks does not wait for the transaction timeout.
 */
public final class RtmRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtmRuntime.class);
    /**
     * How long a rebalance lasts before this instance also looks for hanging transactions: a rebalance without a
     * restore ends sooner and never pays for the look; the decision itself waits out the transaction timeout.
     */
    private static final Duration HANGING_LOOK_AFTER = Duration.ofSeconds(2);

    private final AppConfig config;
    private final EmbeddedKafka broker;
    private final String bootstrapServers;
    private final KafkaStreams streams;
    private final TopicAdmin.Report topics;
    private final QueryServer api;
    private final ApiMetrics metrics;
    private final RestoreLog restores;
    private final OrphanTransactions orphans;
    private final Admin admin;

    private RtmRuntime(AppConfig config, EmbeddedKafka broker, String bootstrapServers, KafkaStreams streams,
                       TopicAdmin.Report topics, QueryServer api, ApiMetrics metrics, RestoreLog restores,
                       OrphanTransactions orphans, Admin admin) {
        this.config = config;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.streams = streams;
        this.topics = topics;
        this.api = api;
        this.metrics = metrics;
        this.restores = restores;
        this.orphans = orphans;
        this.admin = admin;
    }

    /** {@link #start(AppConfig, ApiMetrics)} with a fresh metrics registry. */
    public static RtmRuntime start(AppConfig config) throws Exception {
        return start(config, new ApiMetrics());
    }

    /**
     * Starts the broker (if embedded), refuses version 1 output topics ({@link V1Topics}), makes sure the topics
     * exist and are co-partitioned, starts the query API and starts processing. The processor counts into
     * {@code metrics}, which {@code /metrics} serves beside Kafka Streams' own; closing the runtime closes them.
     */
    public static RtmRuntime start(AppConfig config, ApiMetrics metrics) throws Exception {
        EmbeddedKafka broker = null;
        QueryServer api = null;
        KafkaStreams streams = null;
        Admin admin = null;
        OrphanTransactions orphans = null;
        try {
            if (config.embedded()) {
                broker = EmbeddedKafka.builder(config.dataDir().resolve("kafka")).port(config.embeddedPort()).start();
            }
            String bootstrap = broker != null ? broker.bootstrapServers() : config.bootstrapServers();
            admin = Admin.create(clientProperties(config, bootstrap));
            new V1Topics(config.settings().topics()).refuseIfPresent(admin, V1Migration.command(config));
            TopicAdmin.Report report = TopicAdmin.ensure(admin, config.settings().topics(), config.partitions(),
                    config.replicationFactor());
            api = QueryServer.start(config.apiHost(), config.apiPort(), config.apiAdvertisedHost(), config.settings(),
                    metrics);
            Path stateDir = Files.createDirectories(config.dataDir().resolve("state"));
            Properties props = streamsProperties(config, bootstrap, stateDir, api.advertised(),
                    InstanceId.of(config.dataDir()));
            // Records are placed by the partition count the broker has (D23), not the one asked for.
            int inputPartitions = report.partitions().get(config.settings().topics().routeAdverts());
            streams = new KafkaStreams(RtmTopology.build(config.settings().withInputPartitions(inputPartitions),
                    metrics.processor()), props);
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("a stream thread failed; replacing it (its tasks restart from their committed state)", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            RestoreLog restores = new RestoreLog();
            streams.setGlobalStateRestoreListener(restores);
            Duration transactionTimeout = config.failover().transactionTimeout();
            orphans = new OrphanTransactions(admin, config.applicationId(), streamsProtocol(props),
                    new HangingTransactions(admin, config.applicationId(), config.settings().topics(),
                            transactionTimeout), HANGING_LOOK_AFTER);
            orphans.watch(streams);
            metrics.bind(streams);
            api.serve(KafkaStreamsState.of(streams,
                    HostInfo.buildFromEndpoint(props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))));
            streams.start();
            return new RtmRuntime(config, broker, bootstrap, streams, report, api, metrics, restores, orphans, admin);
        } catch (Exception | Error e) {
            if (api != null) {
                api.close();
            }
            if (streams != null) {
                streams.close(Duration.ofSeconds(30));
            }
            if (orphans != null) {
                orphans.close();
            }
            if (admin != null) {
                admin.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /**
     * {@code api} is the query API's advertised address; a configured {@code application.server} wins over it.
     * {@code member} is the static group membership ({@link InstanceId}) under the classic group protocol; a
     * configured {@code group.instance.id} wins over it.
     */
    static Properties streamsProperties(AppConfig c, String bootstrap, Path stateDir, HostInfo api, String member) {
        Map<String, String> overrides = new HashMap<>(c.kafkaProperties());
        String host = api.host().indexOf(':') >= 0 ? "[" + api.host() + "]" : api.host();
        overrides.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + api.port());
        if (!"streams".equalsIgnoreCase(overrides.getOrDefault(StreamsConfig.GROUP_PROTOCOL_CONFIG, ""))) {
            overrides.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        }
        c.failover().streamsProperties(c.exactlyOnce()).forEach(overrides::putIfAbsent);
        overrides.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(c.streamThreads()));
        overrides.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(c.replicationFactor()));
        return StreamsProperties.of(c.settings(), c.applicationId(), bootstrap, stateDir.toString(), c.exactlyOnce(),
                overrides);
    }

    private static boolean streamsProtocol(Properties props) {
        return "streams".equalsIgnoreCase(props.getProperty(StreamsConfig.GROUP_PROTOCOL_CONFIG, ""));
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

    /** The query API (its port, when the configuration asked for any free one). */
    public QueryServer api() {
        return api;
    }

    /**
     * Changelog records restored into this instance's stores since it started: near 0 after a restart on intact
     * local state, a changelog's worth after the state was lost (KIP-892 keeps it through a crash).
     */
    public long restoredRecords() {
        return restores.restored();
    }

    /** Open transactions of dead instances this one aborted since it started ({@link OrphanTransactions}). */
    public long fencedOrphanTransactions() {
        return orphans.fenced();
    }

    /** The embedded broker, or null when running against a cluster. */
    public EmbeddedKafka broker() {
        return broker;
    }

    @Override
    public void close() {
        api.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        orphans.close();
        admin.close();
        metrics.close();
        if (broker != null) {
            broker.close();
        }
    }
}
