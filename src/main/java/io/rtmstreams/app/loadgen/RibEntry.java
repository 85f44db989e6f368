package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.util.Objects;

/**
 * One peer's route to a prefix in a RIB dump, as the normalized text of {@code ../shared/data} gives it: the prefix,
 * the BGP next hop, the AS-path length, the origin and the MED (data/README.md, normalized/).
 */
public record RibEntry(Prefix prefix, IpAddress nextHop, int asPathLength, Origin origin, long med) {

    public RibEntry {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(origin, "origin");
        if (asPathLength < 0 || med < 0) {
            throw new IllegalArgumentException("AS-path length and MED are never negative");
        }
    }

    /** The BGP ORIGIN attribute, with the rank D28 gives it in a route's metric. */
    public enum Origin {
        IGP, EGP, INCOMPLETE;

        /** IGP 0, EGP 1, INCOMPLETE 2: the lower, the better (D28). */
        public int rank() {
            return ordinal();
        }
    }
}
