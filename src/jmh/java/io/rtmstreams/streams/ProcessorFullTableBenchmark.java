package io.rtmstreams.streams;

import io.rtmstreams.bench.RibTable;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The table processor alone, without a broker and without the test driver's commit after every record: the full
 * RouteViews table as JSON ADD_ROUTE records through JSON parsing, the engine, the state codecs and real Kafka
 * Streams stores (RocksDB, or in-memory for comparison), and the output mapping. This is the processing cost per
 * advert that any deployment pays before Kafka's own.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='ProcessorFullTable'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ProcessorFullTableBenchmark {

    @Param({"rocksdb", "in-memory"})
    public String stores;

    private List<Record<byte[], byte[]>> records;
    private Path stateDir;
    private MockProcessorContext<Object, Object> ctx;
    private TableProcessor processor;
    private final List<KeyValueStore<Bytes, byte[]>> opened = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<String> commands = RibTable.load().commands("bench");
        records = new ArrayList<>(commands.size());
        byte[] key = "bench".getBytes(StandardCharsets.UTF_8);
        for (int t = 0; t < commands.size(); t++) {
            records.add(record(key, commands.get(t), t));
        }
    }

    @Setup(Level.Invocation)
    public void open() throws IOException {
        stateDir = Files.createTempDirectory("rtm-bench");
        Properties p = new Properties();
        p.put("application.id", "bench");
        p.put("bootstrap.servers", "unused:9092");
        p.put("state.dir", stateDir.toString());
        ctx = new MockProcessorContext<>(p, new org.apache.kafka.streams.processor.TaskId(0, 0), stateDir.toFile());
        ctx.setCurrentSystemTimeMs(0);
        ctx.setRecordMetadata(StreamsSettings.defaults().topics().routeAdverts(), 0, 0);
        Function<String, KeyValueBytesStoreSupplier> supplier = stores.equals("rocksdb")
                ? Stores::persistentKeyValueStore : Stores::inMemoryKeyValueStore;
        for (String name : java.util.List.of(StoreRegistry.TABLE_STATE)) {
            KeyValueStore<Bytes, byte[]> s = Stores.keyValueStoreBuilder(supplier.apply(name), Serdes.Bytes(),
                    Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
            s.init(ctx.getStateStoreContext(), s);
            ctx.addStateStore(s);
            opened.add(s);
        }
        processor = new TableProcessor(StreamsSettings.defaults(), ProcessorMetrics.NONE);
        processor.init(ctx);
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
        opened.forEach(KeyValueStore::close);
        opened.clear();
        try (Stream<Path> s = Files.walk(stateDir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Benchmark
    public int fullTable() {
        int n = 0;
        for (Record<byte[], byte[]> r : records) {
            processor.process(r);
            if (++n % 10_000 == 0) {
                ctx.resetForwards();
            }
        }
        return ctx.forwarded().size();
    }

    private static Record<byte[], byte[]> record(byte[] key, String json, long ts) {
        return new Record<>(key, json.getBytes(StandardCharsets.UTF_8), ts);
    }
}
