package io.rtmstreams.streams.state;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;

/**
 * The table store's innermost layer but one: Kafka Streams stacks metering, then the changelog, then this store over
 * RocksDB. Writing a destination ({@link StoreRegistry#DESTINATIONS_NAMESPACE}), it reads the value it replaces and
 * writes the index entries that follow from the change ({@link DerivedEntries}) straight to RocksDB, in the same
 * batch as the destination: the changelog layer above sees the destination only, so the indexes cost no changelog
 * record, yet they change exactly when the destination does, in the transaction that stages both.
 *
 * <p>They are rebuilt wherever state comes from the changelog: the restore callback is {@link DerivingRestore}
 * (installed through {@link RestoreInterceptingContext}), so a restore after a crash, a new instance's restore and a
 * standby's updates derive them with the restored records. A store whose indexes are missing or were derived
 * differently, which the absence of {@link DerivedEntries#STATE_KEY} at {@link #init} tells (version 1's state,
 * a rebuild cut short), gets them rebuilt from its destinations first ({@link #rebuild}: once, about a second per
 * 100,000 destinations). Nothing above may write the derived namespaces. Everything else goes to RocksDB as it is:
 * like Kafka's own layers, this one is a {@link WrappedStateStore}, which passes on the calls of the
 * {@link StateStore} interface (commit with its changelog offsets, the committed offsets the store manages, position,
 * queries, close) and lets Kafka find the stores inside.
 */
public final class IndexDerivingStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
        implements KeyValueStore<Bytes, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexDerivingStore.class);
    /** Records per batch of a rebuild: RocksDB writes a batch at once, so this bounds the memory it takes. */
    private static final int REBUILD_BATCH = 20_000;

    private final KeyValueStore<Bytes, byte[]> inner;
    private LastRead lastRead;
    private DerivingRestore restore;
    private StateStoreContext context;
    private volatile CommittedTables committed;

    private IndexDerivingStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
        this.inner = inner;
    }

    /** Wraps a store of raw bytes (Kafka's RocksDB store in the topology). */
    public static IndexDerivingStore wrap(KeyValueStore<Bytes, byte[]> inner) {
        return new IndexDerivingStore(inner);
    }

    /** A supplier of {@code inner}'s stores, each wrapped. */
    public static KeyValueBytesStoreSupplier supplier(KeyValueBytesStoreSupplier inner) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return wrap(inner.get());
            }

            @Override
            public String metricsScope() {
                return inner.metricsScope();
            }
        };
    }

    /** True when the (open) store holds indexes derived by this release: it is, or wraps, an open deriving store. */
    public static boolean derives(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
        return Arrays.equals(store.get(Bytes.wrap(DerivedEntries.STATE_KEY)), DerivedEntries.STATE_VALUE);
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        lastRead = null;
        context = stateStoreContext;
        inner.init(new RestoreInterceptingContext(stateStoreContext, this::intercept), root);
        if (restore == null) {
            throw new IllegalStateException(name() + ": the inner store registered no restore callback");
        }
        if (!derives(inner)) {
            rebuild();
        }
        committed = publishStored();
    }

    private StateRestoreCallback intercept(StateRestoreCallback innerCallback) {
        restore = new DerivingRestore(innerCallback, inner::get, (k, v) -> committed.apply(k, v));
        return restore;
    }

    /** The committed tables of what the store holds as it opens (about half a second per 500,000 destinations). */
    private CommittedTables publishStored() {
        long started = System.nanoTime();
        CommittedTables tables = new CommittedTables();
        for (int namespace : CommittedTables.NAMESPACES) {
            try (KeyValueIterator<Bytes, byte[]> it = inner.range(Bytes.wrap(new byte[]{(byte) namespace}),
                    Bytes.wrap(new byte[]{(byte) (namespace + 1)}))) {
                it.forEachRemaining(kv -> {
                    if (CommittedTables.publishes(kv.key.get())) { // Kafka's ranges include their upper bound
                        tables.apply(kv.key.get(), kv.value);
                    }
                });
            }
        }
        if (tables.destinations() > 0) {
            LOG.info("{} of task {}: published {} destinations for queries in {} ms", name(), context.taskId(),
                    tables.destinations(), (System.nanoTime() - started) / 1_000_000);
        }
        return tables;
    }

    /**
     * Deletes whatever the derived namespaces hold, derives every destination's entries and then marks the indexes
     * complete, in batches written as restored records are; an interrupted rebuild leaves no mark and starts over.
     */
    private void rebuild() {
        long started = System.nanoTime();
        Batches out = new Batches();
        try (KeyValueIterator<Bytes, byte[]> it = inner.range(Bytes.wrap(DerivedEntries.FIRST),
                Bytes.wrap(DerivedEntries.END))) {
            it.forEachRemaining(kv -> {
                if (DerivedEntries.isDerived(kv.key.get())) { // Kafka's ranges include their upper bound
                    out.add(kv.key.get(), null);
                }
            });
        }
        long destinations = 0;
        try (KeyValueIterator<Bytes, byte[]> it = inner.range(Bytes.wrap(DerivedEntries.DESTINATIONS),
                Bytes.wrap(DerivedEntries.DESTINATIONS_END))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                if (DerivedEntries.isDestination(kv.key.get())) {
                    DerivedEntries.entries(kv.key.get(), kv.value, out::add);
                    destinations++;
                }
            }
        }
        out.add(DerivedEntries.STATE_KEY, DerivedEntries.STATE_VALUE);
        out.flush();
        if (destinations > 0) {
            LOG.info("{} of task {}: derived the indexes of {} destinations in {} ms", name(), context.taskId(),
                    destinations, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Rebuild records, written a batch at a time. */
    private final class Batches {
        private List<KeyValue<byte[], byte[]>> batch = new ArrayList<>();

        void add(byte[] key, byte[] value) {
            batch.add(KeyValue.pair(key, value));
            if (batch.size() >= REBUILD_BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                restore.write(batch, name(), context.taskId().partition());
                batch = new ArrayList<>();
            }
        }
    }

    // ---- writes: destinations with their index entries, in one batch ----------------------------------------

    @Override
    public void put(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        checkWritable(key);
        if (DerivedEntries.isDestination(key.get())) {
            inner.putAll(withIndexes(List.of(KeyValue.pair(key, value))));
        } else {
            inner.put(key, value);
        }
        committed.stage(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        checkWritable(key);
        if (!DerivedEntries.isDestination(key.get())) {
            byte[] old = inner.putIfAbsent(key, value);
            if (old == null) {
                committed.stage(key, value);
            }
            return old;
        }
        byte[] old = stored(key);
        if (old == null && value != null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(e -> checkWritable(Objects.requireNonNull(e.key, "key cannot be null")));
        inner.putAll(entries.stream().anyMatch(e -> DerivedEntries.isDestination(e.key.get()))
                ? withIndexes(entries) : entries);
        entries.forEach(e -> committed.stage(e.key, e.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "key cannot be null");
        checkWritable(key);
        if (!DerivedEntries.isDestination(key.get())) {
            committed.stage(key, null);
            return inner.delete(key);
        }
        byte[] old = stored(key);
        inner.putAll(withIndexes(List.of(KeyValue.pair(key, null))));
        committed.stage(key, null);
        return old;
    }

    /**
     * The entries followed by each destination's index entries; a later entry's old value is an earlier one's. The
     * destination read last is forgotten, as it is about to change.
     */
    private List<KeyValue<Bytes, byte[]>> withIndexes(List<KeyValue<Bytes, byte[]>> entries) {
        List<KeyValue<Bytes, byte[]>> out = new ArrayList<>(entries.size() * 4);
        Map<Bytes, byte[]> written = new HashMap<>();
        for (KeyValue<Bytes, byte[]> e : entries) {
            out.add(e);
            if (DerivedEntries.isDestination(e.key.get())) {
                byte[] old = written.containsKey(e.key) ? written.get(e.key) : stored(e.key);
                DerivedEntries.diff(e.key.get(), old, e.value, (k, v) -> out.add(KeyValue.pair(Bytes.wrap(k), v)));
                written.put(e.key, e.value);
            }
        }
        lastRead = null;
        return out;
    }

    /** What the store holds under a destination key: what the processor has just read there, or else RocksDB's. */
    private byte[] stored(Bytes key) {
        LastRead last = lastRead;
        return last != null && last.holds(key) ? last.value() : inner.get(key);
    }

    private void checkWritable(Bytes key) {
        if (DerivedEntries.isDerived(key.get())) {
            throw new IllegalArgumentException(name() + ": the derived indexes are written by the store alone");
        }
    }

    // ---- reads and everything else are the inner store's ----------------------------------------------------

    @Override
    public byte[] get(Bytes key) {
        byte[] value = inner.get(key);
        if (DerivedEntries.isDestination(key.get())) {
            lastRead = new LastRead(Thread.currentThread(), key, value);
        }
        return value;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
        return inner.readOnly(isolationLevel);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        lastRead = null;
        super.commit(changelogOffsets);
        committed.publish();
    }

    @Override
    public void close() {
        lastRead = null;
        CommittedTables tables = committed;
        if (tables != null) {
            tables.close();
        }
        super.close();
    }

    /** Answers {@link CommittedTables#QUERY} with this store's committed tables; every other query is RocksDB's. */
    @Override
    @SuppressWarnings("unchecked")
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        if (query != CommittedTables.QUERY) {
            return super.query(query, positionBound, config);
        }
        CommittedTables tables = committed;
        if (tables == null || !tables.isOpen()) {
            return QueryResult.forFailure(FailureReason.NOT_PRESENT, name() + " is not open");
        }
        QueryResult<R> result = QueryResult.forResult((R) tables);
        result.setPosition(getPosition());
        return result;
    }

    /**
     * The destination the processor read last, so that writing it back needs no second read of RocksDB (an advert
     * reads its destination and then writes it). It is the reading thread's own and lasts until a destination is
     * written or the store commits or closes, so it is never older than what the store holds: nothing else writes
     * the store in between (a restore never runs while the task processes, and Kafka's RocksDB store discards staged
     * writes only by closing). One immutable record, so that a reader never sees half of another's.
     */
    private record LastRead(Thread reader, Bytes key, byte[] value) {

        boolean holds(Bytes k) {
            return reader == Thread.currentThread() && k.equals(key);
        }
    }

    /** Kafka's {@link WrappedStateStore} leaves this deprecated call out; passed on all the same. */
    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        inner.flush();
    }
}
