package io.rtmstreams.streams.state;

import io.rtmstreams.iphlp.IphlpStores;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreProvider;
import io.rtmstreams.rtm.state.StoreSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every state store of the topology, named once. The domain's stores ({@link RtmStores}, {@link IphlpStores}) are
 * logical: they all live in one physical Kafka Streams store, {@link #TABLE_STATE}, each under its own one-byte
 * namespace that prefixes its keys. One RocksDB instance and one changelog per task instead of nineteen keeps a
 * task's memory, file handles, start-up and commit cost to one store's, while every logical store keeps its own key
 * order and codec. The namespace ids are part of the stored data: never renumber them.
 */
public final class StoreRegistry {

    /** The table processor's store: every router's RTM and IP Helper state. */
    public static final String TABLE_STATE = "rtm-table-state";
    /**
     * The fleet aggregator's store: per (view, prefix) a tally and one member per (router, instance)
     * ({@code FleetMembers}). Version 1's store, {@code rtm-fleet-members}, had members of another shape and no
     * tallies; the new name keeps its changelog and local files from being read as this one's.
     */
    public static final String FLEET_STATE = "rtm-fleet-view";

    /** A logical store: its spec, its namespace byte in {@link #TABLE_STATE}, and its value codec. */
    public record Namespace<V>(StoreSpec<V> spec, int id, Codec<V> codec) {
    }

    /** The logical stores of {@link #TABLE_STATE}, by name. */
    public static final Map<String, Namespace<?>> TABLE_NAMESPACES = tableNamespaces();

    private StoreRegistry() {
    }

    private static Map<String, Namespace<?>> tableNamespaces() {
        Map<String, Namespace<?>> m = new LinkedHashMap<>();
        add(m, RtmStores.DESTINATIONS, 1, RtmCodecs.DESTINATION);
        add(m, RtmStores.ROUTE_INDEX, 2, RtmCodecs.ROUTE_LOCATION);
        add(m, RtmStores.OWNER_INDEX, 3, RtmCodecs.MARKER);
        add(m, RtmStores.INTERFACE_INDEX, 4, RtmCodecs.MARKER);
        add(m, RtmStores.NEXT_HOPS, 5, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.NEXT_HOP_IDENTITIES, 6, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.ENTITIES, 7, RtmCodecs.ENTITY);
        add(m, RtmStores.REGISTRATIONS, 8, RtmCodecs.REGISTRATION);
        add(m, RtmStores.MARKS, 9, RtmCodecs.MARKER);
        add(m, RtmStores.PENDING_CHANGES, 10, RtmCodecs.MARKER);
        add(m, RtmStores.ROUTE_LISTS, 11, RtmCodecs.MARKER);
        add(m, RtmStores.ROUTE_LIST_MEMBERS, 12, RtmCodecs.MARKER);
        add(m, RtmStores.INVOCATIONS, 13, RtmCodecs.INVOCATION);
        add(m, RtmStores.INVOCATION_QUEUE, 14, RtmCodecs.STRING);
        add(m, RtmStores.OPAQUE, 15, RtmCodecs.STRING);
        add(m, RtmStores.TIMERS, 16, RtmCodecs.TIMER);
        add(m, RtmStores.COUNTERS, 17, RtmCodecs.LONG);
        add(m, RtmStores.PUBLISHED_NOTIFICATIONS, 18, RtmCodecs.LONG);
        add(m, RtmStores.ROUTER_TIMERS, 19, RtmCodecs.TIMER);
        add(m, RtmStores.PENDING_WORK, 20, RtmCodecs.PENDING_WORK);
        add(m, IphlpStores.INTERFACES, 32, IphlpCodecs.ROW);
        add(m, IphlpStores.INTERFACE_INDEXES, 33, IphlpCodecs.INDEX_SLOT);
        add(m, IphlpStores.INTERFACE_GENERATIONS, 34, RtmCodecs.LONG);
        if (m.size() != RtmStores.ALL.size() + IphlpStores.ALL.size()
                || m.values().stream().map(Namespace::id).distinct().count() != m.size()) {
            throw new IllegalStateException("every store of the domain needs its own namespace and a codec");
        }
        return Map.copyOf(m);
    }

    private static <V> void add(Map<String, Namespace<?>> m, StoreSpec<V> spec, int id, Codec<V> codec) {
        m.put(spec.name(), new Namespace<>(spec, id, codec));
    }

    /**
     * A builder of a named physical store: persistent (RocksDB), with a changelog, and without Kafka Streams' record
     * cache. Nearly every advert writes keys that no other advert of the same commit interval writes (a destination,
     * its index entries, a table's fleet member), so the cache coalesced almost nothing (only the router's id
     * counter: one more changelog record per advert without it) and cost its sorted-map upkeep plus a second pass at
     * each commit. End to end a full table loads about 13 % faster without it (README, Performance).
     */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled().withLoggingEnabled(Map.of());
    }

    /**
     * The topology's own namespace of {@link #TABLE_STATE}: the records that wait while their router's work is
     * pending (D24), so they survive restarts with that work.
     */
    public static final int WAITING_NAMESPACE = 64;

    /** The queues of waiting records on the task's {@link #TABLE_STATE}. */
    public static OrderedStore<WaitingEntry> waiting(KeyValueStore<Bytes, byte[]> tableState) {
        return KafkaOrderedStore.of(tableState, WAITING_NAMESPACE, WaitingEntry.CODEC);
    }

    /** The domain's stores on the task's {@link #TABLE_STATE}. */
    public static StoreProvider provider(KeyValueStore<Bytes, byte[]> tableState) {
        return new StoreProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                Namespace<V> ns = namespace(spec);
                return KafkaOrderedStore.of(tableState, ns.id(), ns.codec());
            }
        };
    }

    /** The domain's stores, read-only, over an interactive-query view of {@link #TABLE_STATE}. */
    public static StoreProvider readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> tableState) {
        return new StoreProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                Namespace<V> ns = namespace(spec);
                return KafkaOrderedStore.readOnly(tableState, ns.id(), ns.codec());
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static <V> Namespace<V> namespace(StoreSpec<V> spec) {
        Namespace<?> ns = TABLE_NAMESPACES.get(spec.name());
        if (ns == null || !ns.spec().equals(spec)) {
            throw new IllegalArgumentException("store " + spec.name() + " is not registered");
        }
        return (Namespace<V>) ns;
    }
}
