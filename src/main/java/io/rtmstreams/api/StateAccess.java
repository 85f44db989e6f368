package io.rtmstreams.api;

import io.rtmstreams.streams.state.CommittedTables;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the query API needs of the running topology: its state, who owns a key, and the stores of a local partition.
 * {@link KafkaStreamsState} implements it on a {@code KafkaStreams} instance; tests implement it on a
 * {@code TopologyTestDriver}, so the server is the same in both.
 */
public interface StateAccess {

    /** The processing state as Kafka Streams names it (RUNNING, REBALANCING, …). */
    String state();

    /** True when queries can be answered: Kafka Streams is RUNNING. */
    boolean ready();

    /** The owner of {@code key} in {@code store}'s partitioning (input topics are keyed by router, D2). */
    Owner owner(String store, String key);

    /** A store of a partition this instance owns ({@link Owner.Local}), for reading. */
    ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition);

    /**
     * What the table store of a partition this instance owns publishes at each commit, or null when it publishes
     * nothing now (the queries then read the store itself); by default, nothing.
     */
    default CommittedTables committedTables(int partition) {
        return null;
    }

    /** Before Kafka Streams exists: not ready, nothing owned. */
    StateAccess NOT_STARTED = new StateAccess() {
        @Override
        public String state() {
            return "NOT_STARTED";
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public Owner owner(String store, String key) {
            return new Owner.Unavailable("Kafka Streams has not started yet");
        }

        @Override
        public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
            throw new IllegalStateException("no stores before Kafka Streams starts");
        }
    };
}
