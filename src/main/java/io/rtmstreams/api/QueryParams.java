package io.rtmstreams.api;

import io.rtmstreams.iphlp.BestRouteQuery;
import io.rtmstreams.iphlp.SockAddrInet;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.Unsigned;

/**
 * Reads the text parameters of lookups (contract.md, Query API): addresses are IP literals only, an IPv6 scope
 * id follows a {@code %} as a decimal number (Windows scope ids are interface indexes), LUIDs are unsigned 64-bit
 * decimals. Malformed text is an IllegalArgumentException, answered as ERROR_INVALID_PARAMETER.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code address} or {@code address%scopeId}. */
    public static SockAddrInet sockAddr(String text) {
        int pct = text.indexOf('%');
        if (pct < 0) {
            return SockAddrInet.of(IpAddress.parse(text));
        }
        String scope = text.substring(pct + 1);
        if (!scope.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("scope id '" + scope + "' is not a decimal interface index");
        }
        return SockAddrInet.of(IpAddress.parse(text.substring(0, pct)), Long.parseLong(scope));
    }

    /** GetBestRoute2's arguments; a null LUID text is a NULL pointer, {@code "0"} a LUID of value 0 (B2). */
    public static BestRouteQuery bestRoute(String router, int rtmInstance, String destination, String source,
                                           String interfaceLuid, String interfaceIndex) {
        TableId.checkRouter(router);
        TableId.checkInstance(rtmInstance);
        if (destination == null || destination.isEmpty()) {
            throw new IllegalArgumentException("destination is required (B0)");
        }
        Long luid = interfaceLuid == null || interfaceLuid.isEmpty() ? null : unsignedLong(interfaceLuid);
        long index = interfaceIndex == null || interfaceIndex.isEmpty() ? 0 : u32(interfaceIndex);
        SockAddrInet src = source == null || source.isEmpty() ? null : sockAddr(source);
        return new BestRouteQuery(router, rtmInstance, luid, index, src, sockAddr(destination));
    }

    static long unsignedLong(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an unsigned 64-bit decimal");
        }
    }

    static long u32(String text) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an unsigned 32-bit integer");
        }
        if (v < 0 || v > Unsigned.MAX_U32) {
            throw new IllegalArgumentException("'" + text + "' is not an unsigned 32-bit integer");
        }
        return v;
    }
}
