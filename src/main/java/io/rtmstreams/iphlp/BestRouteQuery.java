package io.rtmstreams.iphlp;

import java.util.Objects;

/**
 * The arguments of GetBestRoute2 (§6.2) against one router's RTM instance. {@code interfaceLuid} models the
 * InterfaceLuid pointer: null is a NULL pointer, 0 a LUID with Value 0 (no constraint, B2). {@code source} may be
 * null (B4); a null {@code destination} is B0's NULL pointer. AddressSortOptions is ignored by Windows (B0) and not
 * modelled.
 */
public record BestRouteQuery(String router, int rtmInstance, Long interfaceLuid, long interfaceIndex,
                             SockAddrInet source, SockAddrInet destination) {

    public BestRouteQuery {
        Objects.requireNonNull(router, "router");
    }

    /** An unconstrained lookup of {@code destination} in RTM instance 0. */
    public static BestRouteQuery to(String router, SockAddrInet destination) {
        return new BestRouteQuery(router, 0, null, 0, null, destination);
    }

    public static BestRouteQuery to(String router, String destination) {
        return to(router, SockAddrInet.of(destination));
    }

    public BestRouteQuery withLuid(Long luid) {
        return new BestRouteQuery(router, rtmInstance, luid, interfaceIndex, source, destination);
    }

    public BestRouteQuery withIndex(long index) {
        return new BestRouteQuery(router, rtmInstance, interfaceLuid, index, source, destination);
    }

    public BestRouteQuery from(SockAddrInet src) {
        return new BestRouteQuery(router, rtmInstance, interfaceLuid, interfaceIndex, src, destination);
    }

    public BestRouteQuery from(String src) {
        return from(SockAddrInet.of(src));
    }
}
