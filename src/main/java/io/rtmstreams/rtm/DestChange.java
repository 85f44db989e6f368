package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * What one operation did to one destination in one view (R100–R104): the change types, why, the best route before
 * and after (null for none), and the destination's state afterwards. {@code version} counts the changes of this
 * (destination, view) and increases by one with each (D21). {@code bestVersion} is the version of the best-route
 * record this change produces, or 0 when a best-route consumer would see nothing new (D21: no no-ops), such as a
 * second tombstone.
 */
public record DestChange(TableId table, Prefix prefix, View view, long version, long bestVersion, int changeTypes,
                         Cause cause, BestRoute previous, BestRoute best, int numRoutes, Route holdRoute,
                         long lastChanged) {

    /** True when this change produces a best-route record (a tombstone when {@link #best} is null). */
    public boolean hasBestRecord() {
        return bestVersion > 0;
    }
}
