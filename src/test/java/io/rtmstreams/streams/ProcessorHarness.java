package io.rtmstreams.streams;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.TimerRef;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.streams.state.IndexDerivingStore;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The table processor alone on a mock context (tier 2, design.md): records go in one {@code process()} call at a
 * time, punctuations run when the test says, and the task's state store outlives the processor, so a test can
 * {@linkplain #restart restart} it in the middle of its work as a crash after a commit would.
 */
final class ProcessorHarness implements AutoCloseable {

    /** One output record: the sink it went to, its key, value and time. */
    record Output(String sink, String key, Object value, long timestamp) {
    }

    private final StreamsSettings settings;
    private KeyValueStore<Bytes, byte[]> store;
    private final Consumer<Output> sink;
    private final ProcessorMetrics metrics;
    private final File stateDir;
    private MockProcessorContext<Object, Object> ctx;
    private TableProcessor processor;
    private long offset;
    private long wallClock = 1_000_000;

    /**
     * A processor over a fresh table store (RocksDB); every output goes to {@code sink} as it is produced, and the
     * number of timers each call fires to {@code timersFired}.
     */
    ProcessorHarness(StreamsSettings settings, Consumer<Output> sink, IntConsumer timersFired) {
        this.settings = settings;
        this.sink = sink;
        this.metrics = new ProcessorMetrics() {
            @Override
            public void timersFired(int count) {
                timersFired.accept(count);
            }
        };
        this.store = newStore();
        try {
            stateDir = Files.createTempDirectory("rtm-processor-test").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(true);
    }

    /** A processor that keeps its outputs in a list. */
    static ProcessorHarness collecting(StreamsSettings settings, List<Output> outputs) {
        return new ProcessorHarness(settings, outputs::add, n -> {
        });
    }

    /** Closes the store and deletes its files. */
    @Override
    public void close() {
        store.close();
        try (Stream<Path> files = Files.walk(stateDir.toPath())) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new processor over the same state, as after a crash once the last step was committed. */
    void restart() {
        start(false);
    }

    /** A new processor over the same state, opened again (as by a new release), as after a clean shutdown. */
    void reopen() {
        store.close();
        store = newStore();
        start(true);
    }

    /** The task's table state, as the processor reads and writes it. */
    KeyValueStore<Bytes, byte[]> store() {
        return store;
    }

    /** RocksDB, as in the topology (Kafka's in-memory store copies its range for every iterator), without a log. */
    private static KeyValueStore<Bytes, byte[]> newStore() {
        return Stores.keyValueStoreBuilder(IndexDerivingStore.supplier(Stores.persistentKeyValueStore(
                StoreRegistry.TABLE_STATE)), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    }

    private void start(boolean fresh) {
        ctx = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir);
        if (fresh) {
            store.init(ctx.getStateStoreContext(), store);
        }
        ctx.addStateStore(store);
        ctx.setCurrentSystemTimeMs(wallClock);
        processor = new TableProcessor(settings, metrics);
        processor.init(ctx);
    }

    /**
     * Writes {@code n} deadlines of deleted routes' retention (R80) for routes that no longer exist, spread up to
     * {@code lastDeadline}: in version 1's timer store ({@code deadline | kind | router | route id}, one store in
     * time order), or in the current one ({@code router | deadline | kind | route id}). A processor started after
     * this fires them as due, moving version 1's first.
     */
    void writeTimers(String router, int n, long lastDeadline, boolean version1) {
        OrderedStore<TimerRef> timers = StoreRegistry.provider(store).store(version1 ? RtmStores.TIMERS
                : RtmStores.ROUTER_TIMERS);
        TableId table = TableId.of(router, 0, IpFamily.IPV4);
        Prefix dest = Prefix.parse("10.255.0.0/16");
        int kind = TimerRef.Kind.ROUTE_RETENTION.ordinal();
        for (int i = 0; i < n; i++) {
            long deadline = 1 + lastDeadline * i / n;
            long routeId = 10_000_000L + i;
            KeyBuilder key = version1 ? new KeyBuilder(32).u64(deadline).u8(kind).string(router)
                    : new KeyBuilder(32).string(router).u64(deadline).u8(kind);
            timers.put(key.u64(routeId).build(), new TimerRef(TimerRef.Kind.ROUTE_RETENTION, deadline, table, dest,
                    routeId));
        }
    }

    /** Processes one command of the route-adverts topic, stamped {@code time}. */
    ProcessorHarness command(String router, long time, String json) {
        return send(settings.topics().routeAdverts(), router, time, json);
    }

    /** Processes one interface change, stamped {@code time}. */
    ProcessorHarness interfaceChange(String router, long time, String json) {
        return send(settings.topics().interfaceChanges(), router, time, json);
    }

    private ProcessorHarness send(String topic, String router, long time, String json) {
        ctx.setRecordMetadata(topic, 0, offset++);
        processor.process(new Record<>(utf8(router), utf8(json), time));
        collect();
        return this;
    }

    /** True while the processor has asked for the punctuation that carries its work on (D24). */
    boolean stepping() {
        return stepper() != null;
    }

    /** Runs the work punctuation once: one step (D24). */
    void step() {
        MockProcessorContext.CapturedPunctuator p = stepper();
        if (p == null) {
            throw new IllegalStateException("no work is pending");
        }
        wallClock += 1;
        ctx.setCurrentSystemTimeMs(wallClock);
        p.getPunctuator().punctuate(wallClock);
        collect();
    }

    /** Steps until no work is pending; returns how many steps it took. */
    int finish() {
        int steps = 0;
        while (stepping()) {
            step();
            steps++;
        }
        return steps;
    }

    /** Lets the wall clock pass {@code ms} with no record, then runs the idle punctuation (D8). */
    void idle(long ms) {
        wallClock += ms;
        ctx.setCurrentSystemTimeMs(wallClock);
        for (MockProcessorContext.CapturedPunctuator p : ctx.scheduledPunctuators()) {
            if (!p.cancelled() && p.getInterval().equals(Duration.ofMillis(settings.punctuationIntervalMs()))) {
                p.getPunctuator().punctuate(wallClock);
            }
        }
        collect();
    }

    private MockProcessorContext.CapturedPunctuator stepper() {
        for (MockProcessorContext.CapturedPunctuator p : ctx.scheduledPunctuators()) {
            if (!p.cancelled() && p.getType() == PunctuationType.WALL_CLOCK_TIME
                    && p.getInterval().equals(Duration.ofMillis(1))) {
                return p;
            }
        }
        return null;
    }

    private void collect() {
        List<Output> out = new ArrayList<>();
        for (MockProcessorContext.CapturedForward<?, ?> f : ctx.forwarded()) {
            Record<?, ?> r = f.record();
            out.add(new Output(f.childName().orElse(""), String.valueOf(r.key() instanceof byte[] b ? new String(b,
                    StandardCharsets.UTF_8) : r.key()), r.value(), r.timestamp()));
        }
        ctx.resetForwards();
        out.forEach(sink);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
