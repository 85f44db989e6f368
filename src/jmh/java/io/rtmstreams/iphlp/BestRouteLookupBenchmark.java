package io.rtmstreams.iphlp;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * GetBestRoute2 on a ~500k-destination table (D17; design.md target: 100 000 lookups/s per instance through the
 * query layer): unconstrained (the stored best route), constrained to an interface by LUID (every (route, next hop)
 * ranked), and with a strong-host source. Addresses are drawn at random from the table, so most lookups hit a /24
 * and a few fall through to the default route.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args='BestRouteLookup'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class BestRouteLookupBenchmark {

    @Param("500000")
    public int destinations;

    private BestRouteQuery[] unconstrained;
    private BestRouteQuery[] byLuid;
    private BestRouteQuery[] bySource;
    private IpHelper ip;
    private TreeMap<Integer, Integer> starts;
    private int[] addresses;
    private int next;

    @Setup
    public void load() {
        SyntheticRouter router = new SyntheticRouter(destinations);
        ip = router.ip;
        SplittableRandom random = new SplittableRandom(42);
        int n = 1 << 16;
        unconstrained = new BestRouteQuery[n];
        byLuid = new BestRouteQuery[n];
        bySource = new BestRouteQuery[n];
        addresses = new int[n];
        for (int i = 0; i < n; i++) {
            int d = random.nextInt(destinations + destinations / 50); // about 2 % beyond the table: default route
            addresses[i] = SyntheticRouter.insideValue(d);
            SockAddrInet dst = SockAddrInet.of(SyntheticRouter.inside(d));
            unconstrained[i] = BestRouteQuery.to(SyntheticRouter.ROUTER, dst);
            byLuid[i] = unconstrained[i].withLuid(SyntheticRouter.B);
            bySource[i] = unconstrained[i].from("198.51.100.10");
        }
        starts = new TreeMap<>();
        for (int i = 0; i < destinations; i++) {
            starts.put((1 << 24) + (i << 8), i);
        }
    }

    @Benchmark
    public BestRouteResult unconstrained() {
        return ip.bestRoute(unconstrained[next++ & (unconstrained.length - 1)]);
    }

    @Benchmark
    public BestRouteResult constrainedByLuid() {
        return ip.bestRoute(byLuid[next++ & (byLuid.length - 1)]);
    }

    /** The bare data-structure floor of a lookup: a sorted map's floor entry over the same prefixes' starts. */
    @Benchmark
    public Map.Entry<Integer, Integer> baselineSortedMapFloor() {
        return starts.floorEntry(addresses[next++ & (addresses.length - 1)]);
    }

    @Benchmark
    public BestRouteResult strongHostSource() {
        return ip.bestRoute(bySource[next++ & (bySource.length - 1)]);
    }
}
