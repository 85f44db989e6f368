package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

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
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An interface carrying every best route of a ~500k-destination table goes down, or comes back (D14, design.md
 * target: every affected best route republished in under 5 s). Each invocation is one interface change that
 * recomputes all destinations behind interface A: the even invocations take A down (every best route moves to B),
 * the odd ones bring it back. Engine and IP Helper only, in memory: the floor under the streams layer's cost. The
 * baseline reads every destination record of the same store and writes it back unchanged, the least any
 * recomputation of all of them costs.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args='InterfaceDown'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 6)
public class InterfaceDownBenchmark {

    @Param("500000")
    public int destinations;

    private SyntheticRouter router;
    private boolean down;

    @Setup(Level.Trial)
    public void load() {
        router = new SyntheticRouter(destinations);
    }

    @Benchmark
    public long interfaceGoesDownOrComesBack() {
        down = !down;
        SyntheticRouter.CountingSink sink = new SyntheticRouter.CountingSink();
        InterfaceChangeResult r = router.ip.apply(InterfaceChange.of(SyntheticRouter.ROUTER,
                NotificationType.PARAMETER_CHANGE, SyntheticRouter.rowA(!down)), 0, sink);
        if (r.recomputedDestinations() != destinations + 1 || sink.changes != destinations + 1) {
            throw new IllegalStateException("recomputed " + r.recomputedDestinations() + ", changed " + sink.changes);
        }
        return sink.changes;
    }

    @Benchmark
    public long baselineRewriteEveryDestination() {
        OrderedStore<Destination> store = router.stores.store(RtmStores.DESTINATIONS);
        List<Cursor.Entry<Destination>> all = new ArrayList<>(destinations + 1);
        try (Cursor<Destination> c = store.range(null, null)) {
            while (c.hasNext()) {
                all.add(c.next());
            }
        }
        all.forEach(e -> store.put(e.key(), e.value()));
        return all.size();
    }
}
