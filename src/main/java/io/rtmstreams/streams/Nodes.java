package io.rtmstreams.streams;

/** The names of the topology's sources, processors and sinks (described in topology/ and checked by a test). */
public final class Nodes {

    public static final String ROUTE_ADVERTS_SOURCE = "route-adverts-source";
    public static final String INTERFACE_CHANGES_SOURCE = "interface-changes-source";
    public static final String TABLE_PROCESSOR = "table-processor";
    public static final String COMMAND_RESULTS_SINK = "command-results-sink";
    public static final String BEST_ROUTES_SINK = "best-routes-sink";
    public static final String DEST_CHANGES_SINK = "dest-changes-sink";
    public static final String ENTITY_EVENTS_SINK = "entity-events-sink";
    public static final String NOTIFICATIONS_SINK = "notifications-sink";
    public static final String REJECTED_SINK = "rejected-sink";
    public static final String FLEET_UPDATES_SINK = "fleet-updates-sink";
    public static final String FLEET_UPDATES_SOURCE = "fleet-updates-source";
    public static final String FLEET_AGGREGATOR = "fleet-aggregator";
    public static final String FLEET_ROUTES_SINK = "fleet-routes-sink";

    private Nodes() {
    }
}
