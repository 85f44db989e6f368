package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

/** One path of a RIB dump: a prefix as a peer announced it, with the path identifier of ADD-PATH dumps. */
public record RibEntry(Prefix prefix, Safi safi, Peer peer, long pathId, PathAttributes attributes) {

    /**
     * The BGP next hop: for IPv6 prefixes the MP_REACH_NLRI's, for IPv4 ones the NEXT_HOP attribute's (or the
     * MP_REACH_NLRI's where IPv4 routes have an IPv6 next hop, RFC 8950); null when the entry has neither.
     */
    public IpAddress nextHop() {
        IpAddress mp = attributes.mpNextHop();
        IpAddress v4 = attributes.nextHop();
        if (prefix.family() == IpFamily.IPV6) {
            return mp != null ? mp : v4;
        }
        return v4 != null ? v4 : mp;
    }
}
