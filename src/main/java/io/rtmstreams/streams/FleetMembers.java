package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.util.RawValue;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.streams.json.Json;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.state.BinaryReader;
import io.rtmstreams.streams.state.BinaryWriter;
import io.rtmstreams.streams.state.Codec;
import io.rtmstreams.streams.state.KafkaOrderedStore;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet view's store: one member entry per (view, prefix, router, instance), keyed {@code view|prefix} 0x00,
 * router 0x00, instance (u16), so one prefix's members are one range in router order. The fleet aggregator writes
 * it and the query API reads it; both go through this class, so the key layout is written down once.
 */
public final class FleetMembers {

    /**
     * Members are kept as their JSON, which is exactly what the fleet record lists: written once when the member
     * changes, and copied into every fleet record without being parsed again.
     */
    private static final Codec<RawValue> MEMBER = new Codec<>() {
        @Override
        public void write(RawValue v, BinaryWriter out) {
            out.raw(((String) v.rawValue()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public RawValue read(BinaryReader in) {
            return new RawValue(new String(in.rest(), StandardCharsets.UTF_8));
        }
    };

    private final OrderedStore<RawValue> members;

    private FleetMembers(OrderedStore<RawValue> members) {
        this.members = members;
    }

    /** Over the aggregator's writable store. */
    static FleetMembers of(KeyValueStore<Bytes, byte[]> store) {
        return new FleetMembers(KafkaOrderedStore.of(store, KafkaOrderedStore.WHOLE_STORE, MEMBER));
    }

    /** Over a store opened for interactive queries. */
    public static FleetMembers readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
        return new FleetMembers(KafkaOrderedStore.readOnly(store, KafkaOrderedStore.WHOLE_STORE, MEMBER));
    }

    /** Sets (or, for null, removes) one router's entry under a {@code view|prefix} key. */
    void put(String fleetKey, String router, int rtmInstance, OutputJson.FleetRouter entry) {
        byte[] key = KeyBuilder.of(base(fleetKey), router.length() + 3).string(router).u16(rtmInstance).build();
        if (entry == null) {
            members.delete(key);
        } else {
            try {
                members.put(key, new RawValue(Json.MAPPER.writeValueAsString(entry)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Every router's entry under a {@code view|prefix} key, in router then instance order, as the JSON of its
     * {@link OutputJson.FleetRouter}.
     */
    public List<RawValue> routers(String fleetKey) {
        byte[] base = base(fleetKey);
        List<RawValue> routers = new ArrayList<>();
        try (Cursor<RawValue> c = members.range(base, KeyBuilder.prefixEnd(base))) {
            c.forEachRemaining(e -> routers.add(e.value()));
        }
        return routers;
    }

    private static byte[] base(String fleetKey) {
        return new KeyBuilder(64).string(fleetKey).build();
    }
}
