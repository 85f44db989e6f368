package io.rtmstreams.streams;

import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The partitioning of {@code rtm.best-routes}, {@code rtm.dest-changes} and {@code rtm.fleet-routes} (contract.md,
 * Partitioning of outputs): a record goes to {@code toPositive(murmur2(utf8(view + "|" + prefix))) % partitions},
 * where {@code view|prefix} is the end of its key ({@code router|rtmInstance|view|prefix}, or the whole fleet key
 * {@code view|prefix}). Every router's records for one prefix thus share a partition, where the fleet view counts
 * them (D27).
 *
 * <p>A consumer that builds a KTable from these topics and joins or queries it by key uses this partitioner (for
 * example in {@code KafkaStreams.queryMetadataForKey}, {@code Produced.streamPartitioner} or
 * {@code Repartitioned.withStreamPartitioner}), since Kafka Streams would otherwise look for a key where the Java
 * client's default partitioner, which hashes the whole key, would have put it. Keys are taken as the topics carry
 * them: the view in lower case and the prefix in canonical text (R33, RFC 5952). A router id never contains
 * {@code |} (contract.md, Conventions), so the last two fields of a key are always its view and prefix.
 *
 * @param <V> the value type, which the partition does not depend on
 */
public final class ViewPrefixPartitioner<V> implements StreamPartitioner<String, V> {

    /** The partition of a key of one of the three topics among {@code partitions}. */
    public static int partition(String key, int partitions) {
        return Placement.partition(viewPrefix(key).getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** The {@code view|prefix} end of a key: from after its second-to-last {@code |}, or the whole key. */
    public static String viewPrefix(String key) {
        return key.substring(viewPrefixStart(key));
    }

    /** Where the {@code view|prefix} end of {@code key} starts. */
    static int viewPrefixStart(String key) {
        int last = key.lastIndexOf('|');
        if (last < 0) {
            throw new IllegalArgumentException("not a key of a prefix-partitioned topic: " + key);
        }
        return key.lastIndexOf('|', last - 1) + 1;
    }

    /** A key-less record is left to the producer's default (none of the three topics has one). */
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return key == null ? Optional.empty() : Optional.of(Set.of(partition(key, numPartitions)));
    }
}
