package io.rtmstreams.streams.state;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the off-heap memory of every RocksDB store of the process (Kafka Streams' "bounded memory" recipe): one
 * block cache and one write-buffer manager shared by all stores, with index and filter blocks counted in the cache.
 * Without it every store of every task takes its own 50 MB cache and up to 48 MB of memtables. The total is
 * {@value #DEFAULT_TOTAL_BYTES} bytes unless {@code rtm.rocksdb.memory.bytes} says otherwise (read when the first
 * store opens), a quarter of it for memtables.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES_CONFIG = "rtm.rocksdb.memory.bytes";
    static final long DEFAULT_TOTAL_BYTES = 256L << 20;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDbConfig.class) {
            if (cache == null) {
                long total = total(configs.get(TOTAL_BYTES_CONFIG));
                cache = new LRUCache(total, -1, false, 0.1);
                writeBuffers = new WriteBufferManager(total / 4, cache);
            }
        }
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    private static long total(Object configured) {
        return configured == null ? DEFAULT_TOTAL_BYTES : Long.parseLong(configured.toString());
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store and live as long as the process
    }
}
