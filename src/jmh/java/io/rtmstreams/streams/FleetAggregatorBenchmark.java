package io.rtmstreams.streams;

import io.rtmstreams.streams.json.Json;
import io.rtmstreams.streams.json.OutputJson;
import io.rtmstreams.streams.json.WireEntity;
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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The fleet aggregator's work per best-route change when {@code routers} routers reach the same prefix, as in a
 * fleet whose routers all carry the full table: read the update, replace one member, publish the prefix's whole
 * member list, serialized as the sink does. The baseline is the pass-through part of that work: read the update and
 * serialize it again.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='FleetAggregator'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class FleetAggregatorBenchmark {

    private static final String KEY = "unicast|203.0.113.0/24";

    @Param({"1", "16", "64"})
    public int routers;

    private MockProcessorContext<String, Object> ctx;
    private KeyValueStore<Bytes, byte[]> store;
    private FleetProcessor processor;
    private final JsonSerializer sink = new JsonSerializer();
    private byte[][] updates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
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
            process(update(r, 100));
        }
        // Each change moves one router's metric: the member list keeps its size.
        updates = new byte[1024][];
        for (int i = 0; i < updates.length; i++) {
            updates[i] = update(i % routers, 100 + i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private static byte[] update(int router, long metric) throws Exception {
        OutputJson.FleetRouter best = new OutputJson.FleetRouter(String.format("edge-router-%03d", router), 0,
                1_000 + router, new WireEntity(14, 1L), metric,
                List.of(new OutputJson.NextHop("198.51.100." + (router % 250 + 1), 3L, "1688849860263936", 7L)));
        return Json.MAPPER.writeValueAsBytes(new FleetUpdate("unicast", "203.0.113.0/24", best.router(), 0, best));
    }

    private byte[] process(byte[] update) {
        processor.process(new Record<>(KEY, update, 0L));
        Object out = ctx.forwarded().get(0).record().value();
        ctx.resetForwards();
        return sink.serialize("rtm.fleet-routes", out);
    }

    @Benchmark
    public byte[] aggregate() {
        return process(updates[next++ & (updates.length - 1)]);
    }

    @Benchmark
    public byte[] baselineReadAndWriteTheUpdate() throws Exception {
        byte[] u = updates[next++ & (updates.length - 1)];
        return sink.serialize("rtm.fleet-routes", Json.MAPPER.readValue(u, FleetUpdate.class));
    }
}
