package io.rtmstreams.app.importer;

import java.util.Objects;

/**
 * What an import maps MRT entries to (D28): the router and rtmInstance whose tables receive them, the BGP entity's
 * instance id (protocol 14), the cost encoding and its administrative distances (eBGP for peers outside
 * {@code localAs}, iBGP for peers in it; every peer is external when no local AS is given), whether each ADD-PATH
 * path gets its own synthetic interface, the records' timestamps, and the prefix of the request ids (unique per run, so that results of
 * earlier runs are not taken for this one's).
 */
public record ImportSettings(String router, int rtmInstance, long instanceId, CostMode costMode, long ebgpPreference,
                             long ibgpPreference, Long localAs, boolean interfacePerPath, RecordTimes recordTimes,
                             String requestIdPrefix) {

    public static final long BGP = 14;
    public static final long EBGP_DISTANCE = 20;
    public static final long IBGP_DISTANCE = 200;

    public ImportSettings {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(costMode, "costMode");
        Objects.requireNonNull(recordTimes, "recordTimes");
        Objects.requireNonNull(requestIdPrefix, "requestIdPrefix");
    }

    /** The defaults for {@code router}: instance 1, per-peer costs, 20/200, one interface per peer, the import's
     * clock. */
    public static ImportSettings defaults(String router, String requestIdPrefix) {
        return new ImportSettings(router, 0, 1, CostMode.PER_PEER, EBGP_DISTANCE, IBGP_DISTANCE, null, false,
                RecordTimes.IMPORT, requestIdPrefix);
    }

    /** These settings with the records' timestamps of {@code times}. */
    public ImportSettings withRecordTimes(RecordTimes times) {
        return new ImportSettings(router, rtmInstance, instanceId, costMode, ebgpPreference, ibgpPreference, localAs,
                interfacePerPath, times, requestIdPrefix);
    }
}
