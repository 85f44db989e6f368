package io.rtmstreams.it;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a {@code read_committed} consumer sees on the processor's output topics: one consumer assigned to every
 * partition of the named topics, reading from the beginning and accumulating, so a test can wait for a condition on
 * the committed output while the processor runs, and read everything up to the end once it is idle.
 */
public final class CommittedOutputs implements AutoCloseable {

    /** Every output topic of the contract, without the prefix. */
    public static final List<String> ALL = List.of("command-results", "best-routes", "dest-changes",
            "entity-events", "notifications", "fleet-routes", "rejected");

    private final String bootstrapServers;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, String> suffixOf = new LinkedHashMap<>();
    private final Map<String, List<OutputRecord>> records = new LinkedHashMap<>();

    public CommittedOutputs(String bootstrapServers, Topics topics, List<String> outputs) {
        this.bootstrapServers = bootstrapServers;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String output : outputs) {
            String topic = topics.prefix() + output;
            suffixOf.put(topic, output);
            records.put(output, new ArrayList<>());
            // A topic created a moment ago may not be in the metadata of the broker asked yet.
            Waiting.until("partitions of " + topic, () -> !consumer.partitionsFor(topic, KafkaTestClients.PATIENCE)
                    .isEmpty(), () -> "the topic is unknown");
            consumer.partitionsFor(topic, KafkaTestClients.PATIENCE)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every output topic of the contract. */
    public static CommittedOutputs all(String bootstrapServers, Topics topics) {
        return new CommittedOutputs(bootstrapServers, topics, ALL);
    }

    /** The committed records of {@code output} read so far, partition by partition in log order. */
    public List<OutputRecord> of(String output) {
        List<OutputRecord> list = records.get(output);
        if (list == null) {
            throw new IllegalArgumentException("not reading " + output);
        }
        return List.copyOf(list);
    }

    public int count(String output) {
        return records.get(output).size();
    }

    /** Everything read so far by output topic. */
    public Map<String, List<OutputRecord>> snapshot() {
        Map<String, List<OutputRecord>> copy = new LinkedHashMap<>();
        records.forEach((topic, list) -> copy.put(topic, List.copyOf(list)));
        return copy;
    }

    /** Reads what is committed now, waiting at most {@code wait} for anything new. */
    public CommittedOutputs poll(Duration wait) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
            String output = suffixOf.get(r.topic());
            records.get(output).add(new OutputRecord(output, r.partition(), r.offset(), r.timestamp(),
                    OutputRecord.text(r.key()), OutputRecord.text(r.value())));
        }
        return this;
    }

    /**
     * Reads until {@code condition} holds on what has been read; fails naming {@code what} and the counts read when
     * it does not within {@link KafkaTestClients#PATIENCE}.
     */
    public CommittedOutputs await(String what, Predicate<CommittedOutputs> condition) {
        Waiting.polling("committed output showing " + what, () -> poll(Duration.ofMillis(100)),
                () -> condition.test(this), () -> "read so far: " + counts());
        return this;
    }

    /**
     * Reads every partition up to its end, once no transaction is open on it: everything the processor committed
     * until now. Call it when the processor has nothing left to do, to see that nothing more (no duplicate) follows.
     */
    public CommittedOutputs readToEnd() {
        suffixOf.keySet().forEach(topic -> KafkaTestClients.awaitNoOpenTransactions(bootstrapServers, topic));
        return readToLastStableOffset();
    }

    /**
     * Reads every partition up to its last stable offset: everything committed until now, also while a transaction
     * is open (one that a killed instance left behind stays open until its successor fences it).
     */
    public CommittedOutputs readToLastStableOffset() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), KafkaTestClients.PATIENCE);
        return await("the last stable offset of every partition " + ends, self -> ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey(), KafkaTestClients.PATIENCE) >= e.getValue()));
    }

    /** Record counts by topic, for failure messages. */
    public Map<String, Integer> counts() {
        return records.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
