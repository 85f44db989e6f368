package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.Comparator;
import java.util.List;

/**
 * The preferred source address among an outgoing interface's unicast addresses (B9), by RFC 6724 §5. The rules
 * that need data we do not have are skipped: 3 (deprecated addresses), 4 (home addresses) and 7 (temporary
 * addresses). Rule 5 (outgoing interface) holds by construction: only that interface's addresses compete.
 * <ol>
 *   <li>Rule 1: the destination itself.</li>
 *   <li>Rule 2: the appropriate scope: the smallest scope that still reaches the destination's, else the largest.</li>
 *   <li>Rule 6: a label equal to the destination's in the default policy table (§2.1).</li>
 *   <li>Rule 8: the longest common prefix with the destination, up to the 64-bit subnet prefix for IPv6 (§2.2;
 *   the interface's real prefix lengths are not known).</li>
 *   <li>Then the lowest address, so the answer is deterministic.</li>
 * </ol>
 */
final class SourceSelection {

    static final int SCOPE_LINK_LOCAL = 2;
    static final int SCOPE_SITE_LOCAL = 5;
    static final int SCOPE_GLOBAL = 14;

    private static final Prefix SITE_LOCAL = Prefix.parse("fec0::/10");

    private static final List<Label> POLICY = List.of(
            new Label(Prefix.parse("::1/128"), 0), new Label(Prefix.parse("::ffff:0:0/96"), 4),
            new Label(Prefix.parse("::/96"), 3), new Label(Prefix.parse("2001::/32"), 5),
            new Label(Prefix.parse("2002::/16"), 2), new Label(Prefix.parse("3ffe::/16"), 12),
            new Label(Prefix.parse("fec0::/10"), 11), new Label(Prefix.parse("fc00::/7"), 13),
            new Label(Prefix.defaultRoute(IpFamily.IPV6), 1));

    /** A row of the default policy table, longest prefixes first. */
    private record Label(Prefix prefix, int label) {
    }

    private SourceSelection() {
    }

    /** The preferred source for {@code destination} among {@code candidates}, or null when none qualifies. */
    static IpAddress select(List<IpAddress> candidates, IpAddress destination) {
        return candidates.stream()
                .filter(a -> a.family() == destination.family() && !a.isUnspecified() && !a.isMulticast())
                .min(order(destination))
                .orElse(null);
    }

    static Comparator<IpAddress> order(IpAddress d) {
        int dScope = scope(d);
        int dLabel = label(d);
        return Comparator.<IpAddress>comparingInt(a -> a.equals(d) ? 0 : 1)
                .thenComparingInt(a -> scopeRank(scope(a), dScope))
                .thenComparingInt(a -> label(a) == dLabel ? 0 : 1)
                .thenComparingInt(a -> -commonPrefix(a, d))
                .thenComparing(Comparator.naturalOrder());
    }

    /**
     * Rule 2 as a sort key: scopes at least the destination's come first, smallest first; then the smaller ones,
     * largest first. This is the pairwise rule of §5 written as one total order.
     */
    private static int scopeRank(int scope, int destinationScope) {
        return scope >= destinationScope ? scope : 100 - scope;
    }

    /** RFC 6724 §3.1 (IPv6, with loopback as link-local) and §3.2 (IPv4: loopback and 169.254/16 link-local). */
    static int scope(IpAddress a) {
        if (a.isMulticast()) {
            return a.family() == IpFamily.IPV6 ? a.toBytes()[1] & 0x0F : SCOPE_GLOBAL;
        }
        if (a.isLoopback() || a.isLinkLocal()) {
            return SCOPE_LINK_LOCAL;
        }
        if (a.family() == IpFamily.IPV6 && SITE_LOCAL.contains(a)) {
            return SCOPE_SITE_LOCAL;
        }
        return SCOPE_GLOBAL;
    }

    /** RFC 6724 §2.1's default labels; IPv4 addresses are IPv4-mapped, so they all share label 4. */
    static int label(IpAddress a) {
        if (a.family() == IpFamily.IPV4) {
            return 4;
        }
        for (Label l : POLICY) {
            if (l.prefix().contains(a)) {
                return l.label();
            }
        }
        throw new IllegalStateException("::/0 labels every IPv6 address");
    }

    private static int commonPrefix(IpAddress a, IpAddress d) {
        int n = a.commonPrefixLength(d);
        return a.family() == IpFamily.IPV6 ? Math.min(n, 64) : n;
    }
}
