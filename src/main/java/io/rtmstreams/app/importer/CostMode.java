package io.rtmstreams.app.importer;

/** How BGP paths become RTM costs (D28). */
public enum CostMode {
    /**
     * Paths of many peers (RIB dumps, Adj-RIB-In): metric = min(AS-path length, 255) × 2^24 + origin × 2^22 +
     * min(MED, 2^22 − 1), so shorter paths, then better origin, then lower MED win across all peers.
     */
    PER_PEER("per-peer"),
    /** A router's own best paths (Loc-RIB): metric = MED, the router having chosen already. */
    LOC_RIB("loc-rib");

    private final String cliName;

    CostMode(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
