package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Unsigned;

/**
 * SOCKADDR_INET as GetBestRoute2 takes and returns it: a family, an address and, for IPv6, {@code sin6_scope_id}
 * (B3, B4, B9). The family is raw because B4 ignores a source whose family is garbage; such a value has no address.
 * An IPv4 socket address has no scope id. Ports play no part (B9 zeroes them), so they are not modelled.
 */
public record SockAddrInet(int family, IpAddress address, long scopeId) {

    public SockAddrInet {
        boolean inet = family == IpFamily.IPV4.afNumber() || family == IpFamily.IPV6.afNumber();
        if (inet != (address != null) || (inet && address.family().afNumber() != family)) {
            throw new IllegalArgumentException("an AF_INET or AF_INET6 socket address has an address of its family,"
                    + " any other family none");
        }
        if (scopeId < 0 || scopeId > Unsigned.MAX_U32 || (scopeId != 0 && family != IpFamily.IPV6.afNumber())) {
            throw new IllegalArgumentException("a scope id is an unsigned 32-bit value of IPv6 addresses only");
        }
    }

    public static SockAddrInet of(IpAddress address) {
        return new SockAddrInet(address.family().afNumber(), address, 0);
    }

    public static SockAddrInet of(IpAddress address, long scopeId) {
        return new SockAddrInet(address.family().afNumber(), address, scopeId);
    }

    public static SockAddrInet of(String literal) {
        return of(IpAddress.parse(literal));
    }

    public static SockAddrInet of(String literal, long scopeId) {
        return of(IpAddress.parse(literal), scopeId);
    }

    /**
     * {@code address} as sent from interface {@code interfaceIndex}: an IPv6 link-local address carries the
     * interface index as its scope id, any other address none (B9).
     */
    public static SockAddrInet scoped(IpAddress address, long interfaceIndex) {
        boolean zoned = address.family() == IpFamily.IPV6 && address.isLinkLocal();
        return of(address, zoned ? interfaceIndex : 0);
    }

    /** A socket address whose family is neither AF_INET nor AF_INET6 (B0, B4). */
    public static SockAddrInet ofFamily(int family) {
        return new SockAddrInet(family, null, 0);
    }

    /** True for AF_INET and AF_INET6. */
    public boolean isInet() {
        return address != null;
    }

    @Override
    public String toString() {
        return address == null ? "family " + family : scopeId == 0 ? address.toString() : address + "%" + scopeId;
    }
}
