package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A durable deadline (D8): a route's TTL, a destination's hold-down, or the end of a deleted route's retention.
 * Deadlines are data in a time-ordered store, so a deadline that passed while nothing was running fires at the
 * next check.
 */
public record TimerRef(Kind kind, long deadline, TableId table, Prefix dest, long routeId) {

    public enum Kind {
        /** A route's time to live ran out (R84). */
        ROUTE_TTL,
        /** A destination's hold-down ends (R95). */
        HOLD_DOWN,
        /** A deleted route stops being readable by id (R80). */
        ROUTE_RETENTION
    }
}
