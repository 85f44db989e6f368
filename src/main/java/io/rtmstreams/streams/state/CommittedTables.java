package io.rtmstreams.streams.state;

import io.rtmstreams.iphlp.CommittedReads;
import io.rtmstreams.iphlp.IphlpStores;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.DestinationIndex;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.TableId;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the table store publishes at each commit for the query API ({@link CommittedReads}): every destination in a
 * {@link DestinationIndex} and every router's interface generation, so that GetBestRoute2 reads no store. Kafka's
 * RocksDB store takes its monitor on every get and iterator, so the query threads and the stream thread queued
 * behind each other on it, and a lookup covered only by a short prefix opened an iterator per probe.
 *
 * <p><b>Committed state only.</b> The stream thread's writes are staged here as the transactional store stages
 * them, and published when the store commits ({@link #publish}), after which interactive queries read them too; a
 * task closed without committing drops them with the store. Restored records are committed already and go in at
 * once, as does the whole store when it opens ({@link IndexDerivingStore#init}), so a restore after a crash, a new
 * instance and a standby's promotion all publish what the store holds. A lookup reads each destination as one
 * commit left it; one that walks several prefixes while a commit is published may see some of its destinations
 * and not others, as a walk of several store reads could.
 *
 * <p>One writer (the task's stream thread, or its restore), any number of readers.
 */
public final class CommittedTables implements CommittedReads {

    /** The interactive query (IQv2) that hands out a table store's committed tables. */
    public static final Query<CommittedTables> QUERY = new Query<>() {
        @Override
        public String toString() {
            return "CommittedTables.QUERY";
        }
    };

    private static final int GENERATIONS_NAMESPACE = StoreRegistry.namespace(IphlpStores.INTERFACE_GENERATIONS).id();
    /** The namespaces of the table store it publishes. */
    static final int[] NAMESPACES = {StoreRegistry.DESTINATIONS_NAMESPACE, GENERATIONS_NAMESPACE};
    private static final Codec<Destination> DESTINATIONS = StoreRegistry.namespace(RtmStores.DESTINATIONS).codec();
    private static final Codec<Long> GENERATIONS = StoreRegistry.namespace(IphlpStores.INTERFACE_GENERATIONS).codec();

    private final DestinationIndex<byte[]> destinations = new DestinationIndex<>(DESTINATIONS::decode);
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    /** The stream thread's writes since the last commit, in order; a null value deletes. */
    private final Map<Bytes, byte[]> staged = new LinkedHashMap<>();
    private volatile boolean open = true;

    /**
     * The committed tables a table store publishes, asked of the store itself (any layer above
     * {@link IndexDerivingStore}); null when it publishes none now. A running application asks Kafka Streams (IQv2)
     * instead, which also checks that the task is active here.
     */
    public static CommittedTables of(StateStore store) {
        QueryResult<CommittedTables> r = store.query(QUERY, PositionBound.unbounded(), new QueryConfig(false));
        return r.isSuccess() ? r.getResult() : null;
    }

    /** True for the keys (with their namespace byte) of the stores this publishes. */
    static boolean publishes(byte[] key) {
        return key.length > 1 && (key[0] == StoreRegistry.DESTINATIONS_NAMESPACE
                || (key[0] & 0xFF) == GENERATIONS_NAMESPACE);
    }

    /** A write of the stream thread, visible once the store commits. */
    void stage(Bytes key, byte[] value) {
        if (publishes(key.get())) {
            staged.put(key, value);
        }
    }

    /** The store committed: its staged writes are readable now. */
    void publish() {
        staged.forEach((k, v) -> apply(k.get(), v));
        staged.clear();
    }

    /** A record the store holds committed (opened or restored): readable at once. */
    void apply(byte[] key, byte[] value) {
        if (DerivedEntries.isDestination(key)) {
            destinations.put(Arrays.copyOfRange(key, 1, key.length), value);
        } else if (publishes(key)) {
            String router = IphlpStores.routerOfGeneration(Arrays.copyOfRange(key, 1, key.length));
            if (value == null) {
                generations.remove(router);
            } else {
                generations.put(router, GENERATIONS.decode(value));
            }
        }
    }

    /** The store closed: what was staged is gone with it, and readers must ask the next store. */
    void close() {
        open = false;
        staged.clear();
    }

    /** False once the store it belongs to has closed (the task moved, or is being restored anew). */
    public boolean isOpen() {
        return open;
    }

    /** Destinations held, over all tables. */
    public long destinations() {
        return destinations.size();
    }

    @Override
    public Destination longestCovering(TableId t, Prefix prefix, int viewMask) {
        return destinations.longestCovering(t, prefix, viewMask);
    }

    @Override
    public long interfaceGeneration(String router) {
        return generations.getOrDefault(router, 0L);
    }
}
