package io.rtmstreams.streams;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.Optional;
import java.util.Set;

/**
 * Where a router's records belong (D2, D23): the partition Java's default partitioner picks for the key bytes,
 * {@code toPositive(murmur2(key)) % partitions}. State placement, the query API's key lookup and the reroute topic
 * all use it, so a router's records meet in one task whatever partitioner their producer used.
 */
public final class Placement {

    private Placement() {
    }

    /** The partition of {@code key} among {@code partitions}, as the Java client's default partitioner computes it. */
    public static int partition(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** The reroute topic's partitioner: each record to its router's partition. */
    static StreamPartitioner<byte[], byte[]> partitioner() {
        return (topic, key, value, partitions) -> Optional.of(Set.of(partition(key, partitions)));
    }
}
