package io.rtmstreams.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wire form of the API's page cursors: URL-safe base64 without padding of {@code <tag><position>}, where the tag
 * names the kind and version of cursor ({@code d1:} destinations, {@code f1:} fleet members), so a cursor of another
 * kind or a future format is told apart. Clients treat it as opaque and repeat the query's other parameters.
 */
final class OpaqueCursor {

    private OpaqueCursor() {
    }

    static String encode(String tag, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((tag + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position text of a cursor with {@code tag}; IllegalArgumentException for anything this API did not issue. */
    static String decode(String tag, String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor this API issued");
        }
        if (!text.startsWith(tag)) {
            throw new IllegalArgumentException("not a cursor this API issued");
        }
        return text.substring(tag.length());
    }
}
