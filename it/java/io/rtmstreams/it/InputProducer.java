package io.rtmstreams.it;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;

/**
 * A plain producer (idempotent, not transactional: what a routing protocol feeder would use) that writes
 * {@link Input}s to the processor's input topics with their own timestamps and keys. By default the Java client's
 * partitioner puts every router's records on the partition its state lives on (D2); {@link Partitioning#CRC32}
 * partitions as librdkafka's default does, so most routers' records land elsewhere and are rerouted (D23).
 */
public final class InputProducer implements AutoCloseable {

    /** How records are spread over the partitions of their topic. */
    public enum Partitioning {
        /** The Java client's default: murmur2 of the key. */
        JAVA_DEFAULT,
        /** librdkafka's default ({@code consistent_random}, as kcat and the confluent-kafka clients use): CRC32. */
        CRC32
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topics topics;
    private final Partitioning partitioning;

    public InputProducer(String bootstrapServers, Topics topics) {
        this(bootstrapServers, topics, Partitioning.JAVA_DEFAULT);
    }

    public InputProducer(String bootstrapServers, Topics topics, Partitioning partitioning) {
        this.topics = topics;
        this.partitioning = partitioning;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // One request in flight: a batch retried after NOT_LEADER_OR_FOLLOWER on a topic created a moment ago
                // cannot fall behind the next one, which the broker would then take first and answer the retry with
                // OUT_OF_ORDER_SEQUENCE_NUMBER until the batch expires (seen on the embedded broker).
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Writes {@code inputs} in order and waits until the broker acknowledged each; returns where each landed. */
    public List<RecordMetadata> send(List<Input> inputs) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            sent.add(producer.send(new ProducerRecord<>(in.topicName(topics), partition(in), in.timestamp(), in.key(),
                    in.value())));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> f : sent) {
            try {
                written.add(f.get(KafkaTestClients.PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while sending input", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("input was not written: " + e.getMessage(), e);
            }
        }
        return written;
    }

    private Integer partition(Input in) {
        if (partitioning == Partitioning.JAVA_DEFAULT || in.key() == null) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(in.key());
        return (int) (crc.getValue() % producer.partitionsFor(in.topicName(topics)).size());
    }

    @Override
    public void close() {
        producer.close();
    }
}
