package io.rtmstreams.app;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says how much state a start-up or a task move restored from the changelogs: one line per store partition that
 * restored anything, with the record count and the time it took, and the total since start. With transactional
 * state stores (KIP-892) a restart after a crash restores only what the last commit had not yet checkpointed; a
 * large count there means the local state was lost or wiped.
 */
final class RestoreLog implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final Map<TopicPartition, Long> startedAt = new ConcurrentHashMap<>();
    private final AtomicLong restored = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        startedAt.put(partition, System.nanoTime());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restored.addAndGet(totalRestored);
        Long start = startedAt.remove(partition);
        if (totalRestored > 0) {
            LOG.info("restored {} records of {} from {} in {} ms", totalRestored, store, partition,
                    start == null ? "?" : (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Changelog records restored into local stores since the instance started. */
    long restored() {
        return restored.get();
    }
}
