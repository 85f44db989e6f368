package io.rtmstreams.bench;

import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * End-to-end throughput on a real broker (design.md, Performance targets; issue 5): adverts are produced first,
 * then the processor starts with exactly-once and the clock runs until a read-committed consumer has seen the last
 * command result, which is committed in the same transaction as its best route. The baseline is a pass-through
 * Kafka Streams app (read, write, no state) over the same records on the same broker in the same run, measured the
 * same way, so the ratio says what the routing work costs.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=io.rtmstreams.bench.EndToEndLoad
 * -Dbench.jvm=-Xmx3g -Dbench.args='--routers 1 --routes 497321 --partitions 1'}.
 */
public final class EndToEndLoad {

    public static void main(String[] args) throws Exception {
        int routers = intArg(args, "--routers", 1);
        int routes = intArg(args, "--routes", Integer.MAX_VALUE);
        int partitions = intArg(args, "--partitions", 1);
        Path dir = Files.createTempDirectory("rtm-load");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            List<ProducerRecord<byte[], byte[]>> records = commands(routers, routes);
            StreamsSettings settings = StreamsSettings.defaults();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                TopicAdmin.ensure(admin, settings.topics(), partitions, (short) 1);
                admin.createTopics(List.of(new NewTopic("baseline-in", partitions, (short) 1),
                        new NewTopic("baseline-out", partitions, (short) 1))).all().get();
            }
            long produceStart = System.nanoTime();
            produce(bootstrap, records, settings.topics().routeAdverts(), "baseline-in");
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            System.out.printf("produced %,d commands (%d routers) twice in %.1f s%n", records.size(), routers,
                    produceSeconds);

            double baseline = run(passThrough(), bootstrap, dir.resolve("base"), "baseline", "baseline-out",
                    records.size());
            double rtm = run(RtmTopology.build(settings, ProcessorMetrics.NONE), bootstrap, dir.resolve("rtm"),
                    "rtm", settings.topics().commandResults(), records.size());
            System.out.printf("pass-through: %.2f s, %,.0f records/s%n", baseline, records.size() / baseline);
            System.out.printf("rtm-streams:  %.2f s, %,.0f adverts/s to committed results and best routes%n", rtm,
                    records.size() / rtm);
            System.out.printf("ratio rtm/pass-through throughput: %.2f%n", baseline / rtm);
        }
    }

    private static List<ProducerRecord<byte[], byte[]>> commands(int routers, int routes) throws Exception {
        List<String> table = RibTable.load().commands("ROUTER");
        int n = Math.min(routes, table.size() - 1);
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(routers * (n + 1));
        for (int r = 0; r < routers; r++) {
            String router = "r" + r;
            byte[] key = router.getBytes(StandardCharsets.UTF_8);
            for (String json : table.subList(0, n + 1)) {
                out.add(new ProducerRecord<>("", key, json.replace("\"router\":\"ROUTER\"", "\"router\":\"" + router
                        + "\"").getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    private static void produce(String bootstrap, List<ProducerRecord<byte[], byte[]>> records, String... topics) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String topic : topics) {
                for (ProducerRecord<byte[], byte[]> r : records) {
                    producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
                }
            }
            producer.flush();
        }
    }

    private static Topology passThrough() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("baseline-in", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("in"))
                .to("baseline-out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("out"));
        return b.build();
    }

    /** Seconds from start until {@code expected} records of {@code output} are committed and readable. */
    private static double run(Topology topology, String bootstrap, Path stateDir, String appId, String output,
                              int expected) throws Exception {
        Properties p = StreamsProperties.of(StreamsSettings.defaults(), appId, bootstrap, stateDir.toString(), true,
                overrides());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, appId + "-counter");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> counter = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            counter.subscribe(List.of(output));
            KafkaStreams streams = new KafkaStreams(topology, p);
            long start = System.nanoTime();
            streams.start();
            long seen = 0;
            while (seen < expected) {
                seen += counter.poll(Duration.ofMillis(200)).count();
                if ((System.nanoTime() - start) / 1e9 > 1800) {
                    throw new IllegalStateException("gave up after 30 minutes at " + seen + " of " + expected);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            return seconds;
        }
    }

    /** {@code -Dload.streams.<property>=<value>} overrides a Kafka Streams property of both apps. */
    private static Map<String, String> overrides() {
        Map<String, String> out = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("load.streams."))
                .forEach(k -> out.put(k.substring("load.streams.".length()), System.getProperty(k)));
        return out;
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    private EndToEndLoad() {
    }
}
