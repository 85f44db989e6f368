package io.rtmstreams.streams;

import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The fleet aggregator's work per best-route change (D27) when {@code routers} (router, rtmInstance) tables reach the
 * same prefix, as in a fleet whose routers all carry the full table: read the best-route key, project the record to
 * its member, and write the member; when the member count moves, also the tally and the fleet record, serialized as
 * the sink does. {@code update} changes one table's best route (the count stays); {@code leaveAndReturn} alternates
 * a table's tombstone and its best route again (every change moves the count). Both must not depend on
 * {@code routers}. The baseline is what any consumer that keeps the topic's latest record per key pays: write the
 * record under its key into a store of the same kind.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='FleetAggregator'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 3, time = 3)
public class FleetAggregatorBenchmark {

    private static final String PREFIX = "unicast|203.0.113.0/24";

    @Param({"1", "64", "1000"})
    public int routers;

    private MockProcessorContext<String, Object> ctx;
    private KeyValueStore<Bytes, byte[]> store;
    private FleetProcessor processor;
    private final JsonSerializer sink = new JsonSerializer();
    /** Whole rounds of every table leaving and returning, at least 1,024 changes. */
    private int changes;
    private String[] keys;
    private byte[][] updates;
    private byte[][] leavesAndReturns;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Properties p = new Properties();
        p.put("application.id", "bench");
        p.put("bootstrap.servers", "unused:9092");
        ctx = new MockProcessorContext<>(p, new TaskId(1, 0), new File(System.getProperty("java.io.tmpdir")));
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreRegistry.FLEET_STATE), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(ctx.getStateStoreContext(), store);
        ctx.addStateStore(store);
        processor = new FleetProcessor();
        processor.init(ctx);
        for (int r = 0; r < routers; r++) {
            process(key(r), bestRoute(r, 100));
        }
        changes = 2 * routers * Math.max(1, 512 / routers);
        keys = new String[changes];
        updates = new byte[changes][];
        leavesAndReturns = new byte[changes][];
        for (int i = 0; i < changes; i++) {
            keys[i] = key(i % routers);
            updates[i] = bestRoute(i % routers, 101 + i);
            // Each table leaves (a tombstone) and returns: the count moves with every change.
            leavesAndReturns[i] = (i / routers) % 2 == 0 ? null : bestRoute(i % routers, 100);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private static String key(int router) {
        return String.format("edge-router-%04d|0|", router) + PREFIX;
    }

    /** A best-route record as the table processor writes it, for one router and metric. */
    private static byte[] bestRoute(int router, long metric) {
        String hop = "{\"address\":\"198.51.100." + (router % 250 + 1) + "\",\"interfaceIndex\":3,"
                + "\"interfaceLuid\":\"1688849860263936\",\"nextHopId\":7}";
        return ("{\"router\":\"" + String.format("edge-router-%04d", router) + "\",\"rtmInstance\":0,"
                + "\"family\":\"ipv4\",\"view\":\"unicast\",\"prefix\":\"203.0.113.0/24\",\"version\":" + metric
                + ",\"routeId\":" + (1_000 + router) + ",\"owner\":{\"protocolId\":14,\"instanceId\":1},"
                + "\"neighbour\":" + hop + ",\"preference\":20,\"metric\":" + metric + ",\"interfaceMetric\":0,"
                + "\"effectiveMetric\":" + metric + ",\"nextHops\":[" + hop + "],\"flags\":[],\"numRoutes\":1,"
                + "\"lastChanged\":" + (1_700_000_000_000L + metric) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** One change through the processor; the fleet record it publishes, if any, serialized as the sink does. */
    private byte[] process(String key, byte[] value) {
        processor.process(new Record<>(key, value, 0L));
        if (ctx.forwarded().isEmpty()) {
            return null;
        }
        Object out = ctx.forwarded().get(0).record().value();
        ctx.resetForwards();
        return sink.serialize("rtm.fleet-routes", out);
    }

    private int nextChange() {
        int i = next;
        next = i + 1 == changes ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public byte[] update() {
        int i = nextChange();
        return process(keys[i], updates[i]);
    }

    @Benchmark
    public byte[] leaveAndReturn() {
        int i = nextChange();
        return process(keys[i], leavesAndReturns[i]);
    }

    @Benchmark
    public Object baselineKeepTheLatestRecordPerKey() {
        int i = nextChange();
        Bytes key = Bytes.wrap(keys[i].getBytes(StandardCharsets.UTF_8));
        store.put(key, updates[i]);
        return key;
    }
}
