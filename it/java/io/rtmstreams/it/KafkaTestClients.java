package io.rtmstreams.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Plain Kafka clients for integration tests, with string keys and values. Reads are exact: they wait until no
 * transaction is in flight on the topic and then read every partition up to its end, so a test sees everything that
 * was committed (or written) and nothing depends on how long a poll happened to wait.
 */
public final class KafkaTestClients {

    /** How long a test waits for the broker before it fails; generous because the build machine is shared. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private KafkaTestClients() {
    }

    /** A key and value as read or written; record order within a partition is what the tests compare. */
    public record KeyValue(String key, String value) {
    }

    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates a topic named {@code prefix-<random>} with the broker's default replication factor. */
    public static String createTopic(String bootstrapServers, String prefix, int partitions) {
        String topic = prefix + "-" + UUID.randomUUID();
        try (Admin admin = admin(bootstrapServers)) {
            await(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all());
        }
        return topic;
    }

    /** A transactional producer with a fresh transactional id, its transactions already initialised. */
    public static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        return transactionalProducer(bootstrapServers, "rtm-it-" + UUID.randomUUID());
    }

    /** A transactional producer with {@code transactionalId}, its transactions already initialised. */
    public static KafkaProducer<String, String> transactionalProducer(String bootstrapServers,
                                                                      String transactionalId) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        producer.initTransactions();
        return producer;
    }

    /** Writes {@code records} to {@code topic} in one transaction, then commits it or, if asked, aborts it. */
    public static void sendInTransaction(KafkaProducer<String, String> producer, String topic,
                                         List<KeyValue> records, boolean commit) {
        producer.beginTransaction();
        records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
        // Flushing first puts an aborted transaction's records in the log, where read_committed must skip them.
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    /**
     * Every record of {@code topic} visible at {@code isolation}, partition by partition (partition 0 first), in
     * log order within each partition.
     */
    public static List<KeyValue> readAll(String bootstrapServers, String topic, IsolationLevel isolation) {
        awaitNoOpenTransactions(bootstrapServers, topic);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, isolation)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            return pollUntil(consumer, ends).stream()
                    .sorted(Comparator.comparingInt(ConsumerRecord::partition))
                    .map(r -> new KeyValue(r.key(), r.value()))
                    .toList();
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, IsolationLevel isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, PATIENCE).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /** Polls until every partition's position reached its end offset; the sort in the caller keeps log order. */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer,
                                                                  Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Waiting.polling("reaching end offsets " + ends,
                () -> consumer.poll(Duration.ofMillis(200)).forEach(records::add),
                () -> reachedEnds(consumer, ends), () -> "read " + records.size() + " records");
        return records;
    }

    private static boolean reachedEnds(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), PATIENCE) >= end.getValue());
    }

    /**
     * Waits until the last stable offset of every partition caught up with its high watermark. A committed or
     * aborted transaction only becomes readable once the coordinator has written its markers, which happens just
     * after {@code commitTransaction()} returns.
     */
    public static void awaitNoOpenTransactions(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(admin, topic);
            Waiting.until("no open transaction on " + topic, () -> latestOffsets(admin, partitions,
                    IsolationLevel.READ_COMMITTED).equals(latestOffsets(admin, partitions,
                    IsolationLevel.READ_UNCOMMITTED)), () -> "transactions still open");
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static Map<TopicPartition, Long> latestOffsets(Admin admin, List<TopicPartition> partitions,
                                                           IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return await(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** {@code count} records keyed {@code key-0..} with JSON values naming {@code label}, for tests to write. */
    public static List<KeyValue> records(String label, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new KeyValue("key-" + i, "{\"batch\":\"" + label + "\",\"seq\":" + i + "}"))
                .toList();
    }

    public static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("broker request failed: " + e.getMessage(), e);
        }
    }
}
