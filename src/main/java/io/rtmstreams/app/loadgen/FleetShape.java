package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic fleet: its routers, the real prefixes each one carries, and how every route is reached. Each router
 * has a BGP entity and {@code interfaces} interfaces; on each interface sit {@code peers} BGP neighbours, and every
 * prefix of the router's table is learned from each neighbour of one interface, so a destination has {@code peers}
 * routes, all through one interface.
 *
 * <ul>
 *   <li>Slot {@code j} of a router's table (its j-th prefix) is behind interface {@code j mod interfaces + 1}.</li>
 *   <li>Addresses come from 198.18.0.0/15, the benchmarking range (RFC 2544): interface {@code i} holds
 *   198.18.i.1, its neighbour {@code p} (from 0) is 198.18.i.(10 + p) and is the next hop of its routes. LUIDs are
 *   Ethernet's (IfType 6) with the interface index as NetLuidIndex.</li>
 *   <li>Costs follow D28's per-peer encoding: preference 20 (external BGP), metric = min(AS-path length + p, 255)
 *   × 2^24 + origin × 2^22 + min(MED, 2^22 − 1). Neighbour p prepends p hops, so of one destination's routes the
 *   lowest advertised neighbour is always strictly best whatever the MEDs: no ties, so the best route is a function
 *   of what is advertised (D4 never has to choose).</li>
 * </ul>
 *
 * <p>With {@link Layout#SHARED} every router carries the same prefixes (edge routers with the full table); with
 * {@link Layout#SPLIT} the prefixes are dealt out, prefix j to router j mod n (one table over a fleet).
 */
public final class FleetShape {

    /** RTMv2's BGP protocol id (contract.md, Conventions). */
    public static final int BGP = 14;
    public static final int ENTITY_INSTANCE = 1;
    /** D28's administrative distance of external BGP. */
    public static final long PREFERENCE = 20;
    /** The metric of every interface of the fleet. */
    public static final long INTERFACE_METRIC = 10;
    public static final int MAX_INTERFACES = 255;
    public static final int MAX_PEERS = 16;

    private static final long ETHERNET_LUID = 6L << 48;
    private static final long MAX_MED = (1L << 22) - 1;

    /** How the prefixes are given to the routers. */
    public enum Layout { SHARED, SPLIT }

    private final List<String> routers;
    private final Layout layout;
    private final List<List<RibEntry>> tables = new ArrayList<>();
    private final int interfaces;
    private final int peers;

    public FleetShape(List<String> routers, List<RibEntry> prefixes, Layout layout, int interfaces, int peers) {
        this.routers = List.copyOf(routers);
        this.layout = layout;
        this.interfaces = interfaces;
        this.peers = peers;
        if (this.routers.isEmpty() || new HashSet<>(this.routers).size() != this.routers.size()) {
            throw new IllegalArgumentException("a fleet needs one or more routers, each named once");
        }
        if (interfaces < 1 || interfaces > MAX_INTERFACES || peers < 1 || peers > MAX_PEERS) {
            throw new IllegalArgumentException("a router has 1 to " + MAX_INTERFACES + " interfaces and 1 to "
                    + MAX_PEERS + " peers on each");
        }
        List<RibEntry> all = List.copyOf(prefixes);
        for (int r = 0; r < this.routers.size(); r++) {
            tables.add(layout == Layout.SHARED ? all : dealt(all, r, this.routers.size()));
        }
        if (tables.stream().anyMatch(t -> t.size() < interfaces)) {
            throw new IllegalArgumentException("every router needs at least one prefix per interface (" + interfaces
                    + "); it has " + tables.stream().mapToInt(List::size).min().orElse(0));
        }
    }

    /** Router names {@code prefix1} … {@code prefixN}. */
    public static List<String> routerNames(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** {@code n} entries of {@code table} drawn at random (all of them when it has no more), in the table's order. */
    public static List<RibEntry> draw(List<RibEntry> table, int n, SplittableRandom random) {
        if (n >= table.size()) {
            return List.copyOf(table);
        }
        List<RibEntry> drawn = new ArrayList<>(n);
        for (int i = 0; i < table.size() && drawn.size() < n; i++) {
            // Selection sampling (Knuth, TAOCP 3.4.2, algorithm S): every n-subset equally likely, one pass.
            if (random.nextInt(table.size() - i) < n - drawn.size()) {
                drawn.add(table.get(i));
            }
        }
        return drawn;
    }

    private static List<RibEntry> dealt(List<RibEntry> prefixes, int router, int routers) {
        List<RibEntry> own = new ArrayList<>(prefixes.size() / routers + 1);
        for (int j = router; j < prefixes.size(); j += routers) {
            own.add(prefixes.get(j));
        }
        return List.copyOf(own);
    }

    public List<String> routers() {
        return routers;
    }

    public int routerCount() {
        return routers.size();
    }

    public String router(int r) {
        return routers.get(r);
    }

    /** The prefixes router {@code r} carries, slot by slot. */
    public List<RibEntry> table(int r) {
        return tables.get(r);
    }

    public Layout layout() {
        return layout;
    }

    public int interfaces() {
        return interfaces;
    }

    public int peers() {
        return peers;
    }

    /** Every route of the fleet: each router's prefixes times the peers. */
    public long routes() {
        return tables.stream().mapToLong(List::size).sum() * peers;
    }

    /** The interface (from 1) behind which slot {@code slot} of a table is learned. */
    public int interfaceOf(int slot) {
        return slot % interfaces + 1;
    }

    /** How many slots of router {@code r}'s table are behind {@code interfaceIndex}. */
    public int slotsBehind(int r, int interfaceIndex) {
        int first = interfaceIndex - 1;
        int size = table(r).size();
        return size <= first ? 0 : (size - first + interfaces - 1) / interfaces;
    }

    /** The slot of the {@code nth} prefix (from 0) behind {@code interfaceIndex}. */
    public int slot(int interfaceIndex, int nth) {
        return interfaceIndex - 1 + nth * interfaces;
    }

    /** The router's own address on an interface. */
    public IpAddress localAddress(int interfaceIndex) {
        return IpAddress.ipv4(0xC612_0000 | interfaceIndex << 8 | 1);
    }

    /** Neighbour {@code peer} (from 0) on an interface: the neighbour and next hop of its routes. */
    public IpAddress peerAddress(int interfaceIndex, int peer) {
        return IpAddress.ipv4(0xC612_0000 | interfaceIndex << 8 | 10 + peer);
    }

    public long luid(int interfaceIndex) {
        return ETHERNET_LUID | (long) interfaceIndex << 24;
    }

    /** Neighbour {@code peer} of an interface as commands name it. */
    public FleetCommand.Neighbour neighbour(int interfaceIndex, int peer) {
        return new FleetCommand.Neighbour(peerAddress(interfaceIndex, peer), interfaceIndex);
    }

    /** Router {@code r}'s row of an interface, {@code connected} or not. */
    public FleetCommand.InterfaceChange interfaceChange(int r, String requestId,
                                                       FleetCommand.InterfaceChange.Type type, int interfaceIndex,
                                                       boolean connected) {
        return new FleetCommand.InterfaceChange(router(r), requestId, type, interfaceIndex, luid(interfaceIndex),
                localAddress(interfaceIndex), connected);
    }

    /** D28's metric of {@code entry} as neighbour {@code peer} advertises it with {@code med}. */
    public static long metric(RibEntry entry, int peer, long med) {
        return (long) Math.min(entry.asPathLength() + peer, 255) << 24 | (long) entry.origin().rank() << 22
                | Math.min(med, MAX_MED);
    }
}
