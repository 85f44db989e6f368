package io.rtmstreams.bench;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One peer's routes from a normalized RIB dump of ../shared/data (peer_ip|peer_as|prefix|next_hop|...|med|...):
 * by default the full IPv4 table of AS30844 in the RouteViews route-views.jinx dump (497,321 prefixes).
 * System properties {@code rib.file}, {@code rib.peer} and {@code rib.limit} (first n entries) change that.
 */
public record RibTable(List<Entry> entries) {

    public static final String DEFAULT_FILE = "../shared/data/normalized/rib/routeviews-jinx.rib.20140530.2200.txt.gz";
    public static final String DEFAULT_PEER = "196.223.14.55";

    /** One RIB entry: prefix, BGP next hop, MED. */
    public record Entry(Prefix prefix, IpAddress nextHop, long med) {
    }

    public static RibTable load() throws IOException {
        return load(Path.of(System.getProperty("rib.file", DEFAULT_FILE)), System.getProperty("rib.peer", DEFAULT_PEER));
    }

    public static RibTable load(Path file, String peer) throws IOException {
        int limit = Integer.getInteger("rib.limit", Integer.MAX_VALUE);
        List<Entry> out = new ArrayList<>(500_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || !line.startsWith(peer + "|")) {
                    continue;
                }
                if (out.size() == limit) {
                    break;
                }
                String[] f = line.split("\\|");
                out.add(new Entry(Prefix.parse(f[2]), IpAddress.parse(f[3]), Long.parseLong(f[6])));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no routes of peer " + peer + " in " + file);
        }
        return new RibTable(out);
    }

    /**
     * The table as the JSON commands a BGP feeder sends (contract.md, Commands): one REGISTER_ENTITY for BGP
     * (protocol 14) of {@code router}, then one ADD_ROUTE per entry (next hop and neighbour on interface 1,
     * preference 20, metric = MED, unicast).
     */
    public List<String> commands(String router) {
        List<String> out = new ArrayList<>(entries.size() + 1);
        out.add(register(router));
        long n = 1;
        for (Entry e : entries) {
            out.add(addRoute(router, String.valueOf(n++), e, e.med()));
        }
        return out;
    }

    /** The REGISTER_ENTITY of {@link #commands}: BGP (protocol 14) instance 1 on {@code router}, request id reg. */
    public static String register(String router) {
        return "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"reg\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"family\":\"ipv4\"}";
    }

    /** The ADD_ROUTE of {@link #commands} for {@code e}, with {@code metric} in place of its MED. */
    public static String addRoute(String router, String requestId, Entry e, long metric) {
        return "{\"op\":\"ADD_ROUTE\",\"requestId\":\"" + requestId + "\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"dest\":\"" + e.prefix() + "\","
                + "\"nextHops\":[{\"address\":\"" + e.nextHop() + "\",\"interfaceIndex\":1}],"
                + "\"neighbour\":{\"address\":\"" + DEFAULT_PEER + "\",\"interfaceIndex\":1},"
                + "\"preference\":20,\"metric\":" + metric + ",\"views\":[\"unicast\"]}";
    }

    /**
     * The table as a bulk feeder sends it (contract.md v2; D25, D26, D30): one REGISTER_ENTITY, ADD_ROUTES of up to
     * {@code batch} routes each with {@code ack: ERRORS} and the fields the routes share on top (entity, neighbour,
     * preference, views), then a SYNC whose result says the table is in.
     */
    public List<String> batchCommands(String router, int batch) {
        List<String> out = new ArrayList<>(entries.size() / batch + 3);
        out.add("{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"reg\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"family\":\"ipv4\"}");
        for (int from = 0; from < entries.size(); from += batch) {
            StringBuilder b = new StringBuilder(batch * 96 + 256);
            b.append("{\"op\":\"ADD_ROUTES\",\"requestId\":\"b").append(from).append("\",\"router\":\"")
                    .append(router).append("\",\"entity\":{\"protocolId\":14,\"instanceId\":1},\"ack\":\"ERRORS\","
                    + "\"neighbour\":{\"address\":\"" + DEFAULT_PEER + "\",\"interfaceIndex\":1},"
                    + "\"preference\":20,\"views\":[\"unicast\"],\"routes\":[");
            for (int i = from; i < Math.min(from + batch, entries.size()); i++) {
                Entry e = entries.get(i);
                b.append(i == from ? "" : ",").append("{\"dest\":\"").append(e.prefix())
                        .append("\",\"nextHops\":[{\"address\":\"").append(e.nextHop())
                        .append("\",\"interfaceIndex\":1}],\"metric\":").append(e.med()).append('}');
            }
            out.add(b.append("]}").toString());
        }
        out.add("{\"op\":\"SYNC\",\"requestId\":\"sync\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"family\":\"ipv4\",\"marker\":\"end-of-rib\"}");
        return out;
    }

    /** The first {@code n} entries. */
    public RibTable first(int n) {
        return new RibTable(entries.subList(0, Math.min(n, entries.size())));
    }

    /** A random IPv4 address inside {@code p}: the lookups of the query benchmarks. */
    public static IpAddress addressInside(Prefix p, java.util.SplittableRandom random) {
        byte[] b = p.address().toBytes();
        for (int bit = p.length(); bit < 32; bit++) {
            if (random.nextBoolean()) {
                b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        return IpAddress.ofBytes(b);
    }
}
