package io.rtmstreams.streams;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.streams.json.Json;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.state.BinaryReader;
import io.rtmstreams.streams.state.BinaryWriter;
import io.rtmstreams.streams.state.Codec;
import io.rtmstreams.streams.state.KafkaOrderedStore;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet view (design.md, The shape): best-route changes of every router arrive re-keyed by {@code view|prefix}
 * (D2), one member entry per (router, instance) is kept, and the full list of routers that reach the prefix is
 * published to the compacted fleet-routes topic, or a tombstone when none does.
 */
final class FleetProcessor implements Processor<String, byte[], String, Object> {


    /** Members are kept as their JSON, which is exactly what the fleet record lists. */
    private static final Codec<OutputJson.FleetRouter> MEMBER = new Codec<>() {
        @Override
        public void write(OutputJson.FleetRouter v, BinaryWriter out) {
            try {
                out.raw(Json.MAPPER.writeValueAsBytes(v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public OutputJson.FleetRouter read(BinaryReader in) {
            try {
                return Json.MAPPER.readValue(in.rest(), OutputJson.FleetRouter.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private ProcessorContext<String, Object> ctx;
    private OrderedStore<OutputJson.FleetRouter> members;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ctx = context;
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(StoreRegistry.FLEET_STATE);
        members = KafkaOrderedStore.of(store, KafkaOrderedStore.WHOLE_STORE, MEMBER);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        FleetUpdate u;
        try {
            u = Json.MAPPER.readValue(record.value(), FleetUpdate.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable fleet update on the internal topic", e);
        }
        byte[] base = new KeyBuilder(64).string(record.key()).build();
        byte[] key = KeyBuilder.of(base, u.router().length() + 3).string(u.router()).u16(u.rtmInstance()).build();
        if (u.best() == null) {
            members.delete(key);
        } else {
            members.put(key, u.best());
        }
        List<OutputJson.FleetRouter> routers = new ArrayList<>();
        try (Cursor<OutputJson.FleetRouter> c = members.range(base, KeyBuilder.prefixEnd(base))) {
            c.forEachRemaining(e -> routers.add(e.value()));
        }
        Object value = routers.isEmpty() ? null
                : new OutputJson.FleetRoute(u.view(), u.prefix(), routers.size(), routers);
        ctx.forward(new Record<>(record.key(), value, record.timestamp()), Nodes.FLEET_ROUTES_SINK);
    }
}
