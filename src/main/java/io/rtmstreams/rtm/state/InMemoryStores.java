package io.rtmstreams.rtm.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link StoreProvider} of sorted in-memory maps: the engine's state for unit tests and benchmarks. */
public final class InMemoryStores implements StoreProvider {

    private final Map<String, InMemoryStore<?>> stores = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <V> OrderedStore<V> store(StoreSpec<V> spec) {
        return (OrderedStore<V>) stores.computeIfAbsent(spec.name(), n -> new InMemoryStore<V>());
    }

    /** Number of entries in the named store (for tests). */
    public int size(StoreSpec<?> spec) {
        InMemoryStore<?> s = stores.get(spec.name());
        return s == null ? 0 : s.map.size();
    }

    /**
     * A deep, comparable copy of every store's entries: store name to (hex key to value), both in order. Values are
     * immutable records, so equal snapshots mean equal state (tests compare the state before and after a command).
     */
    public Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        stores.forEach((name, store) -> {
            Map<String, Object> entries = new TreeMap<>();
            store.map.forEach((k, v) -> entries.put(HexFormat.of().formatHex(k), v));
            out.put(name, Collections.unmodifiableMap(entries));
        });
        return Collections.unmodifiableMap(out);
    }

    static final class InMemoryStore<V> implements OrderedStore<V> {

        private final TreeMap<byte[], V> map = new TreeMap<>(Arrays::compareUnsigned);

        @Override
        public V get(byte[] key) {
            return map.get(key);
        }

        @Override
        public void put(byte[] key, V value) {
            map.put(key, value);
        }

        @Override
        public void delete(byte[] key) {
            map.remove(key);
        }

        @Override
        public Cursor<V> range(byte[] from, byte[] to) {
            return cursor(view(from, to));
        }

        @Override
        public Cursor<V> reverseRange(byte[] from, byte[] to) {
            return cursor(view(from, to).descendingMap());
        }

        private NavigableMap<byte[], V> view(byte[] from, byte[] to) {
            if (from != null && to != null) {
                if (Arrays.compareUnsigned(from, to) >= 0) {
                    return new TreeMap<>(Arrays::compareUnsigned);
                }
                return map.subMap(from, true, to, false);
            }
            if (from != null) {
                return map.tailMap(from, true);
            }
            if (to != null) {
                return map.headMap(to, false);
            }
            return map;
        }

        private static <V> Cursor<V> cursor(NavigableMap<byte[], V> view) {
            // Lazy, like a RocksDB iterator. Writing to the store while a cursor is open is a bug in the caller
            // (the TreeMap iterator then fails fast), so the engine collects keys first and writes afterwards.
            Iterator<Map.Entry<byte[], V>> source = view.entrySet().iterator();
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public Entry<V> next() {
                    Map.Entry<byte[], V> e = source.next();
                    return new Entry<>(e.getKey(), e.getValue());
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
