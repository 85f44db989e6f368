package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.DestinationLookup;

/**
 * What the owner of a store publishes for readers in other threads at each commit, so that the hot reads of
 * GetBestRoute2 need no store: the destinations by longest match, and each router's interface generation (the
 * value {@link IphlpStores#INTERFACE_GENERATIONS} holds). Both must show committed state only, like the stores'
 * interactive queries.
 */
public interface CommittedReads extends DestinationLookup {

    /** The router's committed interface generation; 0 when it has none. */
    long interfaceGeneration(String router);
}
