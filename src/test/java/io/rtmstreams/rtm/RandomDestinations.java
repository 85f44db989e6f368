package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Random changes of destination records, as the engine makes them: routes come with fresh ids, keep their id and
 * owner while their next hops and neighbour change, and go; a destination may lose every route (a retired record)
 * and, when asked for, its record may be deleted. Few tables, prefixes, owners, neighbours and interfaces, so that
 * index entries collide often. For the derived indexes' property tests, on the domain and the store tier.
 */
public final class RandomDestinations {

    /** One write: the record under {@code key()} goes from {@code before} to {@code after} (either may be null). */
    public record Change(TableId table, Prefix prefix, Destination before, Destination after) {

        /** The record's key in the destination store (without a namespace). */
        public byte[] key() {
            return Keys.destination(table, prefix);
        }
    }

    static final List<TableId> TABLES = List.of(TableId.of("r1", 0, IpFamily.IPV4), TableId.of("r1", 1, IpFamily.IPV4),
            TableId.of("r1", 0, IpFamily.IPV6), TableId.of("edge-2", 0, IpFamily.IPV4));
    static final List<EntityId> OWNERS = List.of(EntityId.of(14, 1), EntityId.of(8, 1), EntityId.of(14, 2));
    private static final Map<IpFamily, List<String>> PREFIXES = Map.of(
            IpFamily.IPV4, List.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "192.0.2.0/24"),
            IpFamily.IPV6, List.of("::/0", "2001:db8::/32", "2001:db8::/48", "2001:db8:1::/48"));
    private static final Map<IpFamily, List<String>> ADDRESSES = Map.of(
            IpFamily.IPV4, List.of("192.0.2.1", "192.0.2.2", "198.51.100.7"),
            IpFamily.IPV6, List.of("2001:db8::1", "fe80::2"));

    private final SplittableRandom random;
    private final boolean deletes;
    private final Map<String, Long> lastId = new HashMap<>();
    private final Map<List<Object>, Destination> records = new TreeMap<>(
            (a, b) -> a.toString().compareTo(b.toString()));

    /** Changes drawn from {@code seed}; records are deleted only when {@code deletes} (the engine never does). */
    public RandomDestinations(long seed, boolean deletes) {
        this.random = new SplittableRandom(seed);
        this.deletes = deletes;
    }

    /** The next change; the record is then {@code after}. */
    public Change next() {
        TableId t = TABLES.get(random.nextInt(TABLES.size()));
        List<String> prefixes = PREFIXES.get(t.family());
        Prefix p = Prefix.parse(prefixes.get(random.nextInt(prefixes.size())));
        Destination before = records.get(List.of(t, p));
        Destination after = deletes && before != null && random.nextInt(8) == 0 ? null : changed(t, p, before);
        if (after == null) {
            records.remove(List.of(t, p));
        } else {
            records.put(List.of(t, p), after);
        }
        return new Change(t, p, before, after);
    }

    /** Every record there is, with its table. */
    public Map<List<Object>, Destination> records() {
        return records;
    }

    private Destination changed(TableId t, Prefix p, Destination before) {
        List<Route> routes = new ArrayList<>(before == null ? List.of() : before.routes());
        int op = random.nextInt(10);
        if (op < 4 || routes.isEmpty()) {
            routes.add(route(t, nextId(t.router()), OWNERS.get(random.nextInt(OWNERS.size()))));
        } else if (op < 6) {
            routes.remove(random.nextInt(routes.size()));
        } else if (op < 9) {
            int i = random.nextInt(routes.size());
            routes.set(i, route(t, routes.get(i).id(), routes.get(i).owner()));
        } else {
            routes.clear();
        }
        Destination base = before == null ? Destination.empty(p) : before;
        return base.withRoutes(routes).withLastChanged(base.lastChanged() + 1);
    }

    private long nextId(String router) {
        return lastId.merge(router, 1L, Long::sum);
    }

    private Route route(TableId t, long id, EntityId owner) {
        List<NextHopRef> hops = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            hops.add(hop(t.family()));
        }
        NextHopRef neighbour = random.nextInt(3) == 0 ? null : hop(t.family());
        return new Route(id, owner, neighbour, 0, random.nextInt(3), random.nextInt(3), View.UNICAST.mask(), hops, null,
                null, 0, id, RouteCost.plain(hops.size()), 0);
    }

    private NextHopRef hop(IpFamily family) {
        List<String> addresses = ADDRESSES.get(family);
        return new NextHopRef(1 + random.nextInt(5), IpAddress.parse(addresses.get(random.nextInt(addresses.size()))),
                random.nextInt(4));
    }
}
