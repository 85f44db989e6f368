package io.rtmstreams.iphlp;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.DestinationIndex;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.StoreProvider;

/**
 * What a store's owner would publish for the stores' state as it is now ({@link CommittedReads}): every destination
 * in a {@link DestinationIndex}, and the stored interface generations. Tests read GetBestRoute2 through it beside
 * the stores' own walk.
 */
final class CommittedSnapshot implements CommittedReads {

    private final StoreProvider stores;
    private final DestinationIndex<Destination> index = new DestinationIndex<>(d -> d);

    private CommittedSnapshot(StoreProvider stores) {
        this.stores = stores;
        try (Cursor<Destination> c = stores.store(RtmStores.DESTINATIONS).range(null, null)) {
            while (c.hasNext()) {
                Cursor.Entry<Destination> e = c.next();
                index.put(e.key(), e.value());
            }
        }
    }

    static CommittedSnapshot of(StoreProvider stores) {
        return new CommittedSnapshot(stores);
    }

    @Override
    public Destination longestCovering(TableId t, Prefix prefix, int viewMask) {
        return index.longestCovering(t, prefix, viewMask);
    }

    @Override
    public long interfaceGeneration(String router) {
        Long g = stores.store(IphlpStores.INTERFACE_GENERATIONS).get(IphlpKeys.router(router));
        return g == null ? 0 : g;
    }
}
