package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What pmacct's records leave in each router's tables, computed straight from the records, without the mapper: per
 * router, VRF, view and prefix, the current path of each neighbour with its D28 (preference, metric), the peer it came
 * from and the record time it was last advertised; withdraws and pmacct's deletes remove a path, a peer_down every
 * path of its peer, an end-of-rib the peer's paths of its family older than its peer_up (D29), and a dump is a snapshot
 * as of its dump_init: its routes are taken unless a live record of the route or of its peer came after the
 * dump_init, and its dump_close removes every path of the router older than the dump_init (D29). The best path of a
 * prefix is the lowest (preference, metric); {@link #best} lists every path that ties.
 */
public final class PmacctModel {

    private static final long EBGP = 20;
    private static final long IBGP = 200;

    /** A path as the tables keep it: {@code peer} is the BMP peer (VRF, address, Loc-RIB) it came from. */
    record Path(long preference, long metric, long millis, String peer) {
    }

    /** What the processor's best route of a prefix must be, one of the tying paths. */
    public record Best(String neighbour, long preference, long metric) {
    }

    private record Table(String router, String vrf, String view, String prefix) {
    }

    private static final class Dump {
        final long since;
        final Set<String> liveRoutes = new HashSet<>();
        final Set<String> livePeers = new HashSet<>();

        Dump(long since) {
            this.since = since;
        }
    }

    private final Map<Table, Map<String, Path>> tables = new LinkedHashMap<>();
    private final Map<String, Long> localAs = new HashMap<>();
    private final Set<String> postPolicy = new HashSet<>();
    private final Map<String, String> tableNames = new HashMap<>();
    private final Map<String, Long> syncStarts = new HashMap<>();
    private final Map<String, Dump> dumps = new HashMap<>();
    private long dumpRoutesOutsideADump;

    /** Applies one record, read at {@code millis} (its record timestamp). */
    public void apply(JsonNode r, long millis) {
        String router = r.path("bmp_router").asText();
        switch (r.path("event_type").asText()) {
            case "log" -> {
                switch (r.path("bmp_msg_type").asText()) {
                    case "peer_up" -> peerUp(r, router, millis, true);
                    case "peer_down" -> peerDown(r, router);
                    case "internal" -> route(r, router, millis, false, true);
                    case "route_monitor" -> {
                        switch (r.path("log_type").asText()) {
                            case "update" -> route(r, router, millis, true, true);
                            case "withdraw" -> route(r, router, millis, false, true);
                            case "end-of-rib" -> endOfRib(r, router);
                            default -> {
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            case "dump_init" -> dumps.put(router, new Dump(millis));
            case "dump" -> {
                if ("peer_up".equals(r.path("bmp_msg_type").asText())) {
                    peerUp(r, router, millis, false);
                } else if ("route_monitor".equals(r.path("bmp_msg_type").asText())) {
                    if (dumps.containsKey(router)) {
                        route(r, router, millis, true, false);
                    } else {
                        dumpRoutesOutsideADump++;
                    }
                }
            }
            case "dump_close" -> {
                Dump dump = dumps.remove(router);
                if (dump != null) {
                    removeIf(router, (table, path) -> path.millis() < dump.since);
                }
            }
            default -> {
            }
        }
    }

    long dumpRoutesOutsideADump() {
        return dumpRoutesOutsideADump;
    }

    /**
     * The best paths per {@code router|rtmInstance|view|prefix} (the key of rtm.best-routes), the rtmInstance of a VRF
     * given by {@code instances} (the global table, "", is 0).
     */
    public Map<String, Set<Best>> best(Function<String, Map<String, Integer>> instances) {
        Map<String, Set<Best>> best = new TreeMap<>();
        tables.forEach((table, paths) -> {
            if (paths.isEmpty()) {
                return;
            }
            Integer instance = table.vrf().isEmpty() ? Integer.valueOf(0)
                    : instances.apply(table.router()).get(table.vrf());
            if (instance == null) {
                throw new AssertionError("the mapper gave VRF " + table.vrf() + " of " + table.router()
                        + " no rtmInstance");
            }
            Path min = paths.values().stream().min(PmacctModel::compare).orElseThrow();
            Set<Best> ties = new HashSet<>();
            paths.forEach((neighbour, p) -> {
                if (compare(p, min) == 0) {
                    ties.add(new Best(neighbour, p.preference(), p.metric()));
                }
            });
            best.put(table.router() + '|' + instance + '|' + table.view() + '|' + table.prefix(), ties);
        });
        return best;
    }

    private static int compare(Path a, Path b) {
        int byPreference = Long.compare(a.preference(), b.preference());
        return byPreference != 0 ? byPreference : Long.compare(a.metric(), b.metric());
    }

    private void peerUp(JsonNode r, String router, long millis, boolean live) {
        String table = text(r, "bmp_peer_up_info_vrf_table_name");
        if (!hasPeerRd(r) && table != null && !"global".equals(table)) {
            tableNames.put(router + '|' + r.path("peer_ip").asText() + '|' + loc(r), "name:" + table);
        }
        String peer = peer(r, router);
        if (flag(r, "is_post")) {
            postPolicy.add(peer);
        }
        if (skippedView(r, peer)) {
            return;
        }
        if (r.hasNonNull("local_as")) {
            localAs.put(router, r.get("local_as").asLong());
        }
        if (live) {
            syncStarts.put(peer, millis);
            Dump dump = dumps.get(router);
            if (dump != null) {
                dump.livePeers.addAll(neighbours(r));
            }
        }
    }

    private void peerDown(JsonNode r, String router) {
        if (flag(r, "is_out")) {
            return;
        }
        String peer = peer(r, router);
        syncStarts.remove(peer);
        Dump dump = dumps.get(router);
        if (dump != null) {
            dump.livePeers.addAll(neighbours(r));
        }
        removeIf(router, (table, path) -> path.peer().equals(peer));
    }

    private void endOfRib(JsonNode r, String router) {
        String peer = peer(r, router);
        IpFamily family = family(r);
        Long since = syncStarts.get(peer);
        if (family == null || view(r) == null || skippedView(r, peer) || since == null) {
            return;
        }
        removeIf(router, (table, path) -> path.peer().equals(peer)
                && Prefix.parse(table.prefix()).family() == family && path.millis() < since);
    }

    private void route(JsonNode r, String router, long millis, boolean add, boolean live) {
        String peer = peer(r, router);
        IpFamily family = family(r);
        if (family == null || view(r) == null || skippedView(r, peer)) {
            return;
        }
        if (!loc(r) && IpAddress.parse(r.path("peer_ip").asText()).family() != family) {
            return;
        }
        if (add && !nextHopOf(text(r, "bgp_nexthop"), family)) {
            return;
        }
        String vrf = r.hasNonNull("rd") ? "rd:" + r.get("rd").asText() : peerVrf(r, router);
        String neighbour = loc(r) ? IpAddress.unspecified(family).toString()
                : IpAddress.parse(r.path("peer_ip").asText()).toString();
        Table table = new Table(router, vrf, view(r), Prefix.parse(r.path("ip_prefix").asText()).toString());
        Dump dump = dumps.get(router);
        String route = vrf + '|' + neighbour + '|' + table.view() + '|' + table.prefix();
        if (dump != null && live) {
            dump.liveRoutes.add(route);
        } else if (dump != null && (dump.livePeers.contains(neighbour) || dump.liveRoutes.contains(route))) {
            return;
        }
        Map<String, Path> paths = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        if (add) {
            paths.put(neighbour, new Path(preference(r, router), metric(r), millis, peer));
        } else {
            paths.remove(neighbour);
        }
    }

    private void removeIf(String router, java.util.function.BiPredicate<Table, Path> test) {
        tables.forEach((table, paths) -> {
            if (table.router().equals(router)) {
                paths.values().removeIf(p -> test.test(table, p));
            }
        });
    }

    /** D28: the Loc-RIB distance for the router's own paths, else eBGP or iBGP by the peer_up's local AS. */
    private long preference(JsonNode r, String router) {
        if (loc(r)) {
            return EBGP;
        }
        Long local = localAs.get(router);
        return local != null && r.hasNonNull("peer_asn") && local == r.get("peer_asn").asLong() ? IBGP : EBGP;
    }

    /**
     * D28: the MED for Loc-RIB paths; for Adj-RIB-In AS-path length × 2^24 + origin × 2^22 + MED, an AS_SET counting
     * one, confederation segments none, an absent origin INCOMPLETE.
     */
    private static long metric(JsonNode r) {
        long med = r.hasNonNull("med") ? r.get("med").asLong() : 0;
        if (loc(r)) {
            return med;
        }
        List<String> tokens = new ArrayList<>();
        JsonNode path = r.path("as_path");
        if (path.isArray()) {
            path.forEach(t -> tokens.addAll(List.of(t.asText().trim().split("\\s+"))));
        } else if (path.isTextual()) {
            tokens.addAll(List.of(path.asText().trim().split("\\s+")));
        }
        String joined = String.join(" ", tokens).replaceAll("\\([^)]*\\)|\\[[^]]*]", " ")
                .replaceAll("\\{[^}]*}", "SET").trim();
        long length = joined.isEmpty() ? 0 : joined.split("\\s+").length;
        long origin = switch (String.valueOf(text(r, "origin"))) {
            case "i" -> 0;
            case "e" -> 1;
            default -> 2;
        };
        return Math.min(length, 255) << 24 | origin << 22 | Math.min(med, (1L << 22) - 1);
    }

    /** Whether pmacct's next hop text is an address of {@code family} (an IPv4-mapped IPv6 address is IPv4's). */
    private static boolean nextHopOf(String text, IpFamily family) {
        if (text == null) {
            return false;
        }
        if (family == IpFamily.IPV4 && text.toLowerCase().startsWith("::ffff:") && text.indexOf('.') > 0) {
            return true;
        }
        return IpAddress.parse(text).family() == family;
    }

    /**
     * Whether the record's view of its peer is not the one taken: Adj-RIB-Out never is, pre-policy not where the
     * peer announced a post-policy view.
     */
    private boolean skippedView(JsonNode r, String peer) {
        return flag(r, "is_out") || !loc(r) && !flag(r, "is_post") && postPolicy.contains(peer);
    }

    /** The BMP peer: router, its VRF, address and Loc-RIB flag. */
    private String peer(JsonNode r, String router) {
        return router + '|' + peerVrf(r, router) + '|' + r.path("peer_ip").asText() + '|' + loc(r);
    }

    private String peerVrf(JsonNode r, String router) {
        if (hasPeerRd(r)) {
            return "rd:" + r.get("rd").asText();
        }
        return tableNames.getOrDefault(router + '|' + r.path("peer_ip").asText() + '|' + loc(r), "");
    }

    private static boolean hasPeerRd(JsonNode r) {
        return r.hasNonNull("rd") && !"bgp".equals(text(r, "rd_origin"));
    }

    /** The neighbours of a peer's paths: its address, or the Loc-RIB peer's unspecified address of each family. */
    private static List<String> neighbours(JsonNode r) {
        return loc(r) ? List.of("0.0.0.0", "::") : List.of(IpAddress.parse(r.path("peer_ip").asText()).toString());
    }

    private static IpFamily family(JsonNode r) {
        return switch (r.path("afi").asInt()) {
            case 1 -> IpFamily.IPV4;
            case 2 -> IpFamily.IPV6;
            default -> null;
        };
    }

    private static String view(JsonNode r) {
        return switch (r.path("safi").asInt()) {
            case 1, 4, 128 -> "unicast";
            case 2 -> "multicast";
            default -> null;
        };
    }

    private static boolean loc(JsonNode r) {
        return flag(r, "is_loc");
    }

    private static boolean flag(JsonNode r, String field) {
        return r.path(field).asInt() == 1;
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }
}
