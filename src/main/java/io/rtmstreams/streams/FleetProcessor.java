package io.rtmstreams.streams;

import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The fleet view (D27): reads {@code rtm.best-routes}, whose partition holds every router's best route for a prefix
 * (contract.md, Partitioning of outputs), keeps one member per (router, rtmInstance) table that has one
 * ({@link FleetMembers}), and publishes {@code {view, prefix, routerCount, version}} to {@code rtm.fleet-routes}
 * when the number of members changes, a tombstone when it falls to 0. A change costs O(1) in the routers reaching
 * the prefix: the member's presence before and after decides whether the tally moves.
 *
 * <p>Under exactly-once the aggregator reads best routes only once the table processor committed them
 * (read_committed), so it never counts a best route that an aborted transaction took back. One table's records
 * come from one task and keep their order in the partition; records of different tables interleave in commit
 * order, which changes the intermediate counts but not where they end, nor the number of fleet records.
 */
final class FleetProcessor implements Processor<String, byte[], String, Object> {

    private ProcessorContext<String, Object> ctx;
    private FleetMembers members;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ctx = context;
        members = FleetMembers.of(context.getStateStore(StoreRegistry.FLEET_STATE));
    }

    /** A best route ({@code router|rtmInstance|view|prefix} → record) or its tombstone. */
    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        int viewPrefix = ViewPrefixPartitioner.viewPrefixStart(key);
        int bar = key.indexOf('|');
        if (bar < 1 || bar >= viewPrefix - 2) {
            throw new IllegalArgumentException("not a best-route key (router|rtmInstance|view|prefix): " + key);
        }
        String fleetKey = key.substring(viewPrefix);
        FleetMembers.Tally t = members.put(fleetKey, key.substring(0, bar),
                Integer.parseInt(key, bar + 1, viewPrefix - 1, 10),
                record.value() == null ? null : FleetMember.of(record.value()));
        if (t != null) {
            ctx.forward(new Record<>(fleetKey, t.count() == 0 ? null : fleetRoute(fleetKey, t), record.timestamp()),
                    Nodes.FLEET_ROUTES_SINK);
        }
    }

    private static OutputJson.FleetRoute fleetRoute(String fleetKey, FleetMembers.Tally t) {
        int bar = fleetKey.indexOf('|');
        return new OutputJson.FleetRoute(fleetKey.substring(0, bar), fleetKey.substring(bar + 1), t.count(),
                t.version());
    }
}
