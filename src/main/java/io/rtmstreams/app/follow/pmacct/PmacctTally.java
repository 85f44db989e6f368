package io.rtmstreams.app.follow.pmacct;

import java.util.Map;
import java.util.TreeMap;

/** What the mapping read, by pmacct record type, and what it skipped, by reason; routes added and deleted. */
public final class PmacctTally {

    private final Map<String, Long> read = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private long routes;
    private long deletes;

    void read(String type) {
        read.merge(type, 1L, Long::sum);
    }

    void skipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void routes(int n) {
        routes += n;
    }

    void deletes(int n) {
        deletes += n;
    }

    public Map<String, Long> read() {
        return Map.copyOf(read);
    }

    public Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }

    /** Routes sent in ADD_ROUTES. */
    public long routes() {
        return routes;
    }

    /** Routes sent in DELETE_ROUTES. */
    public long deletes() {
        return deletes;
    }
}
