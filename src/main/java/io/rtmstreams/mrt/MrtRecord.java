package io.rtmstreams.mrt;

/**
 * What an MRT file tells an importer, one MRT record at a time: RIB entries, UPDATE messages and session state
 * changes, each with the offset of its record in the decompressed file and its time in microseconds since the epoch
 * (whole seconds except in the _ET types).
 */
public sealed interface MrtRecord permits RibRecord, UpdateRecord, StateChange {

    long offset();

    long epochMicros();

    /** The time in milliseconds since the epoch. */
    default long epochMillis() {
        return epochMicros() / 1_000;
    }
}
