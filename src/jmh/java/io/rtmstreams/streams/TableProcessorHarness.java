package io.rtmstreams.streams;

import io.rtmstreams.streams.state.IndexDerivingStore;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The table processor on its real store (RocksDB, or in-memory for comparison) without a broker or the test
 * driver's commit after every record: for benchmarks of the processing path and of queries over the state it
 * builds. Forwarded records are dropped every 10,000 records so memory stays flat.
 */
public final class TableProcessorHarness implements AutoCloseable {

    private final Path stateDir;
    private final MockProcessorContext<Object, Object> ctx;
    private final KeyValueStore<Bytes, byte[]> tableState;
    private final TableProcessor processor;
    private final StreamsSettings settings = StreamsSettings.defaults();
    private long time;
    private int sinceReset;

    private TableProcessorHarness(KeyValueBytesStoreSupplier supplier, Path stateDir) {
        this.stateDir = stateDir;
        Properties p = new Properties();
        p.put("application.id", "bench");
        p.put("bootstrap.servers", "unused:9092");
        p.put("state.dir", stateDir.toString());
        ctx = new MockProcessorContext<>(p, new TaskId(0, 0), stateDir.toFile());
        ctx.setCurrentSystemTimeMs(0);
        tableState = Stores.keyValueStoreBuilder(IndexDerivingStore.supplier(supplier), Serdes.Bytes(),
                        Serdes.ByteArray())
                .withLoggingDisabled().withCachingDisabled().build();
        tableState.init(ctx.getStateStoreContext(), tableState);
        ctx.addStateStore(tableState);
        processor = new TableProcessor(settings, ProcessorMetrics.NONE);
        processor.init(ctx);
    }

    public static TableProcessorHarness rocksDb() {
        return new TableProcessorHarness(Stores.persistentKeyValueStore(StoreRegistry.TABLE_STATE), tempDir());
    }

    public static TableProcessorHarness inMemory() {
        return new TableProcessorHarness(Stores.inMemoryKeyValueStore(StoreRegistry.TABLE_STATE), tempDir());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rtm-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes one record of {@code rtm.route-adverts}, keyed by the router "bench". */
    public void command(String json) {
        process(settings.topics().routeAdverts(), json);
    }

    /** Processes one record of {@code rtm.interface-changes}, keyed by the router "bench". */
    public void interfaceChange(String json) {
        process(settings.topics().interfaceChanges(), json);
    }

    public void process(String topic, String json) {
        ctx.setRecordMetadata(topic, 0, time);
        processor.process(new Record<>("bench".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), time++));
        if (++sinceReset == 10_000) {
            ctx.resetForwards();
            sinceReset = 0;
        }
    }

    /** How many records the processor forwarded since the last reset. */
    public int forwarded() {
        return ctx.forwarded().size();
    }

    public KeyValueStore<Bytes, byte[]> tableState() {
        return tableState;
    }

    @Override
    public void close() {
        tableState.close();
        try (Stream<Path> s = Files.walk(stateDir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
