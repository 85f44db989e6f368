package io.rtmstreams.app.follow.pmacct;

import java.util.Collections;
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

    /** Records read by type, in type order. */
    public Map<String, Long> read() {
        return Collections.unmodifiableMap(new TreeMap<>(read));
    }

    /** Records skipped by reason, in reason order. */
    public Map<String, Long> skipped() {
        return Collections.unmodifiableMap(new TreeMap<>(skipped));
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
