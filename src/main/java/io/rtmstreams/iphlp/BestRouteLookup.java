package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.DestinationLookup;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;

/**
 * GetBestRoute2 over the RIB (D17, §6.2): the argument steps of {@link LookupScope}, the candidate walk of
 * {@link RouteCandidates}, and the outputs of B9. Read-only, and safe for concurrent readers when its sources are.
 *
 * <p>B0's ERROR_NOT_SUPPORTED ("no IP stack for the family") is never answered: every router has a table for both
 * families, and a family with no routes answers ERROR_NETWORK_UNREACHABLE like any lookup without a candidate (B8,
 * Q10).
 */
final class BestRouteLookup {

    private final InterfaceSource interfaces;
    private final RouteCandidates candidates;

    /** Lookups that walk {@code destinations} and price next hops over {@code interfaces}. */
    BestRouteLookup(DestinationLookup destinations, InterfaceSource interfaces, InterfaceCostModel costs) {
        this.interfaces = interfaces;
        this.candidates = new RouteCandidates(destinations, costs);
    }

    BestRouteResult lookup(BestRouteQuery q) {
        try {
            TableId.checkRouter(q.router());
            TableId.checkInstance(q.rtmInstance());
        } catch (IllegalArgumentException e) {
            return BestRouteResult.failure(Status.ERROR_INVALID_PARAMETER, e.getMessage());
        }
        RouterInterfaces ifs = interfaces.router(q.router());
        LookupScope.Resolution r = LookupScope.resolve(ifs, q);
        if (r.status() != null) {
            return BestRouteResult.failure(r.status(), r.message());
        }
        LookupScope scope = r.scope();
        TableId t = TableId.of(q.router(), q.rtmInstance(), scope.family());
        RouteCandidates.Candidate c = candidates.find(t, ifs, scope);
        if (c == null) {
            return BestRouteResult.failure(Status.ERROR_NETWORK_UNREACHABLE, "no route to " + q.destination()
                    + (scope.constraint() == null ? "" : " through interface " + scope.constraint().interfaceIndex())
                    + " (B8)");
        }
        InterfaceRow out = c.verdict().row();
        return new BestRouteResult(Status.NO_ERROR, null, c.prefix(), c.route(),
                c.hop() == null ? null : c.hop().address(), c.verdict().interfaceLuid(),
                c.hop() == null ? 0 : c.hop().interfaceIndex(), c.route().metric(), c.effectiveMetric(),
                source(scope, out), c.stale());
    }

    /**
     * B9: the accepted source; for a loopback destination the destination itself; otherwise the outgoing
     * interface's preferred address (RFC 6724), scoped to that interface when link-local. Null when the outgoing
     * interface is unknown or has no address of the family.
     */
    private static SockAddrInet source(LookupScope scope, InterfaceRow out) {
        if (scope.source() != null) {
            return scope.source();
        }
        IpAddress d = scope.destination();
        if (d.isLoopback()) {
            return SockAddrInet.of(d);
        }
        IpAddress a = out == null ? null : SourceSelection.select(out.unicastAddresses(), d);
        return a == null ? null : SockAddrInet.scoped(a, out.interfaceIndex());
    }
}
