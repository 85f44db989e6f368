package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;

import java.util.List;

/**
 * The path attributes an importer uses (RFC 4271 §5, RFC 4760), each null when absent: ORIGIN, AS_PATH (already
 * merged with AS4_PATH, RFC 6793), NEXT_HOP, MULTI_EXIT_DISC, LOCAL_PREF; the next hop of an MP_REACH_NLRI
 * ({@code mpNextHop}, also from the abbreviated form of RIB entries, RFC 6396 §4.3.4) and the prefixes of
 * MP_REACH_NLRI and MP_UNREACH_NLRI in UPDATE messages.
 */
public record PathAttributes(Origin origin, AsPath asPath, IpAddress nextHop, Long med, Long localPref,
                             IpAddress mpNextHop, List<MpNlri> mpReach, List<MpNlri> mpUnreach) {

    public PathAttributes {
        mpReach = List.copyOf(mpReach);
        mpUnreach = List.copyOf(mpUnreach);
    }

    /** The AS path, empty when the attribute is absent (as in a withdrawal-only UPDATE). */
    public AsPath path() {
        return asPath == null ? AsPath.EMPTY : asPath;
    }
}
