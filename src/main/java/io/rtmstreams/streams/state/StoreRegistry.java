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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every state store of the topology, named once (their names name the changelog topics), with the codec of its
 * values. All are persistent (RocksDB), cached and changelogged, so state survives restarts and moves with its
 * task.
 */
public final class StoreRegistry {

    /** The stores of the table processor: the RTM engine's and the IP Helper rows. */
    public static final Map<String, Registered<?>> TABLE_STORES = tableStores();

    /** A store and its value codec. */
    public record Registered<V>(StoreSpec<V> spec, Codec<V> codec) {
    }

    private StoreRegistry() {
    }

    private static Map<String, Registered<?>> tableStores() {
        Map<String, Registered<?>> m = new LinkedHashMap<>();
        add(m, RtmStores.DESTINATIONS, RtmCodecs.DESTINATION);
        add(m, RtmStores.ROUTE_INDEX, RtmCodecs.ROUTE_LOCATION);
        add(m, RtmStores.OWNER_INDEX, RtmCodecs.MARKER);
        add(m, RtmStores.INTERFACE_INDEX, RtmCodecs.MARKER);
        add(m, RtmStores.NEXT_HOPS, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.NEXT_HOP_IDENTITIES, RtmCodecs.NEXT_HOP);
        add(m, RtmStores.ENTITIES, RtmCodecs.ENTITY);
        add(m, RtmStores.REGISTRATIONS, RtmCodecs.REGISTRATION);
        add(m, RtmStores.MARKS, RtmCodecs.MARKER);
        add(m, RtmStores.PENDING_CHANGES, RtmCodecs.MARKER);
        add(m, RtmStores.ROUTE_LISTS, RtmCodecs.MARKER);
        add(m, RtmStores.ROUTE_LIST_MEMBERS, RtmCodecs.MARKER);
        add(m, RtmStores.INVOCATIONS, RtmCodecs.INVOCATION);
        add(m, RtmStores.INVOCATION_QUEUE, RtmCodecs.STRING);
        add(m, RtmStores.OPAQUE, RtmCodecs.STRING);
        add(m, RtmStores.TIMERS, RtmCodecs.TIMER);
        add(m, RtmStores.COUNTERS, RtmCodecs.LONG);
        add(m, IphlpStores.INTERFACES, IphlpCodecs.ROW);
        add(m, IphlpStores.INTERFACE_INDEXES, IphlpCodecs.INDEX_SLOT);
        if (m.size() != RtmStores.ALL.size() + IphlpStores.ALL.size()) {
            throw new IllegalStateException("every store of the domain needs a codec");
        }
        return Map.copyOf(m);
    }

    private static <V> void add(Map<String, Registered<?>> m, StoreSpec<V> spec, Codec<V> codec) {
        m.put(spec.name(), new Registered<>(spec, codec));
    }

    /** Builders of the named stores, persistent, cached, with changelogs. */
    public static List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> builders(Iterable<String> names) {
        List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> out = new ArrayList<>();
        for (String name : names) {
            out.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                    Serdes.ByteArray()).withCachingEnabled().withLoggingEnabled(Map.of()));
        }
        return out;
    }

    /** The engine's stores on the task's Kafka Streams stores, looked up by name. */
    public static StoreProvider provider(Map<String, Registered<?>> registry,
                                         Function<String, KeyValueStore<Bytes, byte[]>> lookup) {
        return new StoreProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                return KafkaOrderedStore.of(lookup.apply(spec.name()), codec(registry, spec));
            }
        };
    }

    /** The engine's stores, read-only, for interactive queries. */
    public static StoreProvider readOnly(Map<String, Registered<?>> registry,
                                         Function<String, ReadOnlyKeyValueStore<Bytes, byte[]>> lookup) {
        return new StoreProvider() {
            @Override
            public <V> OrderedStore<V> store(StoreSpec<V> spec) {
                return KafkaOrderedStore.readOnly(lookup.apply(spec.name()), codec(registry, spec));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> Codec<V> codec(Map<String, Registered<?>> registry, StoreSpec<V> spec) {
        Registered<?> r = registry.get(spec.name());
        if (r == null || !r.spec().equals(spec)) {
            throw new IllegalArgumentException("store " + spec.name() + " is not registered");
        }
        return (Codec<V>) r.codec();
    }
}
