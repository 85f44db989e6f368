package io.rtmstreams.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a topic's committed records (read_committed, from the beginning to the last stable offset at the start) and
 * writes records to other topics in transactions of at most {@value #RECORDS_PER_TRANSACTION} records, the
 * transactional id fencing any earlier writer under it. Used by {@link V1Migration}, whose steps are repeated whole
 * after a failure, so a transaction only has to keep its own records all or nothing.
 */
final class TransactionalCopy implements AutoCloseable {

    private static final int RECORDS_PER_TRANSACTION = 50_000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private int inTransaction;
    private boolean open;
    private long sent;

    TransactionalCopy(Map<String, Object> client, String transactionalId) {
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Every committed record of {@code topic}, all partitions at once, handed over a poll's worth at a time. */
    void readAll(String topic, String what, V1Migration.Progress progress,
                 Consumer<List<ConsumerRecord<byte[], byte[]>>> batches) {
        List<TopicPartition> all = partitions(topic);
        progress.phase(what, span(all));
        read(all, progress::at, batches);
        commit();
    }

    /** Every committed record of {@code topic}, handed over one whole partition at a time. */
    void readPartitions(String topic, String what, V1Migration.Progress progress,
                        Consumer<List<ConsumerRecord<byte[], byte[]>>> partitions) {
        List<TopicPartition> all = partitions(topic);
        progress.phase(what, span(all));
        long before = 0;
        for (TopicPartition tp : all) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long base = before;
            before += read(List.of(tp), done -> progress.at(base + done), records::addAll);
            partitions.accept(records);
        }
        commit();
    }

    /** Writes {@code r}'s key, value, timestamp and headers to {@code partition} of {@code topic}. */
    void send(String topic, int partition, ConsumerRecord<byte[], byte[]> r) {
        if (!open) {
            producer.beginTransaction();
            open = true;
        }
        producer.send(new ProducerRecord<>(topic, partition, r.timestamp(), r.key(), r.value(), r.headers()));
        sent++;
        if (++inTransaction == RECORDS_PER_TRANSACTION) {
            commit();
        }
    }

    /** Records sent so far. */
    long sent() {
        return sent;
    }

    /** Reads {@code partitions} to their end offsets of now; returns how many offsets that covered. */
    private long read(List<TopicPartition> partitions, LongConsumer at,
                      Consumer<List<ConsumerRecord<byte[], byte[]>>> batches) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, PATIENCE);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
        long total = span(begin, end);
        long done = 0;
        while (done < total) {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            consumer.poll(POLL).forEach(batch::add);
            batches.accept(batch);
            done = 0;
            for (TopicPartition tp : partitions) {
                done += Math.min(consumer.position(tp, PATIENCE), end.get(tp)) - begin.get(tp);
            }
            at.accept(done);
        }
        return total;
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, PATIENCE).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private long span(List<TopicPartition> partitions) {
        return span(consumer.beginningOffsets(partitions, PATIENCE), consumer.endOffsets(partitions, PATIENCE));
    }

    private static long span(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
    }

    private void commit() {
        if (open) {
            producer.commitTransaction();
            open = false;
            inTransaction = 0;
        }
    }

    /** Aborts a transaction left open by a failure; everything that succeeded is committed already. */
    @Override
    public void close() {
        try {
            if (open) {
                producer.abortTransaction();
            }
        } finally {
            producer.close();
            consumer.close();
        }
    }
}
