package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;

import java.util.List;

/**
 * The prefixes of one MP_REACH_NLRI or MP_UNREACH_NLRI attribute (RFC 4760) of a family this reader knows: their
 * next hop (null for MP_UNREACH_NLRI; the global address when a link-local one follows) and the prefixes.
 */
public record MpNlri(Safi safi, IpAddress nextHop, List<Nlri> prefixes) {

    public MpNlri {
        prefixes = List.copyOf(prefixes);
    }
}
