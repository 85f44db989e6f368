package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.List;

/** An event for one entity (R18, R19, R84, R29, R108): what RTMv2 delivers through the entity's callback. */
public sealed interface EntityEvent {

    TableId table();

    EntityId recipient();

    /** RTM_ENTITY_REGISTERED: another entity of the table registered (R19). */
    record Registered(TableId table, EntityId recipient, EntityId subject) implements EntityEvent {
    }

    /** RTM_ENTITY_DEREGISTERED: another entity of the table deregistered (R19, R26). */
    record Deregistered(TableId table, EntityId recipient, EntityId subject) implements EntityEvent {
    }

    /** RTM_ROUTE_EXPIRED: one of the recipient's routes reached its TTL (R84, D7). */
    record RouteExpired(TableId table, EntityId recipient, Prefix dest, Route route) implements EntityEvent {
    }

    /** A method of the recipient was invoked (R29); {@code methodBits} are the method-type bits (A2). */
    record MethodInvoked(TableId table, EntityId recipient, String invocationId, EntityId caller,
                         List<String> methods, long methodBits, String input) implements EntityEvent {
    }

    /** The answer to a method the recipient invoked (R29). */
    record MethodResult(TableId table, EntityId recipient, String invocationId, EntityId target, Status status,
                        String output) implements EntityEvent {
    }

    /** SYNCED: another entity of the table sent SYNC, and everything before it has been applied (D30). */
    record Synced(TableId table, EntityId recipient, EntityId subject, String marker) implements EntityEvent {
    }
}
