package io.rtmstreams.app.importer;

import java.util.Objects;

/**
 * One record an import sends: a command or an interface change (a {@code WireCommand} or
 * {@code WireInterfaceChange}), its request id, and its record timestamp, the MRT time of what it came from.
 */
public record ImportRecord(Kind kind, String requestId, Object value, long timestampMs) {

    /** What the sender does with a record: where it goes and whether its result is awaited. */
    public enum Kind {
        /** A command whose result (published only on failure, ack ERRORS) is not waited for. */
        COMMAND,
        /** An interface change to rtm.interface-changes; commands after it wait for its result (D30). */
        INTERFACE,
        /** A SYNC, whose result the import waits for at the end. */
        SYNC
    }

    public ImportRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(value, "value");
    }
}
