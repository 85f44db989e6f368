package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.List;

/**
 * A destination as the query calls return it (R34, R39): destination-wide fields plus one {@link ViewInfo} per
 * requested view in ascending view id; none when the query asked for RTM_VIEW_MASK_ANY.
 */
public record DestInfo(TableId table, Prefix prefix, int belongsToViews, long lastChanged, List<ViewInfo> views) {

    public DestInfo {
        views = List.copyOf(views);
    }
}
