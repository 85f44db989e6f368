package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.RawValue;
import io.rtmstreams.streams.json.Json;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.io.IOException;
import java.util.List;

/**
 * The fleet view (design.md, The shape): best-route changes of every router arrive re-keyed by {@code view|prefix}
 * (D2), one member entry per (router, instance) is kept ({@link FleetMembers}), and the full list of routers that
 * reach the prefix is published to the compacted fleet-routes topic, or a tombstone when none does.
 */
final class FleetProcessor implements Processor<String, byte[], String, Object> {

    private static final ObjectReader READER = Json.MAPPER.readerFor(FleetUpdate.class);

    private ProcessorContext<String, Object> ctx;
    private FleetMembers members;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ctx = context;
        members = FleetMembers.of(context.getStateStore(StoreRegistry.FLEET_STATE));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        FleetUpdate u;
        try {
            u = READER.readValue(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable fleet update on the internal topic", e);
        }
        members.put(record.key(), u.router(), u.rtmInstance(), u.best());
        List<RawValue> routers = members.routers(record.key());
        Object value = routers.isEmpty() ? null
                : new OutputJson.FleetRoute(u.view(), u.prefix(), routers.size(), routers);
        ctx.forward(new Record<>(record.key(), value, record.timestamp()), Nodes.FLEET_ROUTES_SINK);
    }
}
