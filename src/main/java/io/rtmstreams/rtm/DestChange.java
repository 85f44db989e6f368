package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * What one operation did to one destination in one view (R100–R104): the change types, why, and the destination's
 * state afterwards. {@code version} counts the changes of this (destination, view) and increases by one with each
 * (D21); {@code best} is null when the view has no best route.
 */
public record DestChange(TableId table, Prefix prefix, View view, long version, int changeTypes, Cause cause,
                         BestRoute best, int numRoutes, Route holdRoute, long lastChanged) {
}
