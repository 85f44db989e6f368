package io.rtmstreams.streams.state;

import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.DerivedIndexes;
import io.rtmstreams.rtm.state.StoreSpec;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * {@link DerivedIndexes} on the physical keys and values of {@link StoreRegistry#TABLE_STATE}: which keys are
 * destinations, which belong to the derived indexes, and a destination write's index entries as physical records
 * (a null value deletes).
 */
final class DerivedEntries {

    /**
     * The derivation the indexes of a store were built by, kept under {@link #STATE_KEY}. A release that changes
     * what {@link DerivedIndexes} derives increments it, and every store rebuilds its indexes once on opening.
     */
    static final byte DERIVATION = 1;
    static final byte[] STATE_KEY = {(byte) StoreRegistry.DERIVED_STATE_NAMESPACE};
    static final byte[] STATE_VALUE = {DERIVATION};
    /** The first key of the derived namespaces and the first after them (their state included). */
    static final byte[] FIRST = {(byte) StoreRegistry.FIRST_DERIVED_NAMESPACE};
    static final byte[] END = {(byte) (StoreRegistry.DERIVED_STATE_NAMESPACE + 1)};
    static final byte[] DESTINATIONS = {(byte) StoreRegistry.DESTINATIONS_NAMESPACE};
    static final byte[] DESTINATIONS_END = {(byte) (StoreRegistry.DESTINATIONS_NAMESPACE + 1)};

    private static final Codec<Destination> CODEC = StoreRegistry.namespace(
            io.rtmstreams.rtm.RtmStores.DESTINATIONS).codec();

    private DerivedEntries() {
    }

    static boolean isDestination(byte[] key) {
        return key.length > 1 && key[0] == StoreRegistry.DESTINATIONS_NAMESPACE;
    }

    static boolean isDerived(byte[] key) {
        int ns = key.length == 0 ? -1 : key[0] & 0xFF;
        return ns >= StoreRegistry.FIRST_DERIVED_NAMESPACE && ns <= StoreRegistry.DERIVED_STATE_NAMESPACE;
    }

    /** Hands {@code out} the records that turn the index entries of {@code oldValue} into those of {@code newValue}. */
    static void diff(byte[] key, byte[] oldValue, byte[] newValue, BiConsumer<byte[], byte[]> out) {
        if (Arrays.equals(oldValue, newValue)) {
            return;
        }
        DerivedIndexes.diff(Arrays.copyOfRange(key, 1, key.length), decode(oldValue), decode(newValue), sink(out));
    }

    /** Hands {@code out} every index entry of one stored destination. */
    static void entries(byte[] key, byte[] value, BiConsumer<byte[], byte[]> out) {
        diff(key, null, value, out);
    }

    private static Destination decode(byte[] value) {
        return value == null ? null : CODEC.decode(value);
    }

    private static DerivedIndexes.Sink sink(BiConsumer<byte[], byte[]> out) {
        return new DerivedIndexes.Sink() {
            @Override
            public <V> void put(StoreSpec<V> store, byte[] key, V value) {
                StoreRegistry.Namespace<V> ns = StoreRegistry.namespace(store);
                out.accept(physical(ns.id(), key), ns.codec().encode(value));
            }

            @Override
            public void delete(StoreSpec<?> store, byte[] key) {
                out.accept(physical(StoreRegistry.namespace(store).id(), key), null);
            }
        };
    }

    private static byte[] physical(int namespace, byte[] key) {
        byte[] k = new byte[key.length + 1];
        k[0] = (byte) namespace;
        System.arraycopy(key, 0, k, 1, key.length);
        return k;
    }
}
