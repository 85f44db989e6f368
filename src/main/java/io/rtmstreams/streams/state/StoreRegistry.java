package io.rtmstreams.streams.state;

import io.rtmstreams.iphlp.IphlpStores;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreProvider;
import io.rtmstreams.rtm.state.StoreSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
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
 *
 * <p>The indexes that follow from the destinations ({@link RtmStores#DERIVED}) are written by the table store
 * itself, below its changelog layer ({@link IndexDerivingStore}): a destination costs one changelog record, and a
 * restore derives them again. Version 1 logged them in namespaces 2 (live and deleted routes), 3 and 4; the derived
 * ones have new namespaces, so that nothing version 1 wrote is taken for one, and namespace 2 keeps only the deleted
 * routes, which follow from no destination (R80), once {@link Version1Indexes} has deleted the rest.
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

    /** Where {@link RtmStores#DESTINATIONS} lives: the records the derived indexes follow from. */
    public static final int DESTINATIONS_NAMESPACE = 1;
    /** Version 1's logged owner index: only read to be deleted ({@link Version1Indexes}); never reuse. */
    public static final int V1_OWNER_INDEX = 3;
    /** Version 1's logged interface index: only read to be deleted ({@link Version1Indexes}); never reuse. */
    public static final int V1_INTERFACE_INDEX = 4;
    /**
     * Was the pending changes of RTMv2's signal-and-drain delivery, which the topology never used (so nothing was
     * ever written there) and which is gone; never reuse, all the same.
     */
    public static final int RETIRED_PENDING_CHANGES = 10;
    /**
     * The derived indexes ({@link RtmStores#DERIVED}) live in the namespaces from here up to
     * {@link #DERIVED_STATE_NAMESPACE}, which {@link IndexDerivingStore} writes below the changelog and nothing
     * above it may write.
     */
    public static final int FIRST_DERIVED_NAMESPACE = 21;
    /** The derived indexes' own state (which derivation they are complete for); unlogged, like them. */
    public static final int DERIVED_STATE_NAMESPACE = 25;

    /** The logical stores of {@link #TABLE_STATE}, by name. */
    public static final Map<String, Namespace<?>> TABLE_NAMESPACES = tableNamespaces();

    private StoreRegistry() {
    }

    private static Map<String, Namespace<?>> tableNamespaces() {
        Map<String, Namespace<?>> m = new LinkedHashMap<>();
        add(m, RtmStores.DESTINATIONS, DESTINATIONS_NAMESPACE, RtmCodecs.DESTINATION);
        add(m, RtmStores.DELETED_ROUTES, 2, RtmCodecs.ROUTE_LOCATION); // version 1's whole route index
        add(m, RtmStores.NEXT_HOPS, 5, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.NEXT_HOP_IDENTITIES, 6, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.ENTITIES, 7, RtmCodecs.ENTITY);
        add(m, RtmStores.REGISTRATIONS, 8, RtmCodecs.REGISTRATION);
        add(m, RtmStores.MARKS, 9, RtmCodecs.MARKER);
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
        add(m, RtmStores.LIVE_ROUTES, 21, RtmCodecs.ROUTE_LOCATION);
        add(m, RtmStores.OWNED_ROUTES, 22, RtmCodecs.MARKER);
        add(m, RtmStores.INTERFACE_USES, 23, RtmCodecs.MARKER);
        add(m, RtmStores.NEIGHBOUR_ROUTES, 24, RtmCodecs.MARKER);
        add(m, IphlpStores.INTERFACES, 32, IphlpCodecs.ROW);
        add(m, IphlpStores.INTERFACE_INDEXES, 33, IphlpCodecs.INDEX_SLOT);
        add(m, IphlpStores.INTERFACE_GENERATIONS, 34, RtmCodecs.LONG);
        if (m.size() != RtmStores.ALL.size() + IphlpStores.ALL.size()
                || m.values().stream().map(Namespace::id).distinct().count() != m.size()
                || m.values().stream().anyMatch(ns -> ns.id() == V1_OWNER_INDEX || ns.id() == V1_INTERFACE_INDEX
                || ns.id() == RETIRED_PENDING_CHANGES || ns.id() == DERIVED_STATE_NAMESPACE)) {
            throw new IllegalStateException("every store of the domain needs its own namespace and a codec");
        }
        if (RtmStores.DERIVED.stream().anyMatch(spec -> {
            int id = m.get(spec.name()).id();
            return id < FIRST_DERIVED_NAMESPACE || id >= DERIVED_STATE_NAMESPACE;
        })) {
            throw new IllegalStateException("derived indexes live in namespaces " + FIRST_DERIVED_NAMESPACE + " to "
                    + (DERIVED_STATE_NAMESPACE - 1));
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
        KeyValueBytesStoreSupplier rocksDb = Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(name.equals(TABLE_STATE) ? IndexDerivingStore.supplier(rocksDb) : rocksDb,
                        Serdes.Bytes(), Serdes.ByteArray())
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

    /**
     * The domain's stores on the task's {@link #TABLE_STATE}, which must be built by {@link #builder} (or wrap its
     * store in {@link IndexDerivingStore}): the domain leaves the derived indexes to it.
     */
    public static StoreProvider provider(KeyValueStore<Bytes, byte[]> tableState) {
        if (!IndexDerivingStore.derives(tableState)) {
            throw new IllegalStateException(tableState.name() + " does not derive its indexes: build it with "
                    + "StoreRegistry.builder or IndexDerivingStore");
        }
        return new DerivingProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                Namespace<V> ns = namespace(spec);
                return KafkaOrderedStore.of(tableState, ns.id(), ns.codec());
            }
        };
    }

    /** The domain's stores, read-only, over an interactive-query view of {@link #TABLE_STATE}. */
    public static StoreProvider readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> tableState) {
        return new DerivingProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                Namespace<V> ns = namespace(spec);
                return KafkaOrderedStore.readOnly(tableState, ns.id(), ns.codec());
            }
        };
    }

    /** Stores over {@link #TABLE_STATE}, whose derived indexes the store keeps. */
    private abstract static class DerivingProvider implements StoreProvider {
        @Override
        public boolean derivesIndexes() {
            return true;
        }
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
