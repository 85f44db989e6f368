package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Status;

import java.util.List;

/**
 * The argument steps of GetBestRoute2 (B0, B2, B3, B4): which interface, if any, the lookup is constrained to, which
 * interface a weak-host source prefers, and the accepted source address. They run in the order B0, B2, B4, B3,
 * because a valid source replaces the interface named by LUID or index (B4) and the destination's scope is then
 * checked against the interface the lookup really uses.
 *
 * @param constraint the interface every candidate next hop must leave through, or null (B2, B3, strong-host B4)
 * @param preferred  the weak-host source's interface, preferred among equal candidates (B4, B7 step 1), or null
 * @param source     the accepted source, with the owning interface's index as scope id when link-local, or null
 */
record LookupScope(IpFamily family, IpAddress destination, InterfaceRow constraint, InterfaceRow preferred,
                   SockAddrInet source) {

    /** True when the plain stored best route answers the lookup (D17): no constraint and no preference. */
    boolean unconstrained() {
        return constraint == null && preferred == null;
    }

    /** A resolved scope, or the status that ends the lookup. */
    record Resolution(LookupScope scope, Status status, String message) {
        static Resolution fail(Status status, String message) {
            return new Resolution(null, status, message);
        }
    }

    static Resolution resolve(RouterInterfaces ifs, BestRouteQuery q) {
        SockAddrInet dst = q.destination();
        if (dst == null || !dst.isInet()) {
            return Resolution.fail(Status.ERROR_INVALID_PARAMETER, "the destination must be an AF_INET or AF_INET6"
                    + " address (B0)");
        }
        IpFamily family = dst.address().family();
        InterfaceRow named = null;
        if (q.interfaceLuid() == null && q.interfaceIndex() != 0) {
            named = ifs.rowAt(family, q.interfaceIndex());
            if (named == null) {
                return Resolution.fail(Status.ERROR_FILE_NOT_FOUND, "no " + family + " interface has index "
                        + q.interfaceIndex() + " (B2)");
            }
        } else if (q.interfaceLuid() != null && q.interfaceLuid() != 0) {
            named = ifs.row(family, q.interfaceLuid());
        }
        return withSource(ifs, q, family, named);
    }

    /** B4, then B2's unknown-LUID failure, which a valid source overrides. */
    private static Resolution withSource(RouterInterfaces ifs, BestRouteQuery q, IpFamily family,
                                         InterfaceRow named) {
        SockAddrInet src = q.source();
        boolean considered = src != null && src.isInet() && src.address().family() == family
                && !src.address().isUnspecified();
        if (!considered) {
            if (named == null && q.interfaceLuid() != null && q.interfaceLuid() != 0) {
                return Resolution.fail(Status.ERROR_NOT_FOUND, "no " + family + " interface has LUID "
                        + NetLuid.toString(q.interfaceLuid()) + " (B2)");
            }
            return destinationScope(ifs, q.destination(), new LookupScope(family, q.destination().address(), named,
                    null, null));
        }
        IpAddress a = src.address();
        if (!a.isLinkLocal() && src.scopeId() != 0) {
            return Resolution.fail(Status.ERROR_INVALID_PARAMETER, "source " + src + " is not link-local but has a"
                    + " scope id (B4)");
        }
        if (a.isLoopback() && !q.destination().address().isLoopback()) {
            return Resolution.fail(Status.ERROR_NETWORK_UNREACHABLE, "a loopback source cannot reach "
                    + q.destination() + " (B4)");
        }
        InterfaceRow owner = owner(ifs.owners(a), family, src.scopeId(), named);
        if (owner == null) {
            return Resolution.fail(Status.ERROR_NOT_FOUND, "source " + src + " is not assigned to this router (B4)");
        }
        SockAddrInet accepted = SockAddrInet.scoped(a, owner.interfaceIndex());
        LookupScope scope = owner.weakHostSend()
                ? new LookupScope(family, q.destination().address(), null, owner, accepted)
                : new LookupScope(family, q.destination().address(), owner, null, accepted);
        return destinationScope(ifs, q.destination(), scope);
    }

    /**
     * The interface that owns the source: of the right family, matching a non-zero scope id, the named interface
     * when it is one of them, else the lowest LUID.
     */
    private static InterfaceRow owner(List<InterfaceRow> owners, IpFamily family, long scopeId, InterfaceRow named) {
        InterfaceRow first = null;
        for (InterfaceRow r : owners) {
            if (r.ipFamily() != family || (scopeId != 0 && r.interfaceIndex() != scopeId)) {
                continue;
            }
            if (named != null && r.interfaceLuid() == named.interfaceLuid()) {
                return r;
            }
            if (first == null) {
                first = r;
            }
        }
        return first;
    }

    /** B3: the destination's scope id against the interface in use, and loopback destinations. */
    private static Resolution destinationScope(RouterInterfaces ifs, SockAddrInet dst, LookupScope s) {
        IpAddress d = dst.address();
        LookupScope scope = s;
        if (dst.scopeId() != 0 && !d.isLinkLocal()) {
            return Resolution.fail(Status.ERROR_INVALID_PARAMETER, "destination " + dst + " is not link-local but"
                    + " has a scope id (B3)");
        }
        if (dst.scopeId() != 0) {
            InterfaceRow zone = ifs.rowAt(s.family(), dst.scopeId());
            if (zone == null || (s.constraint() != null && s.constraint().interfaceIndex() != dst.scopeId())) {
                return Resolution.fail(Status.ERROR_INVALID_PARAMETER, "scope id " + dst.scopeId() + " of " + d
                        + " names " + (zone == null ? "no interface" : "another interface than the lookup's") + " (B3)");
            }
            scope = new LookupScope(s.family(), d, zone, s.preferred(), s.source());
        }
        InterfaceRow c = scope.constraint();
        if (d.isLoopback() && c != null && !NetLuid.isLoopback(c.interfaceLuid())) {
            return Resolution.fail(Status.ERROR_INVALID_PARAMETER, "loopback destination " + d
                    + " constrained to a non-loopback interface (B3)");
        }
        return new Resolution(scope, null, null);
    }
}
