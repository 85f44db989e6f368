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
 * its changelog). Several logical stores may share one physical store: each then has a namespace byte that
 * prefixes its keys (and is taken off again when keys are read back), so ranges never leave the namespace. Kafka's
 * ranges include both bounds; the port's upper bound is exclusive, so the one entry equal to it is skipped. A store
 * opened for interactive queries is read-only.
 */
public final class KafkaOrderedStore<V> implements OrderedStore<V> {

    /** No namespace: the keys are used as they are. */
    public static final int WHOLE_STORE = -1;

    private final ReadOnlyKeyValueStore<Bytes, byte[]> reads;
    private final KeyValueStore<Bytes, byte[]> writes;
    private final int namespace;
    private final Codec<V> codec;

    private KafkaOrderedStore(ReadOnlyKeyValueStore<Bytes, byte[]> reads, KeyValueStore<Bytes, byte[]> writes,
                              int namespace, Codec<V> codec) {
        if (namespace < WHOLE_STORE || namespace > 0xFF) {
            throw new IllegalArgumentException("a namespace is one byte");
        }
        this.reads = reads;
        this.writes = writes;
        this.namespace = namespace;
        this.codec = codec;
    }

    public static <V> KafkaOrderedStore<V> of(KeyValueStore<Bytes, byte[]> store, int namespace, Codec<V> codec) {
        return new KafkaOrderedStore<>(store, store, namespace, codec);
    }

    public static <V> KafkaOrderedStore<V> readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store, int namespace,
                                                    Codec<V> codec) {
        return new KafkaOrderedStore<>(store, null, namespace, codec);
    }

    @Override
    public V get(byte[] key) {
        byte[] v = reads.get(physical(key));
        return v == null ? null : codec.decode(v);
    }

    @Override
    public void put(byte[] key, V value) {
        writable().put(physical(key), codec.encode(value));
    }

    @Override
    public void delete(byte[] key) {
        writable().delete(physical(key));
    }

    @Override
    public Cursor<V> range(byte[] from, byte[] to) {
        if (empty(from, to)) {
            return EmptyCursor.instance();
        }
        Bytes upper = upper(to);
        return new StoreCursor<>(reads.range(lower(from), upper), upper, namespace, codec);
    }

    @Override
    public Cursor<V> reverseRange(byte[] from, byte[] to) {
        if (empty(from, to)) {
            return EmptyCursor.instance();
        }
        Bytes upper = upper(to);
        return new StoreCursor<>(reads.reverseRange(lower(from), upper), upper, namespace, codec);
    }

    private Bytes physical(byte[] key) {
        if (namespace == WHOLE_STORE) {
            return Bytes.wrap(key);
        }
        byte[] k = new byte[key.length + 1];
        k[0] = (byte) namespace;
        System.arraycopy(key, 0, k, 1, key.length);
        return Bytes.wrap(k);
    }

    /** The inclusive lower bound: the namespace's first key when open. */
    private Bytes lower(byte[] from) {
        if (from != null) {
            return physical(from);
        }
        return namespace == WHOLE_STORE ? null : Bytes.wrap(new byte[]{(byte) namespace});
    }

    /** The exclusive upper bound: the next namespace's first key when open. */
    private Bytes upper(byte[] to) {
        if (to != null) {
            return physical(to);
        }
        if (namespace == WHOLE_STORE || namespace == 0xFF) {
            return null;
        }
        return Bytes.wrap(new byte[]{(byte) (namespace + 1)});
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

    /** Iterates a Kafka range, leaving out the entry equal to the exclusive bound and the namespace byte. */
    private static final class StoreCursor<V> implements Cursor<V> {
        private final KeyValueIterator<Bytes, byte[]> it;
        private final Bytes exclusive;
        private final int namespace;
        private final Codec<V> codec;
        private KeyValue<Bytes, byte[]> next;

        StoreCursor(KeyValueIterator<Bytes, byte[]> it, Bytes exclusive, int namespace, Codec<V> codec) {
            this.it = it;
            this.exclusive = exclusive;
            this.namespace = namespace;
            this.codec = codec;
            try {
                advance();
            } catch (RuntimeException | Error e) {
                closeAfter(e);
                throw e;
            }
        }

        /** The caller never gets a cursor to close, so the Kafka iterator is closed here. */
        private void closeAfter(Throwable failure) {
            try {
                it.close();
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }

        private void advance() {
            next = null;
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                if (exclusive == null || !kv.key.equals(exclusive)) {
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
            byte[] k = next.key.get();
            Entry<V> e = new Entry<>(namespace == WHOLE_STORE ? k : Arrays.copyOfRange(k, 1, k.length),
                    codec.decode(next.value));
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
