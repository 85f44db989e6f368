package io.rtmstreams.it;

import io.rtmstreams.streams.Placement;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.rtmstreams.it.KafkaTestClients.KeyValue;
import static io.rtmstreams.it.KafkaTestClients.awaitNoOpenTransactions;
import static io.rtmstreams.it.KafkaTestClients.createTopic;
import static io.rtmstreams.it.KafkaTestClients.readAll;
import static io.rtmstreams.it.KafkaTestClients.records;
import static io.rtmstreams.it.KafkaTestClients.sendInTransaction;
import static io.rtmstreams.it.KafkaTestClients.transactionalProducer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kcat, a client on a different Kafka implementation (librdkafka), exchanges keyed JSON with the run's broker and
 * the Java clients: what users and operators will do with the product's topics.
 */
@ExtendWith(BrokerExtension.class)
class KcatInteropIT {

    /** kcat's {@code -f} format: key, a colon, value; the same shape {@code -K:} reads. */
    private static final String KEY_COLON_VALUE = "%k:%s\\n";

    private static TestBroker broker;
    private static Kcat kcat;

    @BeforeAll
    static void locateKcatAndBroker(TestBroker runBroker) {
        kcat = Kcat.onPath();
        broker = runBroker;
    }

    @Test
    void keyedJsonProducedByKcatIsReadByTheJavaConsumer() {
        String topic = createTopic(broker.bootstrapServers(), "it-kcat-produce", 1);
        List<KeyValue> sent = records("kcat", 10);

        kcat.run(List.of("-b", broker.bootstrapServers(), "-P", "-t", topic, "-K:"), keyColonValueLines(sent));

        assertThat(readAll(broker.bootstrapServers(), topic, IsolationLevel.READ_COMMITTED))
                .containsExactlyElementsOf(sent);
    }

    @Test
    void kcatReadingCommittedSeesOnlyCommittedTransactionsOfTheJavaProducer() {
        String topic = createTopic(broker.bootstrapServers(), "it-kcat-consume", 1);
        List<KeyValue> first = records("first", 10);
        List<KeyValue> aborted = records("aborted", 10);
        List<KeyValue> second = records("second", 10);
        try (KafkaProducer<String, String> producer = transactionalProducer(broker.bootstrapServers())) {
            sendInTransaction(producer, topic, first, true);
            sendInTransaction(producer, topic, aborted, false);
            sendInTransaction(producer, topic, second, true);
        }
        awaitNoOpenTransactions(broker.bootstrapServers(), topic);

        assertThat(consumeWithKcat(topic, "read_committed"))
                .containsExactlyElementsOf(keyColonValueLines(Stream.concat(first.stream(), second.stream()).toList()));
        assertThat(consumeWithKcat(topic, "read_uncommitted"))
                .as("kcat sees the aborted records without read_committed, so the isolation level made the difference")
                .containsAll(keyColonValueLines(aborted));
    }

    /**
     * The README's advice for librdkafka feeders (D23): with {@code partitioner=murmur2_random} kcat puts every key
     * on the partition the Java client picks, where the router's state lives; with its default (CRC32) it does not.
     */
    @Test
    void kcatWithMurmur2RandomPlacesKeysAsTheJavaClientDoes() {
        List<String> routers = IntStream.rangeClosed(1, 12).mapToObj(n -> "edge-" + n).toList();
        List<String> lines = routers.stream().map(r -> r + "|{}").toList();
        String murmur2 = createTopic(broker.bootstrapServers(), "it-kcat-murmur2", 4);
        String crc32 = createTopic(broker.bootstrapServers(), "it-kcat-crc32", 4);

        kcat.run(List.of("-b", broker.bootstrapServers(), "-P", "-t", murmur2, "-K|", "-X",
                "partitioner=murmur2_random"), lines);
        kcat.run(List.of("-b", broker.bootstrapServers(), "-P", "-t", crc32, "-K|"), lines);

        assertThat(partitionsByKey(murmur2)).allSatisfy((router, partition) -> assertThat(partition).as(router)
                .isEqualTo(Placement.partition(router.getBytes(StandardCharsets.UTF_8), 4)));
        assertThat(partitionsByKey(crc32)).as("the default partitioner puts some routers elsewhere")
                .anySatisfy((router, partition) -> assertThat(partition)
                        .isNotEqualTo(Placement.partition(router.getBytes(StandardCharsets.UTF_8), 4)));
    }

    private static Map<String, Integer> partitionsByKey(String topic) {
        Map<String, Integer> partitions = new TreeMap<>();
        for (String line : kcat.run(List.of("-b", broker.bootstrapServers(), "-C", "-t", topic, "-o", "beginning",
                "-e", "-q", "-f", "%k %p\\n"), List.of()).lines()) {
            String[] f = line.split(" ");
            partitions.put(f[0], Integer.parseInt(f[1]));
        }
        assertThat(partitions).hasSize(12);
        return partitions;
    }

    /** Everything in {@code topic} from the beginning to its end at {@code isolationLevel}, as key:value lines. */
    private static List<String> consumeWithKcat(String topic, String isolationLevel) {
        return kcat.run(List.of("-b", broker.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                "-X", "isolation.level=" + isolationLevel, "-f", KEY_COLON_VALUE), List.of()).lines();
    }

    private static List<String> keyColonValueLines(List<KeyValue> records) {
        return records.stream().map(r -> r.key() + ":" + r.value()).toList();
    }
}
