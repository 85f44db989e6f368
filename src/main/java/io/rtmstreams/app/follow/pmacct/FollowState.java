package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.importer.SyntheticInterfaces;
import io.rtmstreams.net.IpFamily;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pmacct mapping remembers between records, kept apart from the mapper so that the consume–transform–produce
 * loop can make it durable with its output (exactly once): per router, the VRF → rtmInstance assignment (D28: stable,
 * the first VRF seen gets 1, the next 2, the global table 0), the peers that have a post-policy view, the VRF table names of peers without an RD, the start of
 * each peer's sync (its peer_up time, for the sweep of D29), the local AS its peer_ups gave, its synthetic interfaces,
 * the (rtmInstance, family) tables whose BGP entity is registered, and the request counter.
 */
public final class FollowState {

    /** A BMP peer of one router and VRF ({@code ""} for the global table); {@code loc} for its Loc-RIB peer. */
    public record PeerKey(String router, String vrf, String peer, boolean loc) {
    }

    /** A router's table whose BGP entity is registered. */
    public record Table(String router, int rtmInstance, IpFamily family) {
    }

    private final Map<String, Map<String, Integer>> instances = new HashMap<>();
    private final Set<PeerKey> postPolicyPeers = new HashSet<>();
    private final Map<PeerKey, Long> syncStarts = new HashMap<>();
    private final Map<String, Long> localAs = new HashMap<>();
    private final Map<PeerKey, String> tableNames = new HashMap<>();
    private final Map<String, SyntheticInterfaces> interfaces = new HashMap<>();
    private final Set<Table> registered = new HashSet<>();
    private long requests;

    /** The rtmInstance of {@code vrf} on {@code router}: 0 for the global table, else assigned once, in order. */
    public int instance(String router, String vrf) {
        if (vrf.isEmpty()) {
            return 0;
        }
        Map<String, Integer> ofRouter = instances.computeIfAbsent(router, r -> new LinkedHashMap<>());
        return ofRouter.computeIfAbsent(vrf, v -> ofRouter.size() + 1);
    }

    /** The VRF → rtmInstance assignments of {@code router}, in the order they were made. */
    public Map<String, Integer> instances(String router) {
        return Map.copyOf(instances.getOrDefault(router, Map.of()));
    }

    void postPolicy(PeerKey peer) {
        postPolicyPeers.add(peer);
    }

    boolean hasPostPolicy(PeerKey peer) {
        return postPolicyPeers.contains(peer);
    }

    void syncStarted(PeerKey peer, long millis) {
        syncStarts.put(peer, millis);
    }

    Long syncStart(PeerKey peer) {
        return syncStarts.get(peer);
    }

    void syncEnded(PeerKey peer) {
        syncStarts.remove(peer);
    }

    void tableName(PeerKey peer, String vrf) {
        tableNames.put(peer, vrf);
    }

    /** The VRF a peer's peer_up named (its key's vrf being ""), or "" for the global table. */
    String tableName(PeerKey peer) {
        return tableNames.getOrDefault(peer, "");
    }

    void localAs(String router, long asn) {
        localAs.put(router, asn);
    }

    Long localAs(String router) {
        return localAs.get(router);
    }

    SyntheticInterfaces interfaces(String router) {
        return interfaces.computeIfAbsent(router, r -> new SyntheticInterfaces());
    }

    /** True the first time {@code table} is seen: its entity is to be registered. */
    boolean register(Table table) {
        return registered.add(table);
    }

    /** The router's registered tables of {@code family}, in rtmInstance order. */
    List<Table> tables(String router, IpFamily family) {
        return registered.stream().filter(t -> t.router().equals(router) && t.family() == family)
                .sorted(java.util.Comparator.comparingInt(Table::rtmInstance)).toList();
    }

    long nextRequest() {
        return ++requests;
    }
}
