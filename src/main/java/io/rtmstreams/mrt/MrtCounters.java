package io.rtmstreams.mrt;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a read left out, by reason: {@code skipped} records and entries that carried routes or session events but
 * could not be read (malformed, truncated, unknown types), and {@code ignored} parts that carry nothing an importer
 * uses (OPEN and KEEPALIVE messages, unknown BGP attributes, families other than IPv4 and IPv6 unicast and
 * multicast).
 */
final class MrtCounters {

    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> ignored = new TreeMap<>();

    void skipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void ignored(String what) {
        ignored.merge(what, 1L, Long::sum);
    }

    Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }

    Map<String, Long> ignored() {
        return Map.copyOf(ignored);
    }
}
