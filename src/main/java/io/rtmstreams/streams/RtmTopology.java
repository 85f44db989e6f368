package io.rtmstreams.streams;

import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.List;


/**
 * Builds the one topology of rtm-streams from its settings (the only factory; the runtime and every test call it):
 * <pre>
 * route-adverts     ┐                     placed             ┌► command-results, entity-events, notifications,
 *                   ├► placement-check ─────────► table-processor ─┤  rejected
 * interface-changes ┘        │ misplaced           ▲ (RTM + IP   └► best-routes, dest-changes (by view|prefix)
 *                            └► reroute topic ─────┘  Helper)           │
 *                                                     best-routes ◄─────┘ ► fleet-aggregator ► fleet-routes
 * </pre>
 * The table processor owns every router's state (inputs keyed by router, D2). A record its producer's partitioner
 * put on another partition than its router's comes back to the right one through the reroute topic (D23), an
 * internal topic of the application ({@code <application.id>-reroute-repartition}) with the inputs' partition
 * count. Best routes, destination changes and fleet records are partitioned by their {@code view|prefix}
 * ({@link ViewPrefixPartitioner}, contract.md, Partitioning of outputs), so the fleet aggregator, a second
 * sub-topology, reads the committed best routes back from their own topic and finds every router's best route for
 * a prefix in that prefix's partition (D27).
 */
public final class RtmTopology {

    private RtmTopology() {
    }

    public static Topology build(StreamsSettings settings, ProcessorMetrics metrics) {
        Topics topics = settings.topics();
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        KeySerializer keys = new KeySerializer();
        JsonSerializer json = new JsonSerializer();

        Serde<byte[]> raw = Serdes.ByteArray();
        StreamsBuilder b = new StreamsBuilder();
        b.stream(List.of(topics.routeAdverts(), topics.interfaceChanges()),
                        Consumed.with(raw, raw).withName(Nodes.INPUT_SOURCE))
                .process(() -> new PlacementCheck(settings.inputPartitions(), metrics), Named.as(Nodes.PLACEMENT_CHECK))
                .repartition(Repartitioned.<byte[], byte[]>as(Nodes.REROUTE_TOPIC).withKeySerde(raw).withValueSerde(raw)
                        .withStreamPartitioner(Placement.partitioner()));
        Topology t = b.build();
        t.addProcessor(Nodes.TABLE_PROCESSOR, () -> new TableProcessor(settings, metrics), Nodes.PLACEMENT_CHECK,
                Nodes.REROUTE_SOURCE);
        t.addStateStore(StoreRegistry.builder(StoreRegistry.TABLE_STATE), Nodes.TABLE_PROCESSOR);
        StringSerializer text = new StringSerializer();
        ViewPrefixPartitioner<Object> byPrefix = new ViewPrefixPartitioner<>();
        t.addSink(Nodes.COMMAND_RESULTS_SINK, topics.commandResults(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.BEST_ROUTES_SINK, topics.bestRoutes(), text, json, byPrefix, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.DEST_CHANGES_SINK, topics.destChanges(), text, json, byPrefix, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.ENTITY_EVENTS_SINK, topics.entityEvents(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.NOTIFICATIONS_SINK, topics.notifications(), keys, json, Nodes.TABLE_PROCESSOR);
        t.addSink(Nodes.REJECTED_SINK, topics.rejected(), keys, json, Nodes.TABLE_PROCESSOR);

        if (settings.fleetView()) { // --fleet-view=false: no sub-topology, no store, no rtm.fleet-routes records
            t.addSource(Nodes.BEST_ROUTES_SOURCE, new StringDeserializer(), bytes, topics.bestRoutes());
            t.addProcessor(Nodes.FLEET_AGGREGATOR, FleetProcessor::new, Nodes.BEST_ROUTES_SOURCE);
            t.addStateStore(StoreRegistry.builder(StoreRegistry.FLEET_STATE), Nodes.FLEET_AGGREGATOR);
            t.addSink(Nodes.FLEET_ROUTES_SINK, topics.fleetRoutes(), text, json, byPrefix, Nodes.FLEET_AGGREGATOR);
        }
        return t;
    }
}
