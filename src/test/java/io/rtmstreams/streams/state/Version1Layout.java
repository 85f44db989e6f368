package io.rtmstreams.streams.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a table state into the one version 1 wrote for the same input: its route-id index (live routes) in
 * namespace 2 with the deleted routes, its owner and interface indexes in namespaces 3 and 4, and no neighbour index
 * nor mark of derived indexes. {@code DerivedIndexesTest} shows that the derived entries are those version 1 wrote,
 * so moving them is what version 1 would have left.
 */
public final class Version1Layout {

    private static final Map<Integer, Integer> MOVES = Map.of(21, 2, 22, StoreRegistry.V1_OWNER_INDEX, 23,
            StoreRegistry.V1_INTERFACE_INDEX);

    private Version1Layout() {
    }

    /** Rewrites the table state under the store's index derivation, in RocksDB itself. */
    public static void rewrite(KeyValueStore<Bytes, byte[]> tableState) {
        KeyValueStore<Bytes, byte[]> rocksDb = tableState instanceof IndexDerivingStore d ? d.wrapped()
                : ((WrappedStateStore<?, ?, ?>) tableState).findInner(IndexDerivingStore.class).wrapped();
        for (Map.Entry<String, String> e : contents(rocksDb).entrySet()) {
            byte[] key = HexFormat.of().parseHex(e.getKey());
            if (DerivedEntries.isDerived(key)) {
                rocksDb.delete(Bytes.wrap(key));
                Integer to = MOVES.get(key[0] & 0xFF);
                if (to != null) {
                    key[0] = (byte) (int) to;
                    rocksDb.put(Bytes.wrap(key), HexFormat.of().parseHex(e.getValue()));
                }
            }
        }
    }

    /** Every entry of the store, hex key to hex value, in key order. */
    public static Map<String, String> contents(KeyValueStore<Bytes, byte[]> store) {
        Map<String, String> out = new TreeMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> out.put(HexFormat.of().formatHex(kv.key.get()),
                    HexFormat.of().formatHex(kv.value)));
        }
        return out;
    }

    /** The entries of the derived indexes and their mark. */
    public static Map<String, String> derived(Map<String, String> contents) {
        Map<String, String> out = new TreeMap<>(contents);
        out.keySet().removeIf(k -> !DerivedEntries.isDerived(HexFormat.of().parseHex(k)));
        return out;
    }
}
