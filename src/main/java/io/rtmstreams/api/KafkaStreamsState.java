package io.rtmstreams.api;

import io.rtmstreams.streams.ViewPrefixPartitioner;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Map;
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

        @Override
        public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
            return handles.computeIfAbsent(name + "#" + partition, k -> streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                            .withPartition(partition)));
        }
    }
}
