package io.rtmstreams.app.importer;

import io.rtmstreams.mrt.Origin;
import io.rtmstreams.mrt.PathAttributes;
import io.rtmstreams.mrt.Peer;

/**
 * The BGP-to-RTM cost encoding of D28. RTMv2 ranks by (preference, metric) and cannot run BGP's decision process,
 * so the importer encodes the steps it can: preference is the administrative distance (eBGP or iBGP), and in
 * per-peer mode the metric packs the AS-path length (8 bits), the origin (2 bits) and the MED (22 bits), so that the
 * RTM's lowest metric is BGP's shortest path, then lowest origin, then lowest MED, compared across all peers.
 * LOCAL_PREF and the per-neighbour-AS scope of MED are not modelled. An absent MED counts as 0 (RFC 4271
 * §9.1.2.2), an absent ORIGIN as INCOMPLETE.
 */
public final class BgpCost {

    static final int PATH_SHIFT = 24;
    static final int ORIGIN_SHIFT = 22;
    static final long MAX_PATH = 255;
    static final long MAX_MED = (1L << ORIGIN_SHIFT) - 1;

    private BgpCost() {
    }

    static long metric(CostMode mode, PathAttributes attributes) {
        return metric(mode, attributes.path().length(), attributes.origin(), attributes.med());
    }

    /** The metric of a path of {@code pathLength} (RFC 4271 §9.1.2.2), origin and MED, each null when absent. */
    public static long metric(CostMode mode, int pathLength, Origin origin, Long med) {
        long m = med == null ? 0 : med;
        if (mode == CostMode.LOC_RIB) {
            return m;
        }
        long path = Math.min(pathLength, MAX_PATH);
        Origin o = origin == null ? Origin.INCOMPLETE : origin;
        return path << PATH_SHIFT | (long) o.code() << ORIGIN_SHIFT | Math.min(m, MAX_MED);
    }

    static long preference(ImportSettings settings, Peer peer) {
        boolean internal = settings.localAs() != null && settings.localAs() == peer.asn();
        return internal ? settings.ibgpPreference() : settings.ebgpPreference();
    }
}
