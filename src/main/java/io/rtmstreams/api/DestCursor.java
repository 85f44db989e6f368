package io.rtmstreams.api;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The cursor of a destination enumeration: the engine's resume position (the last destination of the page, R128;
 * the next page starts after it even if it has since been deleted), as URL-safe base64 without padding of
 * {@code d1:<prefix>}. It is opaque to clients, who repeat the enumeration's other parameters with it; {@code d1}
 * names the kind and version, so a future format can be told apart.
 */
final class DestCursor {

    private static final String TAG = "d1:";

    private DestCursor() {
    }

    static String encode(Prefix last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + last).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor encodes; it must belong to {@code family}'s table. */
    static Prefix decode(String cursor, IpFamily family) {
        return Params.parse("cursor", cursor, c -> {
            String text;
            try {
                text = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a cursor this API issued");
            }
            if (!text.startsWith(TAG)) {
                throw new IllegalArgumentException("not a cursor this API issued");
            }
            Prefix p = Prefix.parse(text.substring(TAG.length()));
            if (p.family() != family) {
                throw new IllegalArgumentException("the cursor is from an " + p.family().wireName()
                        + " enumeration, not " + family.wireName());
            }
            return p;
        });
    }
}
