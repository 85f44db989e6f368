package io.rtmstreams.streams;

import java.util.List;

/**
 * The topic names of the contract (contract.md, Topics), with a configurable prefix in place of {@code rtm.}. The
 * topology's one internal topic (the reroute topic, D23) is named and created by Kafka Streams.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "rtm.";

    public Topics {
        if (prefix == null) {
            prefix = DEFAULT_PREFIX;
        }
    }

    public String routeAdverts() {
        return prefix + "route-adverts";
    }

    public String interfaceChanges() {
        return prefix + "interface-changes";
    }

    /** Whether {@code topic} is one of the two input topics, which producers write (D2). */
    public boolean isInput(String topic) {
        return topic.equals(routeAdverts()) || topic.equals(interfaceChanges());
    }

    public String commandResults() {
        return prefix + "command-results";
    }

    public String bestRoutes() {
        return prefix + "best-routes";
    }

    public String destChanges() {
        return prefix + "dest-changes";
    }

    public String entityEvents() {
        return prefix + "entity-events";
    }

    public String notifications() {
        return prefix + "notifications";
    }

    public String fleetRoutes() {
        return prefix + "fleet-routes";
    }

    public String rejected() {
        return prefix + "rejected";
    }

    /** Every topic with its cleanup policy: compacted for full-state outputs (D21), delete for streams of events. */
    public List<TopicSpec> all() {
        return List.of(
                new TopicSpec(routeAdverts(), false, true),
                new TopicSpec(interfaceChanges(), false, true),
                new TopicSpec(commandResults(), false, false),
                new TopicSpec(bestRoutes(), true, false),
                new TopicSpec(destChanges(), false, false),
                new TopicSpec(entityEvents(), false, false),
                new TopicSpec(notifications(), true, false),
                new TopicSpec(fleetRoutes(), true, false),
                new TopicSpec(rejected(), false, false));
    }

    /** A topic, whether it is compacted, and whether it is an input keyed by router (co-partitioned, D2). */
    public record TopicSpec(String name, boolean compacted, boolean input) {
    }
}
