package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;

/**
 * Records as the lines of ../shared/data/normalized (bgpdump -m, reduced to the fields an importer uses), and those
 * reference lines in one canonical text, so that the two compare as strings: times in microseconds, addresses and
 * prefixes in the project's canonical text. bgpdump prints an absent MED or LOCAL_PREF as 0, the AS path length
 * counts an AS_SET as 1, and the origin AS is the path's last element as bgpdump prints it ({@code {a,b}} for a
 * set).
 */
final class BgpdumpLines {

    private BgpdumpLines() {
    }

    /**
     * @param peerInWithdrawals print a withdrawal's prefix with the peer's address, as bgpdump does for the
     *                          deprecated BGP type
     */
    static List<String> of(MrtRecord record, boolean peerInWithdrawals) {
        List<String> lines = new ArrayList<>();
        if (record instanceof RibRecord rib) {
            rib.entries().forEach(e -> lines.add(rib(e)));
        } else if (record instanceof UpdateRecord update) {
            String head = record.epochMicros() + "|";
            update.withdrawals().forEach(w -> lines.add(head + "W|" + peer(update.peer()) + "|"
                    + (peerInWithdrawals ? Prefix.of(update.peer().address(), w.nlri().prefix().length())
                    : w.nlri().prefix())));
            update.announcements().forEach(a -> lines.add(head + "A|" + peer(update.peer()) + "|"
                    + route(a.nlri().prefix(), a.nextHop(), update.attributes())));
        } else if (record instanceof StateChange s) {
            lines.add(s.epochMicros() + "|S|" + peer(s.peer()) + "|" + s.oldState() + "|" + s.newState());
        }
        return lines;
    }

    private static String rib(RibEntry e) {
        return peer(e.peer()) + "|" + route(e.prefix(), e.nextHop(), e.attributes());
    }

    private static String peer(Peer p) {
        return p.address() + "|" + p.asn();
    }

    private static String route(Prefix prefix, IpAddress nextHop, PathAttributes a) {
        String path = a.path().toString();
        return prefix + "|" + nextHop + "|" + a.path().length() + "|" + a.origin() + "|" + zeroIfAbsent(a.med())
                + "|" + zeroIfAbsent(a.localPref()) + "|" + path.substring(path.lastIndexOf(' ') + 1);
    }

    private static long zeroIfAbsent(Long value) {
        return value == null ? 0 : value;
    }

    /** A reference line in the canonical text of {@link #of}. */
    static String canonical(String line, boolean updates) {
        String[] f = line.split("\\|", -1);
        int at = 0;
        StringBuilder out = new StringBuilder();
        if (updates) {
            out.append(micros(f[0])).append('|').append(f[1]).append('|');
            at = 2;
        }
        out.append(IpAddress.parse(f[at])).append('|').append(f[at + 1]);
        if (updates && !f[1].equals("A")) {
            out.append('|').append(f[1].equals("W") ? Prefix.parse(f[at + 2]).toString() : f[at + 2] + "|"
                    + f[at + 3]);
            return out.toString();
        }
        out.append('|').append(Prefix.parse(f[at + 2])).append('|').append(IpAddress.parse(f[at + 3]));
        for (int i = at + 4; i < f.length; i++) {
            out.append('|').append(f[i]);
        }
        return out.toString();
    }

    private static long micros(String time) {
        int dot = time.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(time) * 1_000_000;
        }
        String fraction = (time.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(time.substring(0, dot)) * 1_000_000 + Long.parseLong(fraction);
    }
}
