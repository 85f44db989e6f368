package io.rtmstreams.streams.state;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.internals.StateRestoreCallbackAdapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The restore callback {@link IndexDerivingStore} registers in place of its inner store's: each batch of changelog
 * records (the tail after a crash, a new instance's whole changelog, a standby's updates) goes to the inner store
 * with the index entries of its destinations after each of them, so that the inner store writes both in one batch
 * (RocksDB: one WriteBatch) and the indexes are never behind the destinations they follow from. A destination's old
 * value is what the store holds, or what an earlier record of the same batch wrote. The inner callback also writes
 * {@linkplain #write records of the store's own}, as a rebuild does.
 */
final class DerivingRestore implements RecordBatchingStateRestoreCallback {

    private final RecordBatchingStateRestoreCallback inner;
    private final Function<Bytes, byte[]> stored;
    private final BiConsumer<byte[], byte[]> restored;

    /** {@code restored} is told each changelog record once the inner store holds it. */
    DerivingRestore(StateRestoreCallback inner, Function<Bytes, byte[]> stored, BiConsumer<byte[], byte[]> restored) {
        this.inner = StateRestoreCallbackAdapter.adapt(inner);
        this.stored = stored;
        this.restored = restored;
    }

    @Override
    public void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>(records.size() * 2);
        Map<Bytes, byte[]> written = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.add(r);
            if (DerivedEntries.isDestination(r.key())) {
                Bytes key = Bytes.wrap(r.key());
                byte[] old = written.containsKey(key) ? written.get(key) : stored.apply(key);
                DerivedEntries.diff(r.key(), old, r.value(), (k, v) -> out.add(
                        new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), k, v)));
                written.put(key, r.value());
            }
        }
        inner.restoreBatch(out);
        records.forEach(r -> restored.accept(r.key(), r.value()));
    }

    /**
     * Writes records that no changelog holds (derived entries, their state) to the inner store the way restored
     * records are written: at once, in one batch, around the transaction a processor's writes are staged in.
     */
    void write(List<KeyValue<byte[], byte[]>> records, String topic, int partition) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.size());
        for (KeyValue<byte[], byte[]> kv : records) {
            batch.add(new ConsumerRecord<>(topic, partition, -1L, kv.key, kv.value));
        }
        inner.restoreBatch(batch);
    }
}
