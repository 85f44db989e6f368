package io.rtmstreams.mrt;

import java.util.List;

/**
 * A record of a RIB dump: the paths of one prefix (TABLE_DUMP_V2), or one or more entries of TABLE_DUMP, whose
 * early producers put many prefixes in one record.
 */
public record RibRecord(long offset, long epochMicros, List<RibEntry> entries) implements MrtRecord {

    public RibRecord {
        entries = List.copyOf(entries);
    }
}
