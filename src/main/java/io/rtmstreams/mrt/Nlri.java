package io.rtmstreams.mrt;

import io.rtmstreams.net.Prefix;

import java.util.Objects;

/** A prefix as BGP carries it, with its ADD-PATH path identifier (RFC 7911) or {@link #NO_PATH_ID}. */
public record Nlri(Prefix prefix, long pathId) {

    /** The path identifier of NLRI without ADD-PATH. */
    public static final long NO_PATH_ID = -1;

    public Nlri {
        Objects.requireNonNull(prefix, "prefix");
    }

    public boolean hasPathId() {
        return pathId != NO_PATH_ID;
    }
}
