package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.importer.SyntheticInterfaces;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pmacct mapping remembers of one router: the VRF → rtmInstance assignment (D28: stable, the first VRF seen
 * gets 1, the next 2, the global table 0), the peers that have a post-policy view, the VRF table names of peers
 * without an RD, the start of each peer's sync (the time of its peer_up, for the sweep of D29), the local AS its
 * peer_ups gave, its synthetic interfaces, the (rtmInstance, family) tables whose BGP entity is registered, its
 * request counter, and its open dump. {@link Snapshot} is its durable form.
 */
public final class RouterState {

    /** A BMP peer of the router in one VRF ({@code ""} for the global table); {@code loc} for its Loc-RIB peer. */
    public record Peer(String vrf, String address, boolean loc) {
    }

    /** A table of the router whose BGP entity is registered. */
    public record Table(int rtmInstance, IpFamily family) {
    }

    /**
     * A dump between its dump_init and dump_close, a snapshot as of {@code since} (the dump_init's time): the routes
     * and the peers whose live records came after that time, which win over the dump's.
     */
    public record Dump(long since, Set<String> liveRoutes, Set<String> livePeers) {
    }

    /** An interface of the snapshot: the neighbour it is synthesized for, its index and LUID. */
    public record SnapshotInterface(String neighbour, long pathId, long index, long luid) {
    }

    /** The durable form, as JSON in the adapter's state topic. */
    public record Snapshot(Map<String, Integer> instances, List<Peer> postPolicy, Map<String, Long> syncStarts,
                           Long localAs, Map<String, String> tableNames, List<SnapshotInterface> interfaces,
                           List<Table> registered, long requests, Dump dump) {
    }

    private final Map<String, Integer> instances = new LinkedHashMap<>();
    private final Set<Peer> postPolicy = new HashSet<>();
    private final Map<Peer, Long> syncStarts = new HashMap<>();
    private final Map<Peer, String> tableNames = new HashMap<>();
    private final SyntheticInterfaces interfaces = new SyntheticInterfaces();
    private final Set<Table> registered = new LinkedHashSet<>();
    private Long localAs;
    private long requests;
    private long requestsWritten;
    private Dump dump;
    private boolean changed;

    /** The rtmInstance of {@code vrf}: 0 for the global table, else assigned once, in order. */
    int instance(String vrf) {
        if (vrf.isEmpty()) {
            return 0;
        }
        Integer instance = instances.get(vrf);
        if (instance == null) {
            instance = instances.size() + 1;
            instances.put(vrf, instance);
            changed = true;
        }
        return instance;
    }

    Map<String, Integer> instances() {
        return Map.copyOf(instances);
    }

    void postPolicy(Peer peer) {
        changed |= postPolicy.add(peer);
    }

    boolean hasPostPolicy(Peer peer) {
        return postPolicy.contains(peer);
    }

    void syncStarted(Peer peer, long millis) {
        changed |= !Long.valueOf(millis).equals(syncStarts.put(peer, millis));
    }

    Long syncStart(Peer peer) {
        return syncStarts.get(peer);
    }

    void syncEnded(Peer peer) {
        changed |= syncStarts.remove(peer) != null;
    }

    void tableName(Peer peer, String vrf) {
        changed |= !vrf.equals(tableNames.put(peer, vrf));
    }

    /** The VRF a peer's peer_up named (its key's vrf being ""), or "" for the global table. */
    String tableName(Peer peer) {
        return tableNames.getOrDefault(peer, "");
    }

    void localAs(long asn) {
        changed |= !Long.valueOf(asn).equals(localAs);
        localAs = asn;
    }

    Long localAs() {
        return localAs;
    }

    /** The router's synthetic interfaces, to read; {@link #createInterface} adds one. */
    SyntheticInterfaces interfaces() {
        return interfaces;
    }

    SyntheticInterfaces.Interface createInterface(SyntheticInterfaces.Key key) {
        changed = true;
        return interfaces.create(key);
    }

    /** True the first time {@code table} is seen: its entity is to be registered. */
    boolean register(Table table) {
        boolean added = registered.add(table);
        changed |= added;
        return added;
    }

    /** The registered tables of {@code family}, in rtmInstance order. */
    List<Table> tables(IpFamily family) {
        return registered.stream().filter(t -> t.family() == family)
                .sorted(Comparator.comparingInt(Table::rtmInstance)).toList();
    }

    long nextRequest() {
        return ++requests;
    }

    void dumpOpened(long since) {
        dump = new Dump(since, new HashSet<>(), new HashSet<>());
        changed = true;
    }

    /** A live record of a route came during the open dump. */
    void liveRoute(String route) {
        changed |= dump.liveRoutes().add(route);
    }

    /** A live record of a peer (its peer_up or peer_down) came during the open dump. */
    void livePeer(String neighbour) {
        changed |= dump.livePeers().add(neighbour);
    }

    /** The open dump, or null; its sets are read here and added to through {@link #liveRoute}, {@link #livePeer}. */
    Dump dump() {
        return dump;
    }

    void dumpClosed() {
        changed |= dump != null;
        dump = null;
    }

    /**
     * Whether anything but the request counter changed since the last call: what the snapshot holds changes
     * rarely (a new VRF, peer, interface, sync, dump), the counter with every command.
     */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** The request counter if it moved since the last call, else null. */
    Long takeRequests() {
        if (requests == requestsWritten) {
            return null;
        }
        requestsWritten = requests;
        return requests;
    }

    /** The request counter as restored so far. */
    long requestsRestored() {
        return requests;
    }

    /** The counter as last written, which only grows: a snapshot may be older than it. */
    void restoreRequests(long written) {
        requests = Math.max(requests, written);
        requestsWritten = requests;
    }

    Snapshot snapshot() {
        List<SnapshotInterface> itfs = interfaces.all().entrySet().stream().map(e -> new SnapshotInterface(
                e.getKey().peer().toString(), e.getKey().pathId(), e.getValue().index(), e.getValue().luid()))
                .toList();
        return new Snapshot(new LinkedHashMap<>(instances), List.copyOf(postPolicy), keyed(syncStarts), localAs,
                keyed(tableNames), itfs, List.copyOf(registered), requests, dump);
    }

    static RouterState of(Snapshot s) {
        RouterState state = new RouterState();
        state.instances.putAll(s.instances());
        state.postPolicy.addAll(s.postPolicy());
        s.syncStarts().forEach((peer, millis) -> state.syncStarts.put(peer(peer), millis));
        s.tableNames().forEach((peer, vrf) -> state.tableNames.put(peer(peer), vrf));
        s.interfaces().forEach(i -> state.interfaces.restore(new SyntheticInterfaces.Key(
                IpAddress.parse(i.neighbour()), i.pathId()), new SyntheticInterfaces.Interface(i.index(), i.luid())));
        state.registered.addAll(s.registered());
        state.localAs = s.localAs();
        state.requests = s.requests();
        state.requestsWritten = s.requests();
        state.dump = s.dump() == null ? null : new Dump(s.dump().since(), new HashSet<>(s.dump().liveRoutes()),
                new HashSet<>(s.dump().livePeers()));
        return state;
    }

    /** A peer as a JSON object key: {@code vrf|address|loc}. */
    private static <V> Map<String, V> keyed(Map<Peer, V> map) {
        Map<String, V> keyed = new LinkedHashMap<>();
        map.forEach((p, v) -> keyed.put(p.vrf() + '|' + p.address() + '|' + p.loc(), v));
        return keyed;
    }

    private static Peer peer(String key) {
        int first = key.lastIndexOf('|', key.lastIndexOf('|') - 1);
        int last = key.lastIndexOf('|');
        return new Peer(key.substring(0, first), key.substring(first + 1, last),
                Boolean.parseBoolean(key.substring(last + 1)));
    }
}
