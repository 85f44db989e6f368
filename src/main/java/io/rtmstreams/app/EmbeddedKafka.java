package io.rtmstreams.app;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka broker running inside this process: KRaft combined mode (one node that is both broker and
 * controller), PLAINTEXT, with its data in a directory that survives restarts.
 *
 * <p>It exists so that {@code run} needs nothing else on a first user's machine and so that the integration tests
 * exercise the same broker code as production Kafka (transactions, compaction, group coordination), not a fake.
 *
 * <p>A fresh data directory is formatted (new cluster id) before the first start; a directory that already holds
 * {@code meta.properties} is started as it is, because formatting it again would fail on the cluster-id mismatch and
 * must never discard data.
 *
 * <p><b>Internal Kafka APIs, pinned to Kafka 4.4.0.</b> {@link KafkaRaftServer}, {@link KafkaConfig},
 * {@link Formatter} and {@link MetadataVersion} are Kafka's own server classes, not public API; their constructors
 * and methods change between releases. This class is written and tested against the {@code kafka.version} in the
 * pom (4.4.0) and is the only place in the product that touches them, so a Kafka upgrade means re-checking this one
 * class. Broker settings are passed as their documented property names rather than through Kafka's config constant
 * classes, which move between releases more often than the names do.
 *
 * <p>Like a stand-alone broker, the server ends the JVM on a fatal metadata fault (Kafka's
 * {@code ProcessTerminatingFaultHandler} calls {@code Exit.halt}); a process whose broker is gone should not go on.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";
    /** Starts that may fail only because a port picked as free was taken before the broker bound it. */
    private static final int BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String host;
    private final int port;
    private final Path dataDirectory;
    private final boolean formatted;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String host, int port, Path dataDirectory, boolean formatted) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.formatted = formatted;
    }

    /** A broker on localhost, on a free port, with its data in {@code dataDirectory}. */
    public static EmbeddedKafka start(Path dataDirectory) {
        return builder(dataDirectory).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** {@code host:port} for the {@code bootstrap.servers} of Kafka clients. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The port the broker listens on: the configured one, or the free one picked for port 0. */
    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True when this start formatted a fresh data directory; false when it reopened existing data. */
    public boolean formattedFreshDirectory() {
        return formatted;
    }

    /** Stops the broker (controlled shutdown) and waits until its threads are gone. Data stays on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    /** Settings of an embedded broker; {@link #start()} formats the directory if it is fresh and starts it. */
    public static final class Builder {

        private final Path dataDirectory;
        private String host = "localhost";
        private int port;

        private Builder(Path dataDirectory) {
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        /** The host name the broker binds to and advertises to clients; {@code localhost} by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The client listener's port; 0 (the default) picks a free one, reported by {@link EmbeddedKafka#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, not " + port);
            }
            this.port = port;
            return this;
        }

        public EmbeddedKafka start() {
            long started = System.nanoTime();
            boolean formatted = formatIfFresh(dataDirectory);
            for (int attempt = 1; ; attempt++) {
                Ports ports = pickPorts();
                try {
                    KafkaRaftServer server = startServer(ports);
                    log.info("Kafka broker listening on {}:{} ({} data in {}), started in {} ms", host,
                            ports.broker(), formatted ? "new" : "existing", dataDirectory, millisSince(started));
                    return new EmbeddedKafka(server, host, ports.broker(), dataDirectory, formatted);
                } catch (RuntimeException e) {
                    failUnlessPortRace(e, ports, attempt);
                    log.warn("A Kafka listener port was taken before the broker bound it; retrying: {}",
                            e.getMessage());
                }
            }
        }

        private void failUnlessPortRace(RuntimeException e, Ports ports, int attempt) {
            if (!isBindFailure(e) || attempt == BIND_ATTEMPTS) {
                throw new IllegalStateException("Kafka broker did not start on " + host + ":" + ports.broker()
                        + " (controller port " + ports.controller() + ", data in " + dataDirectory + "): "
                        + e.getMessage(), e);
            }
        }

        private KafkaRaftServer startServer(Ports ports) {
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(ports), false);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                return server;
            } catch (RuntimeException e) {
                stopAfterFailedStart(server, e);
                throw e;
            }
        }

        /**
         * The controller needs a known port up front because a static {@code controller.quorum.voters} names it,
         * and {@link KafkaRaftServer} exposes no bound port, so port 0 is resolved here to a port that was free a
         * moment ago (the rare race is handled by retrying the start). A configured port is bound once as a check,
         * so that a port in use fails at once with a plain message instead of after a broker start.
         */
        private Ports pickPorts() {
            try (ServerSocket broker = bindBrokerPort(); ServerSocket controller = bind(0)) {
                return new Ports(broker.getLocalPort(), controller.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on " + host, e);
            }
        }

        private ServerSocket bindBrokerPort() throws IOException {
            try {
                return bind(port);
            } catch (BindException e) {
                throw new IllegalStateException("Kafka broker port " + host + ":" + port + " is in use", e);
            }
        }

        private ServerSocket bind(int localPort) throws IOException {
            return new ServerSocket(localPort, 1, InetAddress.getByName(host));
        }

        private Properties brokerProperties(Ports ports) {
            Properties props = new Properties();
            props.putAll(singleNodeDefaults(ports));
            return props;
        }

        private Map<String, String> singleNodeDefaults(Ports ports) {
            String brokerAddress = host + ":" + ports.broker();
            String controllerAddress = host + ":" + ports.controller();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("process.roles", "broker,controller");
            props.put("node.id", Integer.toString(NODE_ID));
            props.put("controller.quorum.voters", NODE_ID + "@" + controllerAddress);
            props.put("listeners", BROKER_LISTENER + "://" + brokerAddress + ","
                    + CONTROLLER_LISTENER + "://" + controllerAddress);
            props.put("advertised.listeners", BROKER_LISTENER + "://" + brokerAddress);
            props.put("controller.listener.names", CONTROLLER_LISTENER);
            props.put("inter.broker.listener.name", BROKER_LISTENER);
            props.put("listener.security.protocol.map",
                    BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            props.put("log.dirs", dataDirectory.toString());
            props.put("metadata.log.dir", dataDirectory.toString());
            props.putAll(singleReplicaInternalTopics());
            // Consumers and Kafka Streams join at once instead of waiting 3 s for more members.
            props.put("group.initial.rebalance.delay.ms", "0");
            // A transaction past its timeout (a dead instance's that could not be fenced) is aborted at the
            // coordinator's next scan for them; the default scan every 10 s would add up to 10 s to a fail-over.
            props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
            // The product creates its topics explicitly (the topics command); a typo must not create a topic.
            props.put("auto.create.topics.enable", "false");
            return props;
        }

        /** One node cannot hold the three replicas the internal topics ask for by default. */
        private static Map<String, String> singleReplicaInternalTopics() {
            return Map.of(
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1");
        }
    }

    /** The client (broker) and controller listener ports of one start attempt. */
    private record Ports(int broker, int controller) {
    }

    /** Formats {@code dataDirectory} as a new single-node cluster unless it already holds {@code meta.properties}. */
    private static boolean formatIfFresh(Path dataDirectory) {
        if (Files.exists(dataDirectory.resolve(META_PROPERTIES))) {
            return false;
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDirectory);
            String directory = dataDirectory.toString();
            new Formatter()
                    .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory)
                    .setDirectories(List.of(directory))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka data directory " + dataDirectory, e);
        }
        log.debug("Formatted {}: {}", dataDirectory, report.toString(StandardCharsets.UTF_8).strip());
        return true;
    }

    /** Shuts down whatever part of the server came up, keeping the start failure as the reported error. */
    private static void stopAfterFailedStart(KafkaRaftServer server, RuntimeException startFailure) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException shutdownFailure) {
            startFailure.addSuppressed(shutdownFailure);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
