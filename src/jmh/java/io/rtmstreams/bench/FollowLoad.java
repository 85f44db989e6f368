package io.rtmstreams.bench;

import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.follow.FollowSettings;
import io.rtmstreams.app.follow.PmacctFollower;
import io.rtmstreams.app.follow.pmacct.PmacctSettings;
import io.rtmstreams.app.loadgen.RibEntry;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate of {@code follow pmacct} (issue 13) on an embedded broker: the real jinx table of one peer (497,321
 * routes by default; {@code -Drib.limit=N}) as the msglog pmacct writes when a BMP router comes up (log_init,
 * peer_up, one route_monitor update per route, end-of-rib), on a topic of one partition, mapped to commands exactly
 * once. The baseline, in the same run and interleaved with it, is the same consume–produce–commit loop copying each
 * record unchanged (the cost of exactly-once Kafka alone). Printed per round: records/s of both and their ratio.
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec -Dbench.main=io.rtmstreams.bench.FollowLoad -Dbench.jvm=-Xmx3g
 * -Dbench.args='--rounds 2'}
 */
public final class FollowLoad {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Topics TOPICS = new Topics(Topics.DEFAULT_PREFIX);

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args.length > 1 && args[0].equals("--rounds") ? args[1] : "2");
        List<byte[]> msglog = msglog(RibTable.load().entries());
        Path dir = Files.createTempDirectory("rtm-follow-load");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap, List.of("pmacct.msglog", "copy", TOPICS.routeAdverts(),
                    TOPICS.interfaceChanges(), TOPICS.rejected()));
            produce(bootstrap, "pmacct.msglog", msglog);
            System.out.printf("%,d msglog records (%,d routes) on pmacct.msglog%n", msglog.size(), msglog.size() - 4);
            for (int round = 1; round <= rounds; round++) {
                double copy = copy(bootstrap, "copy-" + round, msglog.size());
                double follow = follow(bootstrap, "follow-" + round, msglog.size());
                System.out.printf("round %d: follow pmacct %,.0f records/s, pass-through copy %,.0f records/s, "
                        + "ratio %.2f%n", round, follow, copy, follow / copy);
            }
        }
    }

    /** The msglog of a BMP router whose one peer sends the table (pmacct's JSON as in its test outputs). */
    static List<byte[]> msglog(List<RibEntry> entries) {
        String router = "\"bmp_router\": \"192.0.2.61\", \"bmp_router_port\": 47125, \"writer_id\": \"pmbmpd\"";
        String peer = "\"peer_ip\": \"198.51.100.1\", \"peer_asn\": 30844, \"peer_type\": \"Global Instance Peer\", "
                + "\"is_in\": 1, \"is_post\": 0, \"is_loc\": null, \"is_out\": null";
        List<String> lines = new ArrayList<>();
        lines.add("{\"event_type\": \"log_init\", \"seq\": 0, \"timestamp\": \"1700000000.000000\", " + router + "}");
        lines.add("{\"event_type\": \"log\", \"seq\": 1, \"timestamp\": \"1700000000.000000\", " + router
                + ", \"bmp_msg_type\": \"peer_up\", " + peer + ", \"local_ip\": \"198.51.100.2\", \"local_as\": "
                + "65000, \"bgp_id\": \"198.51.100.1\"}");
        long seq = 2;
        for (RibEntry e : entries) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < e.asPathLength(); i++) {
                path.append(i == 0 ? "" : ", ").append('"').append(64_512 + i).append('"');
            }
            lines.add("{\"event_type\": \"log\", \"seq\": " + seq++ + ", \"timestamp\": \"1700000001.000000\", "
                    + router + ", \"bmp_msg_type\": \"route_monitor\", \"log_type\": \"update\", " + peer
                    + ", \"afi\": 1, \"safi\": 1, \"ip_prefix\": \"" + e.prefix() + "\", \"bgp_nexthop\": \""
                    + e.nextHop() + "\", \"as_path\": [" + path + "], \"comms\": [], \"origin\": \""
                    + switch (e.origin()) {
                        case IGP -> "i";
                        case EGP -> "e";
                        case INCOMPLETE -> "u";
                    } + "\", \"local_pref\": null, \"med\": " + e.med() + "}");
        }
        lines.add("{\"event_type\": \"log\", \"seq\": " + seq++ + ", \"timestamp\": \"1700000002.000000\", " + router
                + ", \"bmp_msg_type\": \"route_monitor\", \"log_type\": \"end-of-rib\", " + peer
                + ", \"afi\": 1, \"safi\": 1}");
        lines.add("{\"event_type\": \"log\", \"seq\": " + seq + ", \"timestamp\": \"1700000002.000000\", " + router
                + ", \"bmp_msg_type\": \"stats\", " + peer + "}");
        return lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** {@code follow pmacct} over the topic, as the CLI runs it; records/s to the last commit. */
    private static double follow(String bootstrap, String name, int records) throws Exception {
        FollowSettings settings = new FollowSettings(name, "pmacct.msglog", null, TOPICS,
                PmacctSettings.defaults(name + "-"), Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                false, Duration.ofMillis(100));
        AtomicBoolean done = new AtomicBoolean();
        long start = System.nanoTime();
        PmacctFollower.Totals totals = new PmacctFollower(settings, new PmacctFollower.Listener() {
            @Override
            public void committed(PmacctFollower.Totals t) {
                done.set(t.records() >= records);
            }

            @Override
            public void warning(String message) {
                System.err.println(message);
            }
        }).run(done::get);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  follow: %,d records in %.1f s, %,d commands, %,d routes added%n", totals.records(),
                seconds, totals.commands(), totals.tally().routes());
        return totals.records() / seconds;
    }

    /** The baseline: the same loop with no mapping, each record copied to {@code copy} unchanged. */
    private static double copy(String bootstrap, String group, int records) {
        Map<String, Object> c = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
        Map<String, Object> p = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, group, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        long start = System.nanoTime();
        long copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            TopicPartition tp = new TopicPartition("pmacct.msglog", 0);
            consumer.assign(List.of(tp));
            producer.initTransactions();
            while (copied < records) {
                producer.beginTransaction();
                long began = System.currentTimeMillis();
                long offset = -1;
                while (System.currentTimeMillis() - began < 100 && copied < records) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                        producer.send(new ProducerRecord<>("copy", null, r.timestamp(), r.key(), r.value()));
                        offset = r.offset();
                        copied++;
                    }
                }
                if (offset >= 0) {
                    producer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(offset + 1)),
                            consumer.groupMetadata());
                }
                producer.commitTransaction();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  copy: %,d records in %.1f s%n", copied, seconds);
        return copied / seconds;
    }

    private static void createTopics(String bootstrap, List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, Optional.of(1), Optional.empty())).toList())
                    .all().get();
        }
    }

    private static void produce(String bootstrap, String topic, List<byte[]> values) {
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, null, v), (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records not sent");
        }
    }
}
