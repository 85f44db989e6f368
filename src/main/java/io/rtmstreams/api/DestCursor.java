package io.rtmstreams.api;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

/**
 * The cursor of a destination enumeration: the engine's resume position (the last destination of the page, R128;
 * the next page starts after it even if it has since been deleted), as an {@link OpaqueCursor} tagged {@code d1:}
 * of the prefix.
 */
final class DestCursor {

    private static final String TAG = "d1:";

    private DestCursor() {
    }

    static String encode(Prefix last) {
        return OpaqueCursor.encode(TAG, last.toString());
    }

    /** The position a cursor encodes; it must belong to {@code family}'s table. */
    static Prefix decode(String cursor, IpFamily family) {
        return Params.parse("cursor", cursor, c -> {
            Prefix p = Prefix.parse(OpaqueCursor.decode(TAG, c));
            if (p.family() != family) {
                throw new IllegalArgumentException("the cursor is from an " + p.family().wireName()
                        + " enumeration, not " + family.wireName());
            }
            return p;
        });
    }
}
