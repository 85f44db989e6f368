package io.rtmstreams.streams.state;

import io.rtmstreams.rtm.RouteLocation;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.WorkBudget;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deletes the index entries version 1 logged, which the derived indexes replace: the live routes of namespace 2
 * (its deleted routes stay: they are the {@link RtmStores#DELETED_ROUTES} store), then namespaces 4 and 3. The
 * deletes go through the task's store, so they are logged: left in the changelog, the entries would come back with
 * every restore. Nothing reads them any more (the engine ignores a "live" entry of namespace 2), so this runs in
 * bounded steps (D24) after the task has started, and once done costs nothing.
 *
 * <p>A version 1 state with a live route has an owner entry (namespace 3) for it, and the owner entries go last,
 * so "namespace 3 or 4 holds an entry" tells, with two seeks, whether anything of version 1's is left, even after a
 * restart in the middle. The one-time cost is about one logged delete per route for each of the three indexes
 * (1.5 million changelog records for a full table of 497,000 routes), a step of {@code --step-size} at a time.
 */
public final class Version1Indexes {

    private static final int[] ORDER = {2, StoreRegistry.V1_INTERFACE_INDEX, StoreRegistry.V1_OWNER_INDEX};
    private static final Codec<RouteLocation> LOCATION = StoreRegistry.namespace(RtmStores.DELETED_ROUTES).codec();

    private final KeyValueStore<Bytes, byte[]> store;
    private int phase;
    private byte[] after;

    private Version1Indexes(KeyValueStore<Bytes, byte[]> store, boolean pending) {
        this.store = store;
        this.phase = pending ? 0 : ORDER.length;
    }

    /** The entries left in the task's {@link StoreRegistry#TABLE_STATE}, as the processor writes it (logged). */
    public static Version1Indexes of(KeyValueStore<Bytes, byte[]> tableState) {
        return new Version1Indexes(tableState, holdsAny(tableState, StoreRegistry.V1_OWNER_INDEX)
                || holdsAny(tableState, StoreRegistry.V1_INTERFACE_INDEX));
    }

    public boolean pending() {
        return phase < ORDER.length;
    }

    /** Deletes what the budget allows, one unit per entry read; true when nothing is left. */
    public boolean step(WorkBudget budget) {
        while (pending() && budget.hasRoom()) {
            List<Bytes> doomed = new ArrayList<>();
            boolean more = read(ORDER[phase], budget, doomed);
            doomed.forEach(store::delete);
            if (!more) {
                phase++;
                after = null;
            }
        }
        return !pending();
    }

    /** Reads the namespace on from the last key, noting what to delete; false when it has no more entries. */
    private boolean read(int namespace, WorkBudget budget, List<Bytes> doomed) {
        Bytes from = Bytes.wrap(after != null ? after : new byte[]{(byte) namespace});
        try (KeyValueIterator<Bytes, byte[]> it = store.range(from, Bytes.wrap(new byte[]{(byte) (namespace + 1)}))) {
            while (budget.hasRoom()) {
                if (!it.hasNext()) {
                    return false;
                }
                KeyValue<Bytes, byte[]> kv = it.next();
                if (kv.key.get().length > 1 && (namespace != 2 || LOCATION.decode(kv.value).isLive())) {
                    doomed.add(kv.key);
                }
                after = Arrays.copyOf(kv.key.get(), kv.key.get().length + 1); // the first key after it
                budget.spend(1);
            }
            return true;
        }
    }

    private static boolean holdsAny(KeyValueStore<Bytes, byte[]> store, int namespace) {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(Bytes.wrap(new byte[]{(byte) namespace}),
                Bytes.wrap(new byte[]{(byte) (namespace + 1)}))) {
            while (it.hasNext()) {
                if (it.next().key.get().length > 1) {
                    return true;
                }
            }
            return false;
        }
    }
}
