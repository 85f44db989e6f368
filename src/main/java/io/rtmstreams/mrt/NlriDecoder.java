package io.rtmstreams.mrt;

import io.rtmstreams.net.IpFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of prefixes in the NLRI encoding (RFC 4271 §4.3), with a path identifier before each when ADD-PATH is on
 * (RFC 7911). A speaker that sends path identifiers in a record not marked ADD-PATH makes the list unreadable as
 * plain prefixes (the identifier's zero bytes read as lengths, its other bytes as impossible ones); such a list is
 * read again with identifiers, and accepted when that reads it exactly, as bgpkit-parser and GoBGP do.
 */
final class NlriDecoder {

    static final String UNMARKED_ADD_PATH = "NLRI with ADD-PATH identifiers in a record not marked ADD-PATH";

    private NlriDecoder() {
    }

    static List<Nlri> read(ByteCursor bytes, IpFamily family, boolean addPath, MrtCounters counters, String what) {
        if (addPath) {
            return readAll(bytes, family, true, what);
        }
        ByteCursor copy = bytes.copy();
        try {
            return readAll(bytes, family, false, what);
        } catch (MalformedRecordException plain) {
            try {
                List<Nlri> withIds = readAll(copy, family, true, what);
                counters.ignored(UNMARKED_ADD_PATH);
                return withIds;
            } catch (MalformedRecordException ignored) {
                throw plain;
            }
        }
    }

    private static List<Nlri> readAll(ByteCursor bytes, IpFamily family, boolean addPath, String what) {
        List<Nlri> nlri = new ArrayList<>();
        while (bytes.hasRemaining()) {
            long pathId = addPath ? bytes.u32(what + " path identifier") : Nlri.NO_PATH_ID;
            nlri.add(new Nlri(bytes.prefix(family, what), pathId));
        }
        return nlri;
    }
}
