package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.DestinationLookup;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;

import java.util.Comparator;

/**
 * Candidate selection of GetBestRoute2 over the RIB (D17, B5–B7): walks the destinations covering the address from
 * the most specific up (G1) and stops at the first that yields a candidate.
 *
 * <ul>
 *   <li>Unconstrained, the answer is the destination's stored unicast best route (D17), so a lookup never disagrees
 *   with the published best routes; its next hop is the usable one with the lowest interface metric, then B7.</li>
 *   <li>Constrained to an interface, or with a weak-host source to prefer, every (route, next hop) pair of the
 *   destination competes on its own: (preference, route metric + that next hop's interface metric) (D11, G2), then
 *   B7. A constrained lookup admits next hops that are unusable only because the interface is disconnected, and
 *   flags the answer stale (G7, Q3).</li>
 * </ul>
 *
 * B7's order is: the weak-host source's interface first, the lowest route metric offset, the lowest LUID (unsigned),
 * the lowest next hop address; then, ours, the lowest route id, so that even two routes with the same next hop
 * have one answer (Q16).
 */
final class RouteCandidates {

    private static final int UNICAST = View.UNICAST.mask();
    private static final Comparator<Candidate> PLAIN_ORDER = order(null);

    private final DestinationLookup destinations;
    private final InterfaceCostModel costs;

    RouteCandidates(DestinationLookup destinations, InterfaceCostModel costs) {
        this.destinations = destinations;
        this.costs = costs;
    }

    /** One way out: a route and the next hop it would use (null for a route without next hops). */
    record Candidate(Prefix prefix, Route route, NextHopRef hop, HopVerdict verdict) {

        long effectiveMetric() {
            return route.metric() + verdict.interfaceMetric();
        }

        boolean stale() {
            return verdict.reason() == HopVerdict.Reason.DISCONNECTED;
        }
    }

    /** The chosen candidate, or null when no covering destination has one (B8). */
    Candidate find(TableId t, RouterInterfaces ifs, LookupScope scope) {
        IpFamily family = scope.family();
        Prefix probe = scope.destination().isUnspecified() ? Prefix.defaultRoute(family)
                : Prefix.host(scope.destination());
        while (true) {
            Destination d = destinations.longestCovering(t, probe, UNICAST);
            if (d == null) {
                return null;
            }
            Candidate c = scope.unconstrained() ? storedBest(ifs, family, d) : ranked(ifs, family, d, scope);
            if (c != null) {
                return c;
            }
            if (d.prefix().length() == 0) {
                return null;
            }
            probe = d.prefix().truncate(d.prefix().length() - 1);
        }
    }

    private Candidate storedBest(RouterInterfaces ifs, IpFamily family, Destination d) {
        Route best = d.best(View.UNICAST);
        if (best == null) {
            return null;
        }
        if (best.nextHops().isEmpty()) {
            return new Candidate(d.prefix(), best, null, HopVerdict.REMOTE_OR_UNKNOWN);
        }
        Candidate chosen = null;
        for (NextHopRef h : best.nextHops()) {
            HopVerdict v = costs.verdict(ifs, family, d.prefix(), best.metric(), h.interfaceIndex());
            Candidate c = new Candidate(d.prefix(), best, h, v);
            if (v.usable() && (chosen == null || PLAIN_ORDER.compare(c, chosen) < 0)) {
                chosen = c;
            }
        }
        return chosen;
    }

    private Candidate ranked(RouterInterfaces ifs, IpFamily family, Destination d, LookupScope scope) {
        InterfaceRow only = scope.constraint();
        Comparator<Candidate> order = order(scope.preferred());
        Candidate chosen = null;
        for (Route r : d.routes()) {
            if (!r.inView(View.UNICAST)) {
                continue;
            }
            if (r.nextHops().isEmpty() && only == null && r.cost().eligible()) {
                chosen = better(chosen, new Candidate(d.prefix(), r, null, HopVerdict.REMOTE_OR_UNKNOWN), order);
            }
            for (NextHopRef h : r.nextHops()) {
                if (only != null && h.interfaceIndex() != only.interfaceIndex()) {
                    continue;
                }
                HopVerdict v = costs.verdict(ifs, family, d.prefix(), r.metric(), h.interfaceIndex());
                if (only != null ? v.usableWhenConstrained() : v.usable()) {
                    chosen = better(chosen, new Candidate(d.prefix(), r, h, v), order);
                }
            }
        }
        return chosen;
    }

    private static Candidate better(Candidate incumbent, Candidate challenger, Comparator<Candidate> order) {
        return incumbent == null || order.compare(challenger, incumbent) < 0 ? challenger : incumbent;
    }

    /** D11's cost, then B7 (with the weak-host source's interface first when there is one), then the route id. */
    static Comparator<Candidate> order(InterfaceRow preferred) {
        return Comparator.<Candidate>comparingLong(c -> c.route().preference())
                .thenComparingLong(Candidate::effectiveMetric)
                .thenComparingInt(c -> preferred != null && c.verdict().row() != null
                        && c.verdict().interfaceLuid() == preferred.interfaceLuid() ? 0 : 1)
                .thenComparingLong(c -> c.route().metric())
                .thenComparing((a, b) -> Long.compareUnsigned(a.verdict().interfaceLuid(), b.verdict().interfaceLuid()))
                .thenComparing(c -> c.hop() == null ? null : c.hop().address(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(c -> c.route().id());
    }
}
