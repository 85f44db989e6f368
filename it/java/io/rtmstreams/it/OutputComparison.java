package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares what two runs wrote. Compacted topics are compared by their final state per key (the last record,
 * tombstones as absence): what a consumer that reads the topic from the start ends up with. Event topics are compared
 * by the sequence of records (time and value) per key: a key lives on one partition, so its order is the order the
 * processor wrote it in, while the interleaving of keys across partitions is not part of the contract.
 */
public final class OutputComparison {

    private static final int SHOWN = 5;
    private static final List<String> EVENT_TOPICS = List.of("command-results", "dest-changes", "entity-events",
            "rejected");

    private OutputComparison() {
    }

    /** The last value of every key that is not a tombstone, by key. */
    public static SortedMap<String, String> finalState(List<OutputRecord> records) {
        SortedMap<String, String> state = new TreeMap<>();
        for (OutputRecord r : records) {
            if (r.tombstone()) {
                state.remove(r.key());
            } else {
                state.put(r.key(), r.value());
            }
        }
        return state;
    }

    /** The records of every key, in order, as {@code view} shows them. */
    public static SortedMap<String, List<String>> perKey(List<OutputRecord> records,
                                                         Function<OutputRecord, String> view) {
        SortedMap<String, List<String>> byKey = new TreeMap<>();
        for (OutputRecord r : records) {
            byKey.computeIfAbsent(String.valueOf(r.key()), k -> new ArrayList<>()).add(view.apply(r));
        }
        return byKey;
    }

    /**
     * Every output topic of {@code actual} against {@code expected} (a run of the same input, both under topic
     * prefix {@code prefix}): event topics record for record per key, with rejected records compared without their
     * input coordinates; compacted topics by final state; and best routes and destination changes numbered without
     * gap or repeat per key (D21).
     */
    public static void assertSameOutputs(Map<String, List<OutputRecord>> expected,
                                         Map<String, List<OutputRecord>> actual, String prefix) {
        for (String topic : EVENT_TOPICS.subList(0, 3)) {
            assertSameSequencesPerKey(topic, expected.get(topic), actual.get(topic), OutputComparison::timeAndValue);
        }
        assertSameSequencesPerKey("rejected", expected.get("rejected").stream()
                        .map(r -> withoutCoordinates(r, prefix)).toList(),
                actual.get("rejected").stream().map(r -> withoutCoordinates(r, prefix)).toList(),
                OutputComparison::timeAndValue);
        for (String topic : List.of("best-routes", "notifications", "fleet-routes")) {
            assertSameFinalState(topic, expected.get(topic), actual.get(topic));
        }
        assertBestRouteVersionsCountRecords(actual.get("best-routes"));
        assertDestChangeVersionsConsecutive(actual.get("dest-changes"));
    }

    /**
     * Waits until the committed output is {@code expected} (see {@link #assertSameOutputs}), reads it to the end and
     * checks it once more, so nothing follows; stops waiting early once an event topic has more records than
     * expected (a duplicate never goes away), and says what differs when the output does not come.
     */
    public static Map<String, List<OutputRecord>> awaitSameOutputs(CommittedOutputs outputs,
                                                                   Map<String, List<OutputRecord>> expected,
                                                                   String prefix) {
        try {
            outputs.await("the expected output", o -> sameOutputs(expected, o.snapshot(), prefix)
                    || EVENT_TOPICS.stream().anyMatch(t -> o.count(t) > expected.get(t).size()));
        } catch (AssertionError timedOut) {
            assertSameOutputs(expected, outputs.snapshot(), prefix);
            throw timedOut;
        }
        Map<String, List<OutputRecord>> actual = outputs.readToEnd().snapshot();
        assertSameOutputs(expected, actual, prefix);
        return actual;
    }

    /** Whether {@link #assertSameOutputs} would pass: for waiting until a run has written everything. */
    private static boolean sameOutputs(Map<String, List<OutputRecord>> expected, Map<String, List<OutputRecord>> actual,
                                      String prefix) {
        try {
            assertSameOutputs(expected, actual, prefix);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    /** A record's time and value: what an event topic's comparison looks at. */
    public static String timeAndValue(OutputRecord r) {
        return r.timestamp() + " " + r.value();
    }

    public static void assertSameFinalState(String topic, List<OutputRecord> expected, List<OutputRecord> actual) {
        assertSameMaps(topic + " final state per key", finalState(expected), finalState(actual));
    }

    public static void assertSameSequencesPerKey(String topic, List<OutputRecord> expected, List<OutputRecord> actual,
                                                 Function<OutputRecord, String> view) {
        assertSameMaps(topic + " records per key", perKey(expected, view), perKey(actual, view));
    }

    /** Fails listing the first keys that are missing, extra or different. */
    public static <V> void assertSameMaps(String what, SortedMap<String, V> expected, SortedMap<String, V> actual) {
        List<String> problems = differences(expected, actual);
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": " + problems.size() + " of " + expected.size()
                    + " expected keys differ (" + actual.size() + " actual keys); first ones:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(SHOWN, problems.size()))));
        }
    }

    public static <V> List<String> differences(SortedMap<String, V> expected, SortedMap<String, V> actual) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            V e = expected.get(key);
            V a = actual.get(key);
            if (!Objects.equals(e, a)) {
                problems.add(e instanceof List<?> el && a instanceof List<?> al ? key + ": " + firstDifference(el, al)
                        : key + "\n    expected: " + e + "\n    actual:   " + a);
            }
        }
        return problems;
    }

    private static String firstDifference(List<?> expected, List<?> actual) {
        int n = 0;
        while (n < expected.size() && n < actual.size() && Objects.equals(expected.get(n), actual.get(n))) {
            n++;
        }
        return expected.size() + " records expected, " + actual.size() + " written; record " + (n + 1)
                + "\n    expected: " + (n < expected.size() ? expected.get(n) : "(none)")
                + "\n    actual:   " + (n < actual.size() ? actual.get(n) : "(none)");
    }

    /**
     * D21 for {@code rtm.best-routes}: the n-th record of a key, when it is not a tombstone, carries version n; so no
     * record of a key was lost or written twice, however often the key's state moved between instances.
     */
    public static void assertBestRouteVersionsCountRecords(List<OutputRecord> bestRoutes) {
        perKey(bestRoutes, r -> r.tombstone() ? "-" : String.valueOf(json(r.value()).path("version").asLong()))
                .forEach((key, versions) -> {
                    for (int n = 1; n <= versions.size(); n++) {
                        String v = versions.get(n - 1);
                        if (!v.equals("-") && !v.equals(Integer.toString(n))) {
                            throw new AssertionError("best-routes key " + key + ": record " + n + " has version " + v
                                    + "; versions of the key's records: " + versions);
                        }
                    }
                });
    }

    /** D21 for {@code rtm.dest-changes}: every key's records carry versions 1, 2, 3, ... */
    public static void assertDestChangeVersionsConsecutive(List<OutputRecord> destChanges) {
        perKey(destChanges, r -> String.valueOf(json(r.value()).path("version").asLong())).forEach((key, versions) -> {
            for (int n = 1; n <= versions.size(); n++) {
                if (!versions.get(n - 1).equals(Integer.toString(n))) {
                    throw new AssertionError("dest-changes key " + key + ": versions " + versions);
                }
            }
        });
    }

    /**
     * A rejected record without what depends on where the input landed: its partition and offset, and the prefix of
     * its topic name (each run has its own). Used to compare a run on partitioned topics with the test driver's.
     */
    public static OutputRecord withoutCoordinates(OutputRecord rejected, String prefix) {
        ObjectNode v = (ObjectNode) json(rejected.value());
        v.remove("partition");
        v.remove("offset");
        v.put("topic", v.path("topic").asText().substring(prefix.length()));
        return new OutputRecord(rejected.topic(), -1, -1, rejected.timestamp(), rejected.key(), v.toString());
    }

    public static JsonNode json(String text) {
        try {
            return Commands.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
