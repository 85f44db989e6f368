package io.rtmstreams.app.importer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did: MRT records read, routes and withdrawals sent, peers, what was skipped or ignored and why,
 * failures the processor reported, and when the SYNCs were answered (null when they were not in time, or none was
 * sent because nothing could be read).
 */
public record ImportSummary(int files, long records, long routes, long withdrawals, long peerDowns, int peers,
                            Map<String, Long> skipped, Map<String, Long> ignored, Map<String, Long> failures,
                            List<String> firstFailures, Duration sent, Duration synced) {

    public ImportSummary {
        skipped = Map.copyOf(skipped);
        ignored = Map.copyOf(ignored);
        failures = Map.copyOf(failures);
        firstFailures = List.copyOf(firstFailures);
    }

    /** Whether anything at all could be read: an import that read nothing failed. */
    public boolean readAnything() {
        return records > 0;
    }

    /** The summary's lines. */
    public List<String> lines() {
        double seconds = Math.max(sent.toNanos() / 1e9, 1e-3);
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Read %,d MRT record%s from %d file%s and sent %,d routes, %,d "
                        + "withdrawals and %,d peer downs in %.1f s (%,.0f records/s, %,.0f routes/s); %d peer "
                        + "interface%s.", records, records == 1 ? "" : "s", files, files == 1 ? "" : "s", routes,
                withdrawals, peerDowns, seconds, records / seconds, routes / seconds, peers, peers == 1 ? "" : "s"));
        if (!skipped.isEmpty()) {
            lines.add("Skipped: " + joined(skipped) + ".");
        }
        if (!ignored.isEmpty()) {
            lines.add("Ignored (nothing to import): " + joined(ignored) + ".");
        }
        if (!failures.isEmpty()) {
            lines.add("Failures the processor reported: " + joined(failures) + ".");
            firstFailures.forEach(f -> lines.add("  " + f));
        }
        lines.add(synced == null ? "No SYNC result: the tables are not known to be complete."
                : String.format(Locale.ROOT, "SYNC answered %.1f s after the start: the tables are in.",
                synced.toNanos() / 1e9));
        return lines;
    }

    private static String joined(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
