package io.rtmstreams.streams.state;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The domain's {@link OrderedStore} port on a Kafka Streams key-value store of raw bytes (RocksDB by default, with
 * its changelog). Kafka's ranges include both bounds; the port's upper bound is exclusive, so the one entry equal
 * to it is skipped. A store opened for interactive queries is read-only.
 */
public final class KafkaOrderedStore<V> implements OrderedStore<V> {

    private final ReadOnlyKeyValueStore<Bytes, byte[]> reads;
    private final KeyValueStore<Bytes, byte[]> writes;
    private final Codec<V> codec;

    private KafkaOrderedStore(ReadOnlyKeyValueStore<Bytes, byte[]> reads, KeyValueStore<Bytes, byte[]> writes,
                              Codec<V> codec) {
        this.reads = reads;
        this.writes = writes;
        this.codec = codec;
    }

    public static <V> KafkaOrderedStore<V> of(KeyValueStore<Bytes, byte[]> store, Codec<V> codec) {
        return new KafkaOrderedStore<>(store, store, codec);
    }

    public static <V> KafkaOrderedStore<V> readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store, Codec<V> codec) {
        return new KafkaOrderedStore<>(store, null, codec);
    }

    @Override
    public V get(byte[] key) {
        byte[] v = reads.get(Bytes.wrap(key));
        return v == null ? null : codec.decode(v);
    }

    @Override
    public void put(byte[] key, V value) {
        writable().put(Bytes.wrap(key), codec.encode(value));
    }

    @Override
    public void delete(byte[] key) {
        writable().delete(Bytes.wrap(key));
    }

    @Override
    public Cursor<V> range(byte[] from, byte[] to) {
        if (empty(from, to)) {
            return EmptyCursor.instance();
        }
        return new StoreCursor<>(reads.range(wrap(from), wrap(to)), to, codec);
    }

    @Override
    public Cursor<V> reverseRange(byte[] from, byte[] to) {
        if (empty(from, to)) {
            return EmptyCursor.instance();
        }
        return new StoreCursor<>(reads.reverseRange(wrap(from), wrap(to)), to, codec);
    }

    private KeyValueStore<Bytes, byte[]> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("this store is open for queries only");
        }
        return writes;
    }

    private static boolean empty(byte[] from, byte[] to) {
        return from != null && to != null && Arrays.compareUnsigned(from, to) >= 0;
    }

    private static Bytes wrap(byte[] b) {
        return b == null ? null : Bytes.wrap(b);
    }

    /** Iterates a Kafka range, leaving out the entry equal to the exclusive bound. */
    private static final class StoreCursor<V> implements Cursor<V> {
        private final KeyValueIterator<Bytes, byte[]> it;
        private final byte[] exclusive;
        private final Codec<V> codec;
        private KeyValue<Bytes, byte[]> next;

        StoreCursor(KeyValueIterator<Bytes, byte[]> it, byte[] exclusive, Codec<V> codec) {
            this.it = it;
            this.exclusive = exclusive;
            this.codec = codec;
            advance();
        }

        private void advance() {
            next = null;
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                if (exclusive == null || !Arrays.equals(kv.key.get(), exclusive)) {
                    next = kv;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry<V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Entry<V> e = new Entry<>(next.key.get(), codec.decode(next.value));
            advance();
            return e;
        }

        @Override
        public void close() {
            it.close();
        }
    }

    private static final class EmptyCursor {
        @SuppressWarnings("rawtypes")
        private static final Cursor INSTANCE = new Cursor() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public Object next() {
                throw new NoSuchElementException();
            }

            @Override
            public void close() {
            }
        };

        @SuppressWarnings("unchecked")
        static <V> Cursor<V> instance() {
            return INSTANCE;
        }
    }
}
