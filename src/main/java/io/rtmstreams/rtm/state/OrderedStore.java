package io.rtmstreams.rtm.state;

/**
 * The storage port of the domain: a key-value store whose byte keys sort unsigned-lexicographically, which is the
 * order of Kafka Streams' RocksDB and in-memory stores. Every piece of RTM and IP Helper state lives in stores of
 * this shape; the typed tables of the engine encode their keys so that range scans are the queries they need.
 *
 * <p>Implementations need not be thread-safe: one engine instance owns its stores and uses them from one thread.
 *
 * @param <V> the value type; implementations that persist values use a codec per store
 */
public interface OrderedStore<V> {

    /** The value under {@code key}, or null. */
    V get(byte[] key);

    void put(byte[] key, V value);

    void delete(byte[] key);

    /** Entries with {@code from <= key < to} in ascending key order; a null bound is open. */
    Cursor<V> range(byte[] from, byte[] to);

    /** Entries with {@code from <= key < to} in descending key order; a null bound is open. */
    Cursor<V> reverseRange(byte[] from, byte[] to);
}
