package io.rtmstreams.streams.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A range that fails while the cursor is being opened still releases the store's iterator. */
class KafkaOrderedStoreFailureTest {

    @Test
    void shouldCloseTheStoreIteratorWhenOpeningARangeFails() {
        FailingIterator it = new FailingIterator();
        KafkaOrderedStore<String> store = KafkaOrderedStore.readOnly(storeReturning(it), 3, RtmCodecs.STRING);

        assertThatThrownBy(() -> store.range(null, null)).isInstanceOf(InvalidStateStoreException.class);
        assertThat(it.closed).isTrue();

        it.closed = false;
        assertThatThrownBy(() -> store.reverseRange(null, null)).isInstanceOf(InvalidStateStoreException.class);
        assertThat(it.closed).isTrue();
    }

    /** An iterator over a store that has just been closed, as after a rebalance. */
    private static final class FailingIterator implements KeyValueIterator<Bytes, byte[]> {
        boolean closed;

        @Override
        public boolean hasNext() {
            throw new InvalidStateStoreException("store is not open");
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            throw new InvalidStateStoreException("store is not open");
        }

        @Override
        public Bytes peekNextKey() {
            throw new InvalidStateStoreException("store is not open");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ReadOnlyKeyValueStore<Bytes, byte[]> storeReturning(KeyValueIterator<Bytes, byte[]> it) {
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public byte[] get(Bytes key) {
                return null;
            }

            @Override
            public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
                return it;
            }

            @Override
            public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
                return it;
            }

            @Override
            public KeyValueIterator<Bytes, byte[]> all() {
                return it;
            }

            @Override
            public long approximateNumEntries() {
                return 0;
            }
        };
    }
}
