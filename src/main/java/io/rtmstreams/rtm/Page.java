package io.rtmstreams.rtm;

import java.util.List;

/**
 * One batch of an enumeration (R126, R128): the items, where the next batch starts (null when there is none), and
 * NO_ERROR or, for the batch that reaches the end, ERROR_NO_MORE_ITEMS together with its items.
 */
public record Page<T, C>(List<T> items, C next, Status status) {

    public Page {
        items = List.copyOf(items);
    }

    static <T, C> Page<T, C> of(List<T> items, C next) {
        return new Page<>(items, next, next == null ? Status.ERROR_NO_MORE_ITEMS : Status.NO_ERROR);
    }
}
