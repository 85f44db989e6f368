package io.rtmstreams.bench;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.Notification;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ExpiryPolicy;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.InMemoryStores;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine's raw speed on one core for a full real table (issue 2): every route of one BGP peer's full IPv4
 * table added to one router, then one best-route lookup (RtmGetMostSpecificDestination) per prefix for an address
 * inside it; the effects stream out of the engine and are dropped, as the topology streams them into records. Each
 * benchmark is one pass over the whole table; the baselines do the same with a bare sorted map of
 * the same keys, which is the floor any ordered store imposes, so the ratio is the cost of RTM semantics.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='EngineFullTable'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class EngineFullTableBenchmark {

    private static final String ROUTER = "bench";
    private static final EntityId BGP = EntityId.of(14, 1);
    private static final TableId TABLE = TableId.of(ROUTER, 0, IpFamily.IPV4);

    private List<Command.AddRoute> adds;
    private Prefix[] lookups;
    private byte[][] keys;
    private RtmEngine loaded;
    private TreeMap<byte[], Object> loadedMap;

    @Setup(Level.Trial)
    public void load() throws IOException {
        RibTable rib = RibTable.load();
        NextHopSpec neighbour = new NextHopSpec(IpAddress.parse(RibTable.DEFAULT_PEER), 1, 0, null);
        adds = rib.entries().stream().map(e -> new Command.AddRoute(ROUTER, 0, BGP, null, e.prefix(),
                List.of(new NextHopSpec(e.nextHop(), 1, 0, null)), neighbour, 20, e.med(), View.UNICAST.mask(), 0,
                Command.INFINITE, 0, null, null, null)).toList();
        SplittableRandom random = new SplittableRandom(42);
        lookups = rib.entries().stream().map(e -> Prefix.host(inside(e.prefix(), random))).toArray(Prefix[]::new);
        keys = rib.entries().stream().map(e -> key(e.prefix())).toArray(byte[][]::new);
        loaded = fill(newEngine());
        loadedMap = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[] k : keys) {
            loadedMap.put(k, k);
        }
    }

    @Benchmark
    public RtmEngine addFullTable() {
        return fill(newEngine());
    }

    @Benchmark
    public void bestRouteLookups(Blackhole bh) {
        for (Prefix p : lookups) {
            bh.consume(loaded.queries().mostSpecific(TABLE, p, View.UNICAST.mask(), 0, null));
        }
    }

    @Benchmark
    public TreeMap<byte[], Object> baselineSortedMapInserts() {
        TreeMap<byte[], Object> m = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[] k : keys) {
            m.put(k, k);
        }
        return m;
    }

    @Benchmark
    public void baselineSortedMapFloorLookups(Blackhole bh) {
        for (Prefix p : lookups) {
            bh.consume(loadedMap.floorKey(key(p)));
        }
    }

    private static RtmEngine newEngine() {
        RtmEngine e = new RtmEngine(new InMemoryStores(), RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
        e.execute(new Command.RegisterEntity(ROUTER, 0, BGP, IpFamily.IPV4, ExpiryPolicy.DELETE, List.of()), 0);
        return e;
    }

    /** Effects are streamed and dropped, as the topology streams them into records. */
    private static final EffectSink DISCARD = new EffectSink() {
        @Override
        public void change(DestChange change) {
        }

        @Override
        public void event(EntityEvent event) {
        }

        @Override
        public void notify(Notification notification) {
        }
    };

    private RtmEngine fill(RtmEngine e) {
        long now = 1;
        for (Command.AddRoute a : adds) {
            Outcome o = e.execute(a, now++, DISCARD);
            if (!o.succeeded()) {
                throw new IllegalStateException(a.dest() + ": " + o.status() + " " + o.message());
            }
        }
        return e;
    }

    private static IpAddress inside(Prefix p, SplittableRandom random) {
        byte[] b = p.address().toBytes();
        for (int bit = p.length(); bit < 32; bit++) {
            if (random.nextBoolean()) {
                b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        return IpAddress.ofBytes(b);
    }

    private static byte[] key(Prefix p) {
        byte[] k = new byte[p.keySize()];
        p.writeKey(k, 0);
        return k;
    }
}
