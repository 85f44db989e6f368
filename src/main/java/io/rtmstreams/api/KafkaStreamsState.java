package io.rtmstreams.api;

import io.rtmstreams.streams.ViewPrefixPartitioner;
import io.rtmstreams.streams.state.CommittedTables;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query API's view of a running {@link KafkaStreams}: a key belongs to the instance holding the active task of
 * its partition (every store key starts with the router and the inputs are keyed by router, D2; the fleet store's
 * key is {@code view|prefix}, partitioned as rtm.best-routes, D27), found through Kafka Streams' metadata and the
 * {@code application.server} each instance advertises. Only a RUNNING instance answers: while rebalancing, ownership is moving and answers could be stale.
 */
public final class KafkaStreamsState implements StateAccess {

    /** What the ownership decision reads from Kafka Streams; an interface so the decision is testable alone. */
    interface Metadata {

        KafkaStreams.State state();

        KeyQueryMetadata forKey(String store, String key);

        ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition);

        CommittedTables committedTables(int partition);
    }

    private final Metadata streams;
    private final HostInfo self;

    KafkaStreamsState(Metadata streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** Over {@code streams}, whose {@code application.server} is {@code self}. */
    public static KafkaStreamsState of(KafkaStreams streams, HostInfo self) {
        return new KafkaStreamsState(new Live(streams), self);
    }

    @Override
    public String state() {
        return streams.state().name();
    }

    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public Owner owner(String store, String key) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Owner.Unavailable("Kafka Streams is " + state + "; queries are answered once it is RUNNING");
        }
        KeyQueryMetadata md;
        try {
            md = streams.forKey(store, key);
        } catch (IllegalStateException | StreamsException e) {
            return new Owner.Unavailable("the owner of '" + key + "' is not known yet: " + e.getMessage());
        }
        HostInfo host = md == null ? null : md.activeHost();
        if (host == null || host.equals(HostInfo.unavailable()) || md.partition() < 0) {
            return new Owner.Unavailable("no instance holds the partition of '" + key + "' yet");
        }
        return host.equals(self) ? new Owner.Local(md.partition()) : new Owner.Remote(host.host(), host.port());
    }

    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
        return streams.store(name, partition);
    }

    @Override
    public CommittedTables committedTables(int partition) {
        return streams.committedTables(partition);
    }

    /**
     * The live instance. Store handles are kept per (store, partition): Kafka Streams resolves the underlying store
     * on every call and throws InvalidStateStoreException once the partition has moved, so a kept handle never
     * reads a store this instance no longer owns.
     */
    private static final class Live implements Metadata {
        private final KafkaStreams streams;
        private final StringSerializer keys = new StringSerializer();
        private final ViewPrefixPartitioner<Object> byPrefix = new ViewPrefixPartitioner<>();
        private final Map<String, ReadOnlyKeyValueStore<Bytes, byte[]>> handles = new ConcurrentHashMap<>();
        private final Map<Integer, CommittedTables> tables = new ConcurrentHashMap<>();

        Live(KafkaStreams streams) {
            this.streams = streams;
        }

        @Override
        public KafkaStreams.State state() {
            return streams.state();
        }

        /** The fleet store is in the partition of its source, rtm.best-routes, which is by view|prefix (D27). */
        @Override
        public KeyQueryMetadata forKey(String store, String key) {
            return store.equals(StoreRegistry.FLEET_STATE) ? streams.queryMetadataForKey(store, key, byPrefix)
                    : streams.queryMetadataForKey(store, key, keys);
        }

        /**
         * Asked of the active task's store (IQv2) once, and again when the store it came from has closed: the task
         * moved, or was closed and opened again, and the new store publishes tables of its own.
         */
        @Override
        public CommittedTables committedTables(int partition) {
            CommittedTables kept = tables.get(partition);
            if (kept != null && kept.isOpen()) {
                return kept;
            }
            StateQueryResult<CommittedTables> r = streams.query(StateQueryRequest.inStore(StoreRegistry.TABLE_STATE)
                    .withQuery(CommittedTables.QUERY).withPartitions(Set.of(partition)).requireActive());
            QueryResult<CommittedTables> result = r.getPartitionResults().get(partition);
            if (result == null || !result.isSuccess()) {
                return null;
            }
            tables.put(partition, result.getResult());
            return result.getResult();
        }

        @Override
        public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
            return handles.computeIfAbsent(name + "#" + partition, k -> streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                            .withPartition(partition)));
        }
    }
}
