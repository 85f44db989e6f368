package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * Longest-match reads of a table's destinations, the walk GetBestRoute2 makes (D17, G1): {@link RtmQueries} answers
 * them from the stores, and a store's owner may publish a structure of its own that answers them faster (the query
 * API's committed index). Implementations must give the same answer for the same state.
 */
public interface DestinationLookup {

    /**
     * The longest existing destination covering {@code prefix} (its length at most the prefix's) with a live route
     * in {@code viewMask} (any existence for ANY), or null. Call again with the result's prefix shortened by one bit
     * to walk up.
     */
    Destination longestCovering(TableId t, Prefix prefix, int viewMask);
}
