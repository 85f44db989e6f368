package io.rtmstreams.rtm.state;

import java.util.Iterator;

/** An iterator over store entries that must be closed (RocksDB iterators hold native resources). */
public interface Cursor<V> extends Iterator<Cursor.Entry<V>>, AutoCloseable {

    /** One key and its value. */
    record Entry<V>(byte[] key, V value) {
    }

    @Override
    void close();
}
