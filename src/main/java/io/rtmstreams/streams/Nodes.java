package io.rtmstreams.streams;

/** The names of the topology's sources, processors and sinks (described in topology/ and checked by a test). */
public final class Nodes {

    /** Both input topics (D2). */
    public static final String INPUT_SOURCE = "input-source";
    /** Sends a record on another partition than its router's through the reroute topic (D23). */
    public static final String PLACEMENT_CHECK = "placement-check";
    /** The reroute topic's name within the application: {@code <application.id>-reroute-repartition}. */
    static final String REROUTE_TOPIC = "reroute";
    /** Where the placement check sends a misplaced record: the head of the reroute topic's sink (DSL-named). */
    public static final String REROUTE = REROUTE_TOPIC + "-repartition-filter";
    /** The reroute topic's source, the table processor's second parent (DSL-named). */
    public static final String REROUTE_SOURCE = REROUTE_TOPIC + "-repartition-source";
    public static final String TABLE_PROCESSOR = "table-processor";
    public static final String COMMAND_RESULTS_SINK = "command-results-sink";
    public static final String BEST_ROUTES_SINK = "best-routes-sink";
    public static final String DEST_CHANGES_SINK = "dest-changes-sink";
    public static final String ENTITY_EVENTS_SINK = "entity-events-sink";
    public static final String NOTIFICATIONS_SINK = "notifications-sink";
    public static final String REJECTED_SINK = "rejected-sink";
    /** The fleet view's source: the app's own best-route output, read back in the prefix's partition (D27). */
    public static final String BEST_ROUTES_SOURCE = "best-routes-source";
    public static final String FLEET_AGGREGATOR = "fleet-aggregator";
    public static final String FLEET_ROUTES_SINK = "fleet-routes-sink";

    private Nodes() {
    }
}
