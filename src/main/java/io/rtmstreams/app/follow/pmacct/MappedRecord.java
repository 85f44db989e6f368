package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.importer.ImportRecord;

import java.util.Objects;

/** A record to produce: the router it is keyed by and the command or interface change, as an import sends it. */
public record MappedRecord(String router, ImportRecord record) {

    public MappedRecord {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(record, "record");
    }
}
