package io.rtmstreams.app.importer;

import java.util.Map;
import java.util.TreeMap;

/** What an import's mapping sent and left out: routes, withdrawals, peers gone down, and skipped entries by reason. */
public final class ImportTally {

    private long routes;
    private long withdrawals;
    private long peerDowns;
    private final Map<String, Long> skipped = new TreeMap<>();

    void routes(int n) {
        routes += n;
    }

    void withdrawals(int n) {
        withdrawals += n;
    }

    void peerDown() {
        peerDowns++;
    }

    void skipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Routes sent in ADD_ROUTES. */
    public long routes() {
        return routes;
    }

    /** Routes sent in DELETE_ROUTES. */
    public long withdrawals() {
        return withdrawals;
    }

    /** DELETE_NEIGHBOUR_ROUTES sent for sessions that left Established. */
    public long peerDowns() {
        return peerDowns;
    }

    public Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }
}
