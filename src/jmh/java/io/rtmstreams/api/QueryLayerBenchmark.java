package io.rtmstreams.api;

import io.rtmstreams.bench.RibTable;
import io.rtmstreams.contract.Json;
import io.rtmstreams.iphlp.BestRouteQuery;
import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.TableProcessorHarness;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * GetBestRoute2 through the query layer on a full table (issues 3 and 5): the RouteViews table loaded by the real
 * table processor into a RocksDB store behind two interfaces, then lookups of random addresses inside its prefixes,
 * the way the query API answers them (a fresh read-only domain per request, parameters parsed, the answer written
 * as JSON), beside the bare lookup on a domain kept across requests.
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

    private TableProcessorHarness harness;
    private KeyValueStore<Bytes, byte[]> tableState;
    private String[] destinations;
    private IpHelper kept;
    private Queries queries;

    /** Each benchmark thread walks the destinations with its own cursor, so threads share no written field. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String nextOf(String[] destinations) {
            return destinations[next++ & (LOOKUPS - 1)];
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
        SplittableRandom random = new SplittableRandom(42);
        destinations = new String[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            Prefix p = rib.entries().get(random.nextInt(rib.entries().size())).prefix();
            destinations[i] = RibTable.addressInside(p, random).toString();
        }
        kept = IpHelper.create(StoreRegistry.readOnly(tableState), StreamsSettings.defaults().rtm(),
                StreamsSettings.defaults().iphlp());
        queries = new Queries(StreamsSettings.defaults());
    }

    @TearDown(Level.Trial)
    public void close() {
        harness.close();
    }

    /** The query API's path: parameters, a fresh read-only domain, GetBestRoute2, the JSON answer. */
    @Benchmark
    public byte[] bestRouteThroughTheQueryLayer(Cursor cursor) throws Exception {
        Params p = Params.of(Map.of("router", "bench"), Map.of("destination", List.of(cursor.nextOf(destinations))),
                Set.of("destination", "source", "interfaceLuid", "interfaceIndex", Params.INSTANCE));
        IpHelper ip = queries.domain(tableState);
        return Json.MAPPER.writeValueAsBytes(queries.bestRoute(p, ip));
    }

    /** GetBestRoute2 alone on a domain kept across lookups (no per-request construction, no JSON). */
    @Benchmark
    public Object bestRouteOnAKeptDomain(Cursor cursor) {
        return kept.bestRoute(QueryParams.bestRoute("bench", 0, cursor.nextOf(destinations), null, null, null));
    }
}
