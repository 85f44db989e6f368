package io.rtmstreams.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * The head of the table sub-topology (D23): an input record on its router's partition goes straight to the table
 * processor; one that a producer's partitioner put elsewhere (librdkafka's CRC32, Sarama's FNV-1a, ...) goes,
 * unchanged but for its origin headers, through the reroute topic to that partition, where the table processor
 * applies it as if it had arrived there. Correctly placed records pay one murmur2 of the key. A record without a
 * key stays where it is and is rejected there. Reroutes are counted per input topic and logged once per input
 * partition of this task, naming the producer setting that saves the detour.
 */
final class PlacementCheck implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementCheck.class);

    private final int partitions;
    private final ProcessorMetrics metrics;
    private final Set<TopicPartition> reported = new HashSet<>();
    private ProcessorContext<byte[], byte[]> ctx;

    PlacementCheck(int partitions, ProcessorMetrics metrics) {
        this.partitions = partitions;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        ctx = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata m = ctx.recordMetadata().orElseThrow();
        if (record.key() == null || Placement.partition(record.key(), partitions) == m.partition()) {
            ctx.forward(record, Nodes.TABLE_PROCESSOR);
            return;
        }
        metrics.rerouted(m.topic());
        if (reported.add(new TopicPartition(m.topic(), m.partition()))) {
            LOG.warn("{}-{} holds records of routers whose partition is another one (murmur2 of the key, as Java's "
                    + "default partitioner computes it); they take a detour through the reroute topic. Producers "
                    + "save it with Java's default partitioner or, on librdkafka clients (kcat, confluent-kafka), "
                    + "partitioner=murmur2_random", m.topic(), m.partition());
        }
        ctx.forward(record.withHeaders(Origin.of(m).addTo(record.headers())), Nodes.REROUTE);
    }
}
