package io.rtmstreams.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code produce} did: records the broker acknowledged per topic, lines skipped, how long it took, and why it
 * stopped early, if it did.
 */
record ProduceResult(Map<String, Long> sentByTopic, long skipped, Duration elapsed, Optional<String> failure) {

    ProduceResult {
        sentByTopic = Map.copyOf(sentByTopic);
    }

    long sent() {
        return sentByTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line, e.g. "Sent 1,204 records in 0.4 s (3,010 records/s): 1,200 to rtm.route-adverts, ... Skipped 2
     * lines." */
    String summary() {
        double seconds = elapsed.toNanos() / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Sent %,d record%s in %.1f s", sent(),
                sent() == 1 ? "" : "s", seconds));
        if (sent() > 0) {
            line.append(String.format(Locale.ROOT, " (%,.0f records/s): ", sent() / Math.max(seconds, 1e-3)))
                    .append(perTopic());
        }
        line.append('.');
        if (skipped > 0) {
            line.append(String.format(Locale.ROOT, " Skipped %,d line%s.", skipped, skipped == 1 ? "" : "s"));
        }
        return line.toString();
    }

    private String perTopic() {
        return sentByTopic.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%,d to %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}
