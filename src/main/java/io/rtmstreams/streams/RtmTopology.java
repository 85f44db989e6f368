package io.rtmstreams.streams;

import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;

import java.util.List;

/**
 * Builds the one topology of rtm-streams from its settings (the only factory; the runtime and every test call it):
 * <pre>
 * route-adverts     ┐                      ┌► command-results, best-routes, dest-changes,
 *                   ├► table-processor ────┤  entity-events, notifications, rejected
 * interface-changes ┘   (RTM + IP Helper)  └► internal.fleet-updates ► fleet-aggregator ► fleet-routes
 * </pre>
 * The table processor owns every router's state (inputs keyed by router, D2); the fleet aggregator is a second
 * sub-topology over best-route changes re-keyed by prefix.
 */
public final class RtmTopology {

    private RtmTopology() {
    }

    public static Topology build(StreamsSettings settings, ProcessorMetrics metrics) {
        Topics topics = settings.topics();
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        KeySerializer keys = new KeySerializer();
        JsonSerializer json = new JsonSerializer();

        Topology t = new Topology();
        t.addSource(Nodes.ROUTE_ADVERTS_SOURCE, bytes, bytes, topics.routeAdverts());
        t.addSource(Nodes.INTERFACE_CHANGES_SOURCE, bytes, bytes, topics.interfaceChanges());
        t.addProcessor(Nodes.TABLE_PROCESSOR, () -> new TableProcessor(settings, metrics), Nodes.ROUTE_ADVERTS_SOURCE,
                Nodes.INTERFACE_CHANGES_SOURCE);
        StoreRegistry.builders(StoreRegistry.TABLE_STORES.keySet().stream().sorted().toList())
                .forEach(b -> t.addStateStore(b, Nodes.TABLE_PROCESSOR));
        t.addSink(Nodes.COMMAND_RESULTS_SINK, topics.commandResults(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.BEST_ROUTES_SINK, topics.bestRoutes(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.DEST_CHANGES_SINK, topics.destChanges(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.ENTITY_EVENTS_SINK, topics.entityEvents(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.NOTIFICATIONS_SINK, topics.notifications(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.REJECTED_SINK, topics.rejected(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.FLEET_UPDATES_SINK, topics.fleetUpdates(), keys, json, Nodes.TABLE_PROCESSOR);

        t.addSource(Nodes.FLEET_UPDATES_SOURCE, new StringDeserializer(), bytes, topics.fleetUpdates());
        t.addProcessor(Nodes.FLEET_AGGREGATOR, FleetProcessor::new, Nodes.FLEET_UPDATES_SOURCE);
        StoreRegistry.builders(List.of(FleetMembers.STORE)).forEach(b -> t.addStateStore(b, Nodes.FLEET_AGGREGATOR));
        t.addSink(Nodes.FLEET_ROUTES_SINK, topics.fleetRoutes(), keys, json, Nodes.FLEET_AGGREGATOR);
        return t;
    }
}
