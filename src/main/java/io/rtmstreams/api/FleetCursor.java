package io.rtmstreams.api;

import io.rtmstreams.streams.FleetMembers;

/**
 * The cursor of a fleet page: the last (router, rtmInstance) listed, as an {@link OpaqueCursor} tagged {@code f1:}
 * of {@code router|rtmInstance}. The next page starts after that member, also if it has left since.
 */
final class FleetCursor {

    private static final String TAG = "f1:";

    private FleetCursor() {
    }

    static String encode(FleetMembers.Position last) {
        return OpaqueCursor.encode(TAG, last.router() + "|" + last.rtmInstance());
    }

    static FleetMembers.Position decode(String cursor) {
        return Params.parse("cursor", cursor, c -> {
            String position = OpaqueCursor.decode(TAG, c);
            int bar = position.lastIndexOf('|');
            int instance = bar < 1 ? -1 : Integer.parseInt(position.substring(bar + 1));
            if (instance < 0 || instance > 0xFFFF) {
                throw new IllegalArgumentException("not a cursor this API issued");
            }
            return new FleetMembers.Position(position.substring(0, bar), instance);
        });
    }
}
