package io.rtmstreams.app.loadgen;

import com.fasterxml.jackson.databind.ObjectReader;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Reads the committed command results of the fleet's routers from where the topic ended when it was created, on a
 * thread of its own: it notes when each expected result arrives and counts the run's failures (a failed batch by
 * its failed routes). Results of other routers, and of commands other than the run's ({@code lg-} request ids), are
 * passed over.
 */
public final class ResultWatcher implements LoadRun.Results, AutoCloseable {

    /** Failures described in the report; the rest are counted. */
    static final int DESCRIBED = 5;
    private static final ObjectReader RESULT = Json.MAPPER.readerFor(OutputJson.CommandResult.class);
    private static final long CHECK_MILLIS = 20;
    /** An expected result not read yet. */
    private static final long PENDING = Long.MIN_VALUE;

    private final Consumer<byte[], byte[]> consumer;
    private final Set<String> routers;
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final AtomicReference<RuntimeException> broken = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts reading {@code topic} with {@code consumer} (read_committed, no group) from its current end, which it
     * takes before returning, so that every result of a command sent after this is seen.
     */
    public ResultWatcher(Consumer<byte[], byte[]> consumer, String topic, Collection<String> routers) {
        this.consumer = consumer;
        this.routers = Set.copyOf(routers);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::read, "loadgen-results");
        thread.setDaemon(true);
        thread.start();
    }

    /** Routes or commands a result says failed: a batch's failed routes, 1 for another command, 0 for success. */
    static long failedRoutes(OutputJson.CommandResult result) {
        boolean reRegistered = "REGISTER_ENTITY".equals(result.op()) && "ERROR_ALREADY_EXISTS".equals(result.status());
        if ("NO_ERROR".equals(result.status()) || reRegistered) {
            return 0;
        }
        return result.failed() != null && result.failed() > 0 ? result.failed() : 1;
    }

    static String describe(OutputJson.CommandResult r) {
        return r.router() + " " + r.requestId() + " " + r.op() + ": " + r.status()
                + (r.failed() != null ? " (" + r.failed() + " of " + r.count() + " routes)" : "")
                + (r.message() != null ? " " + r.message() : "");
    }

    @Override
    public void expect(List<FleetCommand> commands) {
        commands.forEach(c -> expected.put(key(c.router(), c.requestId()), PENDING));
    }

    @Override
    public long await(List<FleetCommand> commands, Duration patience, LongConsumer arrived)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (broken.get() != null) {
                throw new IllegalStateException("reading the command results failed: " + broken.get().getMessage(),
                        broken.get());
            }
            List<Long> times = commands.stream().map(c -> expected.get(key(c.router(), c.requestId())))
                    .filter(t -> t != null && t != PENDING).toList();
            arrived.accept(times.size());
            if (times.size() == commands.size()) {
                return times.stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("%d of %d results not read within %s (the first: %s):"
                        + " is the processor running on these topics? A processor with --results ERRORS answers no"
                        + " interface change", commands.size() - times.size(), commands.size(), patience,
                        commands.stream().filter(c -> expected.getOrDefault(key(c.router(), c.requestId()), PENDING) == PENDING)
                                .map(c -> c.router() + " " + c.requestId()).findFirst().orElse("")));
            }
            Thread.sleep(CHECK_MILLIS);
        }
    }

    @Override
    public long failedRoutes() {
        return failed.get();
    }

    @Override
    public List<String> firstFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    take(r, System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            broken.set(e);
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record, long now) {
        if (record.key() == null || record.value() == null
                || !routers.contains(new String(record.key(), StandardCharsets.UTF_8))) {
            return;
        }
        OutputJson.CommandResult result;
        try {
            result = RESULT.readValue(record.value());
        } catch (IOException e) {
            return; // not a result of ours: this contract's results always read
        }
        if (result.requestId() == null || !result.requestId().startsWith("lg-")) {
            return;
        }
        expected.computeIfPresent(key(result.router(), result.requestId()), (k, t) -> t == PENDING ? now : t);
        long routes = failedRoutes(result);
        if (routes > 0) {
            failed.addAndGet(routes);
            synchronized (failures) {
                if (failures.size() < DESCRIBED) {
                    failures.add(describe(result));
                }
            }
        }
    }

    private static String key(String router, String requestId) {
        return router + " " + requestId;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}
