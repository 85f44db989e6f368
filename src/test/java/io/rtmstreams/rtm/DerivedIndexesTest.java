package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.property.Replay;
import io.rtmstreams.rtm.state.InMemoryStores;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes that follow from the destinations (D3's owner index, D14's interface index, D22's route ids, D29's
 * neighbour index) are what version 1 wrote by hand, whatever path a destination's records take, and the neighbour
 * index answers in address order.
 */
class DerivedIndexesTest {

    private static final int SEEDS = 40;
    private static final int STEPS = 300;

    static LongStream seeds() {
        return Replay.seeds(SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("D3, D14, D22: the derived route-id, owner and interface entries are those version 1 wrote by hand")
    void shouldDeriveTheEntriesVersion1WroteByHand(long seed) {
        Replay replay = new Replay("DerivedIndexesTest", seed);
        RandomDestinations changes = new RandomDestinations(seed, false);
        Version1 v1 = new Version1();
        InMemoryStores v2 = new InMemoryStores();
        RtmState state = new RtmState(v2);
        for (int i = 0; i < STEPS; i++) {
            RandomDestinations.Change c = changes.next();
            replay.log(c.table() + " " + c.prefix() + ": " + ids(c.before()) + " -> " + ids(c.after()));
            replay.check(() -> {
                v1.store(c.table(), c.before(), c.after(), c.after().lastChanged());
                state.destinations.put(c.table(), c.after());
                assertThat(entries(v2, RtmStores.LIVE_ROUTES)).isEqualTo(v1.liveRoutes());
                assertThat(entries(v2, RtmStores.OWNED_ROUTES)).isEqualTo(entries(v1.stores, OWNER));
                assertThat(entries(v2, RtmStores.INTERFACE_USES)).isEqualTo(entries(v1.stores, INTERFACE));
            });
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("D29: applying a record's differences from any earlier record leaves exactly the last one's entries")
    void shouldLeaveTheEntriesOfTheLastRecordFromWhicheverRecordItStarts(long seed) {
        Replay replay = new Replay("DerivedIndexesTest", seed);
        RandomDestinations changes = new RandomDestinations(seed, true);
        Map<String, List<RandomDestinations.Change>> history = new HashMap<>();
        for (int i = 0; i < STEPS; i++) {
            RandomDestinations.Change c = changes.next();
            replay.log(c.table() + " " + c.prefix() + ": " + ids(c.before()) + " -> " + ids(c.after()));
            history.computeIfAbsent(c.table() + " " + c.prefix(), k -> new ArrayList<>()).add(c);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (List<RandomDestinations.Change> records : history.values()) {
            replay.check(() -> {
                int from = random.nextInt(records.size());
                RandomDestinations.Change start = records.get(from);
                InMemoryStores stores = new InMemoryStores();
                DerivedIndexes.diff(start.key(), null, start.before(), DerivedIndexes.into(stores));
                for (RandomDestinations.Change c : records.subList(from, records.size())) {
                    DerivedIndexes.diff(c.key(), c.before(), c.after(), DerivedIndexes.into(stores));
                }
                InMemoryStores expected = new InMemoryStores();
                DerivedIndexes.entries(start.key(), records.get(records.size() - 1).after(), DerivedIndexes.into(expected));
                assertThat(derived(stores)).isEqualTo(derived(expected));
            });
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("D29: an entity's destinations from a neighbour address, on one interface or all, page in address order")
    void shouldPageTheDestinationsOfANeighbourInAddressOrder(long seed) {
        RandomDestinations changes = new RandomDestinations(seed, false);
        RtmState state = new RtmState(new InMemoryStores());
        for (int i = 0; i < STEPS; i++) {
            RandomDestinations.Change c = changes.next();
            state.destinations.put(c.table(), c.after());
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (TableId t : RandomDestinations.TABLES) {
            for (EntityId owner : RandomDestinations.OWNERS) {
                for (NextHopRef n : neighbours(changes, t)) {
                    for (Long ifIndex : Arrays.asList(null, n.interfaceIndex())) {
                        int page = 1 + random.nextInt(3);
                        assertThat(paged(state, t, owner, n.address(), ifIndex, page))
                                .as("%s %s from %s on %s, pages of %d", t, owner, n.address(), ifIndex, page)
                                .isEqualTo(bruteForce(changes, t, owner, n.address(), ifIndex));
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("D29: a route without a neighbour has no neighbour entry; one neighbour on two interfaces has two")
    void shouldIndexNeighboursByAddressThenInterface() {
        TableId t = TableId.of("r1", 0, IpFamily.IPV4);
        EntityId bgp = EntityId.of(14, 1);
        IpAddress peer = IpAddress.parse("192.0.2.1");
        NextHopRef viaOne = new NextHopRef(1, peer, 1);
        NextHopRef viaTwo = new NextHopRef(2, peer, 2);
        RtmState state = new RtmState(new InMemoryStores());
        state.destinations.put(t, destination("10.2.0.0/16", route(1, bgp, viaTwo)));
        state.destinations.put(t, destination("10.1.0.0/16", route(2, bgp, viaOne), route(3, bgp, viaTwo)));
        state.destinations.put(t, destination("10.0.0.0/16", route(4, bgp, null)));

        assertThat(state.neighbourIndex.destinations(t, bgp, peer, null, null, 10))
                .containsExactly(Prefix.parse("10.1.0.0/16"), Prefix.parse("10.2.0.0/16"));
        assertThat(state.neighbourIndex.destinations(t, bgp, peer, 1L, null, 10))
                .containsExactly(Prefix.parse("10.1.0.0/16"));
        assertThat(state.neighbourIndex.destinations(t, bgp, peer, 2L, Prefix.parse("10.1.0.0/16"), 10))
                .containsExactly(Prefix.parse("10.2.0.0/16"));
        assertThat(state.neighbourIndex.destinations(t, EntityId.of(8, 1), peer, null, null, 10)).isEmpty();
    }

    // ---- version 1's index upkeep, as DestinationWriter.store and reindexInterfaces wrote it -------------------

    private static final StoreSpec<RouteLocation> ROUTE_INDEX = new StoreSpec<>("v1-route-index", RouteLocation.class);
    private static final StoreSpec<Boolean> OWNER = new StoreSpec<>("v1-owner-index", Boolean.class);
    private static final StoreSpec<Boolean> INTERFACE = new StoreSpec<>("v1-interface-index", Boolean.class);

    /** The reference: version 1's code, copied before the derived indexes replaced it. */
    private static final class Version1 {
        final InMemoryStores stores = new InMemoryStores();
        final OrderedStore<RouteLocation> routeIndex = stores.store(ROUTE_INDEX);
        final OrderedStore<Boolean> ownerIndex = stores.store(OWNER);
        final OrderedStore<Boolean> interfaceIndex = stores.store(INTERFACE);

        void store(TableId t, Destination before, Destination after, long now) {
            Prefix p = after.prefix();
            Map<Long, Route> old = new HashMap<>();
            if (before != null) {
                before.routes().forEach(r -> old.put(r.id(), r));
            }
            for (Route r : after.routes()) {
                if (old.remove(r.id()) == null) {
                    routeIndex.put(Keys.routeId(t.router(), r.id()), RouteLocation.live(t, p));
                    ownerIndex.put(Keys.ownedRoute(t, r.owner(), p, r.id()), Boolean.TRUE);
                }
            }
            for (Route gone : old.values()) {
                routeIndex.put(Keys.routeId(t.router(), gone.id()), new RouteLocation(t, p, gone, now));
                ownerIndex.delete(Keys.ownedRoute(t, gone.owner(), p, gone.id()));
            }
            reindexInterfaces(t, p, before, after);
        }

        private void reindexInterfaces(TableId t, Prefix p, Destination before, Destination after) {
            long[] old = interfaces(before);
            long[] now = interfaces(after);
            for (long i : old) {
                if (Arrays.binarySearch(now, i) < 0) {
                    interfaceIndex.delete(Keys.interfaceUse(t, i, p));
                }
            }
            for (long i : now) {
                if (Arrays.binarySearch(old, i) < 0) {
                    interfaceIndex.put(Keys.interfaceUse(t, i, p), Boolean.TRUE);
                }
            }
        }

        private static long[] interfaces(Destination d) {
            TreeSet<Long> out = new TreeSet<>();
            if (d != null) {
                d.routes().forEach(r -> r.nextHops().stream().filter(h -> h.interfaceIndex() != 0)
                        .forEach(h -> out.add(h.interfaceIndex())));
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        }

        /** The route index's live entries: a deleted route's entry stood for R80, not for a live route. */
        Map<String, Object> liveRoutes() {
            Map<String, Object> live = new TreeMap<>(entries(stores, ROUTE_INDEX));
            live.values().removeIf(v -> !((RouteLocation) v).isLive());
            return live;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Map<String, Object> entries(InMemoryStores stores, StoreSpec<?> spec) {
        return stores.snapshot().getOrDefault(spec.name(), Map.of());
    }

    private static Map<String, Map<String, Object>> derived(InMemoryStores stores) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        RtmStores.DERIVED.forEach(spec -> out.put(spec.name(), entries(stores, spec)));
        return out;
    }

    private static List<Prefix> paged(RtmState state, TableId t, EntityId owner, IpAddress address, Long ifIndex,
                                      int page) {
        List<Prefix> all = new ArrayList<>();
        for (List<Prefix> p = state.neighbourIndex.destinations(t, owner, address, ifIndex, null, page); !p.isEmpty();
             p = state.neighbourIndex.destinations(t, owner, address, ifIndex, all.get(all.size() - 1), page)) {
            all.addAll(p);
        }
        return all;
    }

    private static List<Prefix> bruteForce(RandomDestinations changes, TableId t, EntityId owner, IpAddress address,
                                           Long ifIndex) {
        TreeSet<Prefix> out = new TreeSet<>();
        changes.records().forEach((k, d) -> {
            if (k.get(0).equals(t)) {
                d.routes().stream().filter(r -> r.owner().equals(owner) && r.neighbour() != null
                                && r.neighbour().address().equals(address)
                                && (ifIndex == null || r.neighbour().interfaceIndex() == ifIndex))
                        .forEach(r -> out.add(d.prefix()));
            }
        });
        return List.copyOf(out);
    }

    private static List<NextHopRef> neighbours(RandomDestinations changes, TableId t) {
        List<NextHopRef> out = new ArrayList<>();
        changes.records().forEach((k, d) -> {
            if (k.get(0).equals(t)) {
                d.routes().stream().filter(r -> r.neighbour() != null).forEach(r -> out.add(r.neighbour()));
            }
        });
        return out;
    }

    private static Destination destination(String prefix, Route... routes) {
        return Destination.empty(Prefix.parse(prefix)).withRoutes(List.of(routes));
    }

    private static Route route(long id, EntityId owner, NextHopRef neighbour) {
        List<NextHopRef> hops = neighbour == null ? List.of() : List.of(neighbour);
        return new Route(id, owner, neighbour, 0, 1, 1, View.UNICAST.mask(), hops, null, null, 0, id,
                RouteCost.plain(hops.size()), 0);
    }

    private static String ids(Destination d) {
        return d == null ? "none" : d.routes().stream().map(r -> r.id() + "/" + r.owner() + "/" + r.nextHops().stream()
                .map(h -> String.valueOf(h.interfaceIndex())).toList()).toList().toString();
    }
}
