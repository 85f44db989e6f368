package io.rtmstreams.rtm;

import java.util.List;

/**
 * A batch drained from a registration's pending changes (RtmGetChangedDests, R109–R111): the destinations as they
 * are now, and NO_ERROR or, when this batch emptied the queue, ERROR_NO_MORE_ITEMS (R110).
 */
public record ChangedDests(Status status, List<DestInfo> dests) {

    public ChangedDests {
        dests = List.copyOf(dests);
    }
}
