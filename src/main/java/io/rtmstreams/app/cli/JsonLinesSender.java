package io.rtmstreams.app.cli;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Sends JSON lines to the input topics, each keyed by its router (D2). Lines that are not JSON objects with a
 * router are reported with their line number and skipped, or end the run with {@code strict}. The first record the
 * broker refuses ends the run too: the lines after it are not read. Blank lines are ignored.
 */
final class JsonLinesSender {

    /** Skipped lines reported one by one; past this they are only counted, so a wrong file cannot flood stderr. */
    static final int REPORTED_SKIPS = 50;
    private static final int PROGRESS_EVERY = 1024;

    private final Producer<String, String> producer;
    private final Topics topics;
    private final TopicChoice choice;
    private final boolean strict;
    private final ReadProgress progress;

    private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private long skipped;

    JsonLinesSender(Producer<String, String> producer, Topics topics, TopicChoice choice, boolean strict,
                    ReadProgress progress) {
        this.producer = producer;
        this.topics = topics;
        this.choice = choice;
        this.strict = strict;
        this.progress = progress;
    }

    /** Reads {@code lines} to the end (or the first failure), waits for the broker's acknowledgements, and says what
     * happened. Not reusable. */
    ProduceResult send(BufferedReader lines) throws IOException {
        long started = System.nanoTime();
        long number = 0;
        for (String line = next(lines, 1); line != null && failure.get() == null; line = next(lines, number + 1)) {
            number++;
            if (!line.isBlank()) {
                handle(number, line);
            }
            if (number % PROGRESS_EVERY == 0) {
                progress.sent(sent());
            }
        }
        producer.flush();
        progress.sent(sent());
        return new ProduceResult(sentByTopic(), skipped, Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(failure.get()));
    }

    /** The next line, or null at the end and at bytes that are not UTF-8 (which end the run). */
    private String next(BufferedReader lines, long number) throws IOException {
        try {
            return lines.readLine();
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the lines it returns, so the bad bytes may lie a few lines further on.
            fail("the input is not valid UTF-8 (at or after line " + number + ")");
            return null;
        }
    }

    private void handle(long number, String line) {
        JsonLine parsed = JsonLine.parse(line);
        if (parsed instanceof JsonLine.Routable routable) {
            send(number, routable, line);
        } else {
            skip(number, ((JsonLine.Unroutable) parsed).reason());
        }
    }

    private void send(long number, JsonLine.Routable line, String value) {
        String topic = choice.topicFor(line, topics);
        try {
            producer.send(new ProducerRecord<>(topic, line.router(), value), (metadata, error) -> {
                if (error == null) {
                    acknowledged.computeIfAbsent(topic, t -> new LongAdder()).increment();
                } else {
                    fail("line " + number + " was not sent to " + topic + ": " + error.getMessage());
                }
            });
        } catch (KafkaException e) {
            fail("line " + number + " was not sent to " + topic + ": " + e.getMessage());
        }
    }

    private void skip(long number, String reason) {
        skipped++;
        if (strict) {
            fail("line " + number + ": " + reason + " (stopped there: --strict)");
        } else if (skipped <= REPORTED_SKIPS) {
            progress.report("line " + number + " skipped: " + reason);
        } else if (skipped == REPORTED_SKIPS + 1) {
            progress.report("further skipped lines are counted, not listed");
        }
    }

    private void fail(String reason) {
        failure.compareAndSet(null, reason);
    }

    private long sent() {
        return acknowledged.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private Map<String, Long> sentByTopic() {
        return acknowledged.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }
}
