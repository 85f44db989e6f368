package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.importer.ImportSettings;

import java.util.Map;
import java.util.Objects;

/**
 * What the pmacct mapping needs (D28): the router map (pmacct's {@code bmp_router} address to the rtm-streams router
 * id; an address not in it is the id itself), whether Adj-RIB-In is taken from the pre-policy view even where a
 * peer has a post-policy one, the BGP entity's instance id, the administrative distances (eBGP, iBGP, and the one
 * of Loc-RIB paths, whose records do not say whether the best path is external) and the request-id prefix.
 */
public record PmacctSettings(Map<String, String> routerMap, boolean prePolicy, long instanceId, long ebgpPreference,
                             long ibgpPreference, long locRibPreference, String requestIdPrefix) {

    public PmacctSettings {
        routerMap = Map.copyOf(routerMap);
        Objects.requireNonNull(requestIdPrefix, "requestIdPrefix");
    }

    /** No router map, post-policy where a peer has it, instance 1, 20/200 and 20 for Loc-RIB. */
    public static PmacctSettings defaults(String requestIdPrefix) {
        return new PmacctSettings(Map.of(), false, 1, ImportSettings.EBGP_DISTANCE, ImportSettings.IBGP_DISTANCE,
                ImportSettings.EBGP_DISTANCE, requestIdPrefix);
    }

    /** These settings taking the pre-policy view of every peer. */
    public PmacctSettings withPrePolicy() {
        return new PmacctSettings(routerMap, true, instanceId, ebgpPreference, ibgpPreference, locRibPreference,
                requestIdPrefix);
    }

    String router(String bmpRouter) {
        return routerMap.getOrDefault(bmpRouter, bmpRouter);
    }
}
