package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.StoreProvider;
import io.rtmstreams.rtm.state.StoreSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The indexes that are pure functions of the destinations (design.md, Indexes), and the one place that says what
 * they hold. For a destination of table {@code t} with prefix {@code p}, each of its routes {@code r} has
 * <ul>
 *   <li>{@link RtmStores#LIVE_ROUTES}: {@code router | r.id} → {@code RouteLocation.live(t, p)};</li>
 *   <li>{@link RtmStores#OWNED_ROUTES}: {@code t | r.owner | p | r.id} → true (D3);</li>
 *   <li>{@link RtmStores#NEIGHBOUR_ROUTES}, when r has a neighbour:
 *   {@code t | r.owner | neighbour address | p | neighbour interface index | r.id} → true (D29);</li>
 * </ul>
 * and each distinct non-zero interface index {@code i} of its routes' next hops has
 * {@link RtmStores#INTERFACE_USES}: {@code router | family | i | instance | p} → true (D14).
 *
 * <p>Since nothing else goes into them, whoever writes a destination can write its index entries with it, as the
 * {@linkplain #diff difference} between the entries of the record it replaces and those of the new one: the engine
 * over in-memory stores, and the Kafka store below its changelog layer (so the indexes cost no changelog record, and
 * a restore or a standby derives them from the restored destinations). Applying the differences of a destination's
 * successive records, from any starting record, leaves exactly the entries of the last one.
 */
public final class DerivedIndexes {

    /** Where a difference goes: entries to write and keys to delete, in that store. */
    public interface Sink {

        <V> void put(StoreSpec<V> store, byte[] key, V value);

        void delete(StoreSpec<?> store, byte[] key);
    }

    private DerivedIndexes() {
    }

    /** A sink that writes into the provider's stores (the engine's upkeep when its stores do not derive them). */
    public static Sink into(StoreProvider stores) {
        return new Sink() {
            @Override
            public <V> void put(StoreSpec<V> store, byte[] key, V value) {
                stores.store(store).put(key, value);
            }

            @Override
            public void delete(StoreSpec<?> store, byte[] key) {
                stores.store(store).delete(key);
            }
        };
    }

    /**
     * Writes to {@code out} what turns the entries of {@code before} into those of {@code after} (either may be null:
     * no record). Entries both have are left alone; deletes come before puts.
     */
    public static void diff(TableId t, Destination before, Destination after, Sink out) {
        if (sameEntries(before, after)) {
            return; // most writes: a route's cost, flags or best changed, not what the indexes hold
        }
        Map<Entry, Object> old = entries(t, before);
        Map<Entry, Object> now = entries(t, after);
        for (Entry e : old.keySet()) {
            if (!now.containsKey(e)) {
                out.delete(e.store(), e.key());
            }
        }
        now.forEach((e, value) -> {
            if (!value.equals(old.get(e))) {
                put(out, e, value);
            }
        });
    }

    /** The same for the record under a destination key of the store ({@code router | instance | family | prefix}). */
    public static void diff(byte[] destinationKey, Destination before, Destination after, Sink out) {
        if (before != null || after != null) {
            diff(Keys.tableOf(destinationKey), before, after, out);
        }
    }

    /** Every entry of one destination record: what a rebuild writes. */
    public static void entries(byte[] destinationKey, Destination d, Sink out) {
        diff(destinationKey, null, d, out);
    }

    /** A quick sufficient test: the same routes, in the same order, with the same indexed fields. */
    private static boolean sameEntries(Destination before, Destination after) {
        if (before == null || after == null || !before.prefix().equals(after.prefix())
                || before.routes().size() != after.routes().size()) {
            return false;
        }
        for (int i = 0; i < after.routes().size(); i++) {
            Route a = before.routes().get(i);
            Route b = after.routes().get(i);
            if (a.id() != b.id() || !a.owner().equals(b.owner()) || !Objects.equals(a.neighbour(), b.neighbour())
                    || !sameInterfaces(a.nextHops(), b.nextHops())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameInterfaces(List<NextHopRef> a, List<NextHopRef> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).interfaceIndex() != b.get(i).interfaceIndex()) {
                return false;
            }
        }
        return true;
    }

    private static Map<Entry, Object> entries(TableId t, Destination d) {
        Map<Entry, Object> m = new LinkedHashMap<>();
        if (d == null) {
            return m;
        }
        Prefix p = d.prefix();
        RouteLocation here = RouteLocation.live(t, p);
        for (Route r : d.routes()) {
            m.put(new Entry(RtmStores.LIVE_ROUTES, Keys.routeId(t.router(), r.id())), here);
            m.put(new Entry(RtmStores.OWNED_ROUTES, Keys.ownedRoute(t, r.owner(), p, r.id())), Boolean.TRUE);
            if (r.neighbour() != null) {
                m.put(new Entry(RtmStores.NEIGHBOUR_ROUTES, Keys.neighbourRoute(t, r.owner(), r.neighbour(), p,
                        r.id())), Boolean.TRUE);
            }
        }
        for (long i : interfaces(d)) {
            m.put(new Entry(RtmStores.INTERFACE_USES, Keys.interfaceUse(t, i, p)), Boolean.TRUE);
        }
        return m;
    }

    /** The distinct interface indexes (0, a remote next hop, left out) of the destination's routes, sorted. */
    private static long[] interfaces(Destination d) {
        return d.routes().stream().flatMap(r -> r.nextHops().stream()).mapToLong(NextHopRef::interfaceIndex)
                .filter(i -> i != 0).distinct().sorted().toArray();
    }

    @SuppressWarnings("unchecked")
    private static void put(Sink out, Entry e, Object value) {
        out.put((StoreSpec<Object>) e.store(), e.key(), value);
    }

    /** A key of one index store, compared by content. */
    private record Entry(StoreSpec<?> store, byte[] key) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.store.equals(store) && Arrays.equals(e.key, key);
        }

        @Override
        public int hashCode() {
            return store.hashCode() * 31 + Arrays.hashCode(key);
        }
    }
}
