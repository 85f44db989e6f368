package io.rtmstreams.app.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.contract.Json;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The import's view of rtm.command-results: the results of its own requests (its router, its request-id prefix),
 * read from the end the topic had when the import began. With {@code ack: ERRORS} those are the failures, the
 * interface changes' results and the SYNCs'.
 */
public final class CommandResults implements AutoCloseable {

    /** A result as far as the import needs it (contract.md, Command results). */
    public record Result(String requestId, String router, String op, String status, Long failed, String message) {

        public boolean ok() {
            return "NO_ERROR".equals(status) && (failed == null || failed == 0);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, String> consumer;
    private final String router;
    private final String requestIdPrefix;
    private final Map<String, Result> results = new HashMap<>();
    private final List<Result> failures = new ArrayList<>();

    /** Starts reading {@code topic} from its current end. */
    public CommandResults(Consumer<String, String> consumer, String topic, String router, String requestIdPrefix) {
        this.consumer = consumer;
        this.router = router;
        this.requestIdPrefix = requestIdPrefix;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits up to {@code timeout} for the results of {@code requestIds}; true when all came. */
    public boolean await(Collection<String> requestIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!results.keySet().containsAll(requestIds)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            poll();
        }
        return true;
    }

    /** The result of {@code requestId}, or null when none came (yet). */
    public Result result(String requestId) {
        return results.get(requestId);
    }

    /** The results that reported a failure (a failed route of a batch included), in arrival order. */
    public List<Result> failures() {
        return List.copyOf(failures);
    }

    /** How many failures, by op and status. */
    public Map<String, Long> failureCounts() {
        return failures.stream().collect(Collectors.groupingBy(f -> f.op() + " " + f.status(), Collectors.counting()));
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            if (router.equals(record.key()) && record.value() != null) {
                accept(record.value());
            }
        }
    }

    private void accept(String value) {
        Result result;
        try {
            result = Json.MAPPER.readValue(value, Result.class);
        } catch (JsonProcessingException e) {
            return;
        }
        if (result.requestId() == null || !result.requestId().startsWith(requestIdPrefix)) {
            return;
        }
        results.put(result.requestId(), result);
        if (!result.ok() && !("REGISTER_ENTITY".equals(result.op()) && "ERROR_ALREADY_EXISTS".equals(result.status()))) {
            failures.add(result);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
