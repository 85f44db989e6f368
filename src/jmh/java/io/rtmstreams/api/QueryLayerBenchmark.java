package io.rtmstreams.api;

import io.rtmstreams.bench.RibTable;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.iphlp.IphlpQueries;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.TableProcessorHarness;
import io.rtmstreams.streams.state.CommittedTables;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * GetBestRoute2 through the query layer on a full table (issues 3, 5 and 14): the RouteViews table loaded by the
 * real table processor into a RocksDB store behind two interfaces and committed, then lookups the way the query API
 * answers them (parameters parsed, the partition's read model, the lookup over the tables the store published at
 * its commit, the answer written as JSON), beside the read model's lookup over the RocksDB store itself, which is
 * how every lookup was answered before issue 14. Destinations are random addresses inside the table's prefixes
 * ({@code -p destinations=table}) or uniformly random IPv4 addresses ({@code uniform}).
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='QueryLayer'}; with
 * {@code -t 2} (and no taskset) for both cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class QueryLayerBenchmark {

    private static final int LOOKUPS = 1 << 16;

    @Param({"table", "uniform"})
    public String destinations;

    private TableProcessorHarness harness;
    private KeyValueStore<Bytes, byte[]> tableState;
    private String[] lookups;
    private IphlpQueries onTheStore;
    private Queries queries;

    /** Each benchmark thread walks the destinations with its own cursor, so threads share no written field. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String nextOf(String[] lookups) {
            return lookups[next++ & (LOOKUPS - 1)];
        }
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        RibTable rib = RibTable.load();
        harness = TableProcessorHarness.rocksDb();
        harness.interfaceChange("{\"router\":\"bench\",\"requestId\":\"if1\",\"notificationType\":\"ADD_INSTANCE\","
                + "\"interface\":{\"family\":\"ipv4\",\"interfaceLuid\":\"1688849860263936\",\"interfaceIndex\":1,"
                + "\"metric\":25,\"useAutomaticMetric\":false,\"unicastAddresses\":[\"196.223.14.1\"]}}");
        List<String> commands = rib.commands("bench");
        for (String c : commands) {
            harness.command(c);
        }
        tableState = harness.tableState();
        tableState.commit(Map.of());
        lookups = rib.destinations(LOOKUPS, destinations.equals("uniform"), 42);
        onTheStore = IphlpQueries.over(StoreRegistry.readOnly(tableState), StreamsSettings.defaults().rtm(),
                StreamsSettings.defaults().iphlp());
        queries = new Queries(StreamsSettings.defaults());
        CommittedTables committed = CommittedTables.of(tableState);
        System.out.printf("%n%,d destinations published; heap after a full GC %,d MB%n", committed.destinations(),
                usedHeapAfterGc() >> 20);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @TearDown(Level.Trial)
    public void close() {
        harness.close();
    }

    /**
     * The query API's path: parameters, the partition's read model over the store and its committed tables,
     * GetBestRoute2, the JSON answer (an unreachable destination's answer is the error the API would write).
     */
    @Benchmark
    public Object bestRouteThroughTheQueryLayer(Cursor cursor) throws Exception {
        Params p = Params.of(Map.of("router", "bench"), Map.of("destination", List.of(cursor.nextOf(lookups))),
                Set.of("destination", "source", "interfaceLuid", "interfaceIndex", Params.INSTANCE));
        IphlpQueries reads = queries.reads(0, tableState, CommittedTables.of(tableState));
        try {
            return Json.MAPPER.writeValueAsBytes(queries.bestRoute(p, reads));
        } catch (RtmException e) {
            return Json.MAPPER.writeValueAsBytes(OutputMapper.error(e.status(), e.getMessage()));
        }
    }

    /** GetBestRoute2 alone, walking the RocksDB store (every lookup's path before issue 14; no JSON). */
    @Benchmark
    public Object bestRouteOnTheStore(Cursor cursor) {
        return onTheStore.bestRoute(QueryParams.bestRoute("bench", 0, cursor.nextOf(lookups), null, null, null));
    }
}
