package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.net.PrefixMap;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every table's destinations held in memory by prefix ({@link PrefixMap}), for longest-match reads that take no lock
 * and touch no store: GetBestRoute2's walk (D17) at the speed of a few hash probes. One thread writes it, with the
 * records the destination store holds; any number read.
 *
 * <p>It keeps each destination as the caller gives it ({@code E}) and turns into a {@link Destination} only the ones
 * a lookup reaches: the table store gives the encoded record, a fraction of the decoded one's size, which keeps a
 * million-destination table to about its stored size plus a hash entry per prefix. Retired destinations (R35) are kept as stored; the view filter skips them, as the
 * store's walk does.
 */
public final class DestinationIndex<E> implements DestinationLookup {

    private final Function<? super E, Destination> decoder;
    private final ConcurrentHashMap<TableId, PrefixMap<E>> tables = new ConcurrentHashMap<>();

    /** An empty index whose values {@code decoder} turns back into destinations. */
    public DestinationIndex(Function<? super E, Destination> decoder) {
        this.decoder = decoder;
    }

    /**
     * Records what the destination store now holds under {@code destinationKey} (a key of {@link RtmStores#DESTINATIONS}):
     * {@code encoded}, or nothing when null. Writer only.
     */
    public void put(byte[] destinationKey, E encoded) {
        TableId t = Keys.tableOf(destinationKey);
        Prefix p = Prefix.readKey(t.family(), destinationKey, t.keyPrefix().length);
        if (encoded != null) {
            tables.computeIfAbsent(t, x -> new PrefixMap<>(x.family())).put(p, encoded);
        } else {
            PrefixMap<E> m = tables.get(t);
            if (m != null) {
                m.remove(p);
            }
        }
    }

    /** Destinations held, over all tables. */
    public long size() {
        return tables.values().stream().mapToLong(PrefixMap::size).sum();
    }

    @Override
    public Destination longestCovering(TableId t, Prefix prefix, int viewMask) {
        NotificationOps.checkFamily(t, prefix);
        int mask = View.resolveQueryViews(viewMask);
        PrefixMap<E> m = tables.get(t);
        if (m == null) {
            return null;
        }
        return m.longestMatch(prefix, encoded -> {
            Destination d = decoder.apply(encoded);
            return d.visibleIn(mask) ? d : null;
        });
    }
}
