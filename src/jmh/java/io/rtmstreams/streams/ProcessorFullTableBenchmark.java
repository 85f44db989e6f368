package io.rtmstreams.streams;

import io.rtmstreams.bench.RibTable;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The table processor alone, without a broker and without the test driver's commit after every record: the full
 * RouteViews table as JSON ADD_ROUTE records through JSON parsing, the engine, the state codecs and a real Kafka
 * Streams store (RocksDB, or in-memory for comparison), and the output mapping. This is the processing cost per
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

    private List<String> commands;
    private TableProcessorHarness harness;

    @Setup(Level.Trial)
    public void load() throws IOException {
        commands = RibTable.load().commands("bench");
    }

    @Setup(Level.Invocation)
    public void open() {
        harness = stores.equals("rocksdb") ? TableProcessorHarness.rocksDb() : TableProcessorHarness.inMemory();
    }

    @TearDown(Level.Invocation)
    public void close() {
        harness.close();
    }

    @Benchmark
    public int fullTable() {
        for (String c : commands) {
            harness.command(c);
        }
        return harness.forwarded();
    }
}
