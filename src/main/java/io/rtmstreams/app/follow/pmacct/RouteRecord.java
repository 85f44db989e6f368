package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.importer.BgpCost;
import io.rtmstreams.app.importer.CostMode;
import io.rtmstreams.mrt.Origin;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parts of a pmacct route_monitor or delete record that a command carries, read and checked before anything is
 * emitted: its family and view (from AFI/SAFI), prefix, neighbour (the peer's address; for Loc-RIB, whose peer is
 * 0.0.0.0, the unspecified address of the route's family), BGP next hop (never part of the route's identity, D28)
 * and D28 metric. {@link #of} returns null, with {@link #skipReason}, for what cannot be expressed.
 */
record RouteRecord(IpFamily family, String view, Prefix prefix, IpAddress neighbour, IpAddress nextHop, long metric) {

    /** The family of an AFI (RFC 4760: 1 IPv4, 2 IPv6), or null. */
    static IpFamily family(Integer afi) {
        if (afi == null) {
            return null;
        }
        return switch (afi) {
            case 1 -> IpFamily.IPV4;
            case 2 -> IpFamily.IPV6;
            default -> null;
        };
    }

    /**
     * The RTM view of a SAFI, or null: unicast (1), labelled unicast (4, the label dropped) and MPLS VPN (128, its
     * RD selecting the rtmInstance) are unicast routes, multicast (2) multicast ones.
     */
    static String view(Integer safi) {
        if (safi == null) {
            return null;
        }
        return switch (safi) {
            case 1, 4, 128 -> "unicast";
            case 2 -> "multicast";
            default -> null;
        };
    }

    /** Why {@code r} cannot be mapped, or null when {@link #of} maps it. */
    static String skipReason(MsglogRecord r, boolean add) {
        IpFamily family = family(r.afi());
        if (family == null || view(r.safi()) == null) {
            return "AFI " + r.afi() + " SAFI " + r.safi();
        }
        if (!r.locRib() && IpAddress.parse(required("peer_ip", r.peerIp())).family() != family) {
            return "route of another family than its peer's address";
        }
        if (add && (r.bgpNexthop() == null || nextHop(r.bgpNexthop(), family).family() != family)) {
            return "route without a next hop of its family";
        }
        return null;
    }

    /** The route of {@code r}, whose {@link #skipReason} is null; IllegalArgumentException when malformed. */
    static RouteRecord of(MsglogRecord r, boolean add) {
        IpFamily family = family(r.afi());
        Prefix prefix = Prefix.parse(required("ip_prefix", r.ipPrefix()));
        if (prefix.family() != family) {
            throw new IllegalArgumentException("ip_prefix " + prefix + " is not of AFI " + r.afi());
        }
        IpAddress neighbour = r.locRib() ? IpAddress.unspecified(family) : IpAddress.parse(r.peerIp());
        IpAddress nextHop = add ? nextHop(r.bgpNexthop(), family) : null;
        CostMode mode = r.locRib() ? CostMode.LOC_RIB : CostMode.PER_PEER;
        long metric = BgpCost.metric(mode, pathLength(r.asPath()), origin(r.origin()), r.med());
        return new RouteRecord(family, view(r.safi()), prefix, neighbour, nextHop, metric);
    }

    /**
     * The AS-path length BGP's decision uses (RFC 4271 §9.1.2.2) of pmacct's as_path, its AS_PATH text split at
     * spaces: each AS of a sequence counts 1, an AS_SET {@code {a,b}} 1, confederation segments {@code (a b)} and
     * {@code [a,b]} 0 (RFC 5065 §5.3).
     */
    static int pathLength(List<String> asPath) {
        if (asPath == null) {
            return 0;
        }
        int length = 0;
        boolean confed = false;
        boolean set = false;
        for (String token : asPath.stream().flatMap(t -> Stream.of(t.trim().split("\\s+"))).toList()) {
            if (token.isEmpty()) {
                continue;
            }
            boolean opensConfed = token.startsWith("(") || token.startsWith("[");
            if (!confed && !set && !opensConfed) {
                length++;
            }
            confed = (confed || opensConfed) && !(token.endsWith(")") || token.endsWith("]"));
            set = (set || token.startsWith("{")) && !token.endsWith("}");
        }
        return length;
    }

    /**
     * A BGP next hop for a route of {@code family}: pmacct writes the IPv4 next hops of some IPv4 routes (labelled
     * unicast) as IPv4-mapped IPv6 addresses ({@code ::ffff:198.51.100.82}, RFC 4291 §2.5.5.2); those are the
     * IPv4 address.
     */
    static IpAddress nextHop(String text, IpFamily family) {
        IpAddress hop = IpAddress.parse(text);
        byte[] b = hop.toBytes();
        if (family != IpFamily.IPV4 || b.length != 16 || (b[10] & b[11] & 0xFF) != 0xFF) {
            return hop;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return hop;
            }
        }
        return IpAddress.ipv4((b[12] & 0xFF) << 24 | (b[13] & 0xFF) << 16 | (b[14] & 0xFF) << 8 | (b[15] & 0xFF));
    }

    /** pmacct's origin text ({@code i}, {@code e}, {@code u} for INCOMPLETE; {@code ?} too), null when absent. */
    static Origin origin(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "i" -> Origin.IGP;
            case "e" -> Origin.EGP;
            case "u", "?" -> Origin.INCOMPLETE;
            default -> throw new IllegalArgumentException("origin: unknown value " + text);
        };
    }

    /** pmacct's "seconds.micros" timestamp in milliseconds. */
    static long millis(String timestamp) {
        try {
            return new BigDecimal(required("timestamp", timestamp)).movePointRight(3).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp: not a number: " + timestamp, e);
        }
    }

    static String required(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }
}
