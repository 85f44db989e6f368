package io.rtmstreams.app.follow;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Merges the records of several partitions into one stream in timestamp order, as a Kafka Streams task does with its
 * input partitions (KIP-353, {@code max.task.idle.ms}): the next record is the lowest-timestamped head among the
 * partitions, and while a partition has nothing buffered the merge waits for it, unless it is caught up (nothing more
 * to fetch) or has been waited for {@code maxIdleMs}. Ties go to the partition declared first.
 *
 * <p>This is what orders pmacct's live records against its dumps (two topics, one clock: the collector's) and a
 * router's records spread over partitions by an unkeyed producer.
 *
 * @param <K> a partition
 * @param <R> a record
 */
final class TimestampMerge<K, R> {

    private final ToLongFunction<R> timestamp;
    private final long maxIdleMs;
    private final Map<K, Buffer<R>> buffers = new LinkedHashMap<>();

    private static final class Buffer<R> {
        final ArrayDeque<R> records = new ArrayDeque<>();
        long emptySince;
    }

    TimestampMerge(ToLongFunction<R> timestamp, long maxIdleMs) {
        this.timestamp = timestamp;
        this.maxIdleMs = maxIdleMs;
    }

    /** Declares the partitions, in tie-break order, all empty since {@code now}. */
    void assign(List<K> partitions, long now) {
        buffers.clear();
        for (K partition : partitions) {
            Buffer<R> buffer = new Buffer<>();
            buffer.emptySince = now;
            buffers.put(partition, buffer);
        }
    }

    void add(K partition, List<R> records) {
        Buffer<R> buffer = buffers.get(partition);
        if (buffer == null) {
            throw new IllegalArgumentException("not an assigned partition: " + partition);
        }
        buffer.records.addAll(records);
    }

    /**
     * The next record in timestamp order, removed; null when there is none, or when a partition with nothing buffered
     * may still bring an earlier one: it is not {@code caughtUp} and has been empty for less than maxIdleMs.
     */
    R next(long now, Predicate<K> caughtUp) {
        Buffer<R> lowest = null;
        long lowestTime = Long.MAX_VALUE;
        for (Map.Entry<K, Buffer<R>> e : buffers.entrySet()) {
            Buffer<R> buffer = e.getValue();
            R head = buffer.records.peekFirst();
            if (head == null) {
                if (now - buffer.emptySince < maxIdleMs && !caughtUp.test(e.getKey())) {
                    return null;
                }
                continue;
            }
            long time = timestamp.applyAsLong(head);
            if (time < lowestTime) {
                lowest = buffer;
                lowestTime = time;
            }
        }
        if (lowest == null) {
            return null;
        }
        R next = lowest.records.pollFirst();
        if (lowest.records.isEmpty()) {
            lowest.emptySince = now;
        }
        return next;
    }

    int buffered(K partition) {
        Buffer<R> buffer = buffers.get(partition);
        return buffer == null ? 0 : buffer.records.size();
    }

    boolean isEmpty() {
        return buffers.values().stream().allMatch(b -> b.records.isEmpty());
    }
}
