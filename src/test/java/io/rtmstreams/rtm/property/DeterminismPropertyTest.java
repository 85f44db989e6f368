package io.rtmstreams.rtm.property;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.Effects;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.InMemoryStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static io.rtmstreams.rtm.property.RouteOpGenerator.ENTITIES;
import static io.rtmstreams.rtm.property.RouteOpGenerator.PREFIXES;
import static io.rtmstreams.rtm.property.RouteOpGenerator.ROUTER;
import static io.rtmstreams.rtm.property.RouteOpGenerator.V4;

/**
 * Determinism (D4, D8, D22): one random log of commands and clock advances, replayed on a fresh engine and
 * on an engine that is restarted from its stores part-way, must give identical outcomes (status, flags, ids,
 * messages) and identical effects (destination changes, entity events, notifications) at every step, including
 * TTL expiry, hold-down ends and retention ends fired by the clock.
 */
class DeterminismPropertyTest {

    private static final int SEEDS = 60;
    private static final int STEPS = 300;
    private static final List<String> REGISTRATIONS = List.of("n1", "n2", "n3");

    static LongStream seeds() {
        return Replay.seeds(SEEDS);
    }

    /** One entry of the log: a command, or a clock advance that fires due timers. */
    private sealed interface Step {
    }

    private record Run(Command command) implements Step {
    }

    private record Tick(long ms) implements Step {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameLogShouldGiveTheSameOutcomesAndEffects(long seed) {
        Replay replay = new Replay(DeterminismPropertyTest.class.getSimpleName(), seed);
        RtmConfig config = RtmConfig.DEFAULTS;
        List<Step> log = generate(seed);

        Engine first = new Engine(config);
        List<Object> expected = new ArrayList<>();
        for (Step s : log) {
            expected.add(first.apply(s));
        }

        Engine fresh = new Engine(config);
        Engine restarted = new Engine(config);
        int restartAt = new SplittableRandom(seed ^ 0x5DEECE66DL).nextInt(log.size());
        for (int i = 0; i < log.size(); i++) {
            Step s = log.get(i);
            Object want = expected.get(i);
            replay.log(s + "  ->  " + brief(want));
            if (i == restartAt) {
                restarted.restart();
                replay.log("  (engine restarted from its stores)");
            }
            replay.check(() -> {
                same(fresh.apply(s), want, "fresh engine");
                same(restarted.apply(s), want, "restarted engine");
            });
        }
    }

    private static String brief(Object result) {
        if (result instanceof Outcome o) {
            return o.status() + " " + RouteChange.names(o.changeFlags()) + " route=" + o.routeId() + " changes="
                    + o.effects().destChanges().size() + " events=" + o.effects().events().size() + " notifications="
                    + o.effects().notifications().size();
        } else if (result instanceof Effects fx) {
            return "timers: changes=" + fx.destChanges().size() + " events=" + fx.events().size() + " notifications="
                    + fx.notifications().size();
        }
        return String.valueOf(result);
    }

    private static void same(Object actual, Object expected, String which) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(which + " differs:\n  expected " + expected + "\n  but was  " + actual);
        }
    }

    /** An engine on in-memory stores with its own clock; {@link #restart} keeps the stores, drops the engine. */
    private static final class Engine {
        final RtmConfig config;
        final InMemoryStores stores = new InMemoryStores();
        RtmEngine engine;
        long now = 1_000_000L;

        Engine(RtmConfig config) {
            this.config = config;
            engine = new RtmEngine(stores, config, RouteCostModel.PLAIN);
        }

        void restart() {
            engine = new RtmEngine(stores, config, RouteCostModel.PLAIN);
        }

        Object apply(Step s) {
            if (s instanceof Run r) {
                return engine.execute(r.command(), now++);
            }
            now += ((Tick) s).ms();
            return engine.fireDueTimers(now);
        }
    }

    /**
     * The log: the route commands of {@link RouteOpGenerator} (kept roughly in step by its model, which clock
     * effects may leave behind; that only makes some commands fail), plus notification registrations, marks, hold
     * requests, short TTLs, deregistration and re-registration of an entity, and clock jumps.
     */
    private static List<Step> generate(long seed) {
        RouteOpGenerator gen = new RouteOpGenerator(seed);
        SplittableRandom rnd = gen.random();
        List<Step> log = new ArrayList<>();
        gen.setUp().forEach(c -> log.add(new Run(c)));
        while (log.size() < STEPS) {
            int k = rnd.nextInt(100);
            EntityId e = gen.pick(ENTITIES);
            Prefix p = gen.pick(PREFIXES);
            if (k < 70) {
                RouteOpGenerator.Op op = gen.next();
                op.expect().get(); // keeps the generator's model in step
                log.add(new Run(withShortTtl(op.command(), rnd)));
            } else if (k < 76) {
                int views = 1 + rnd.nextInt(3);
                int types = 1 + rnd.nextInt(ChangeType.ALL_TYPES);
                log.add(new Run(new Command.RegisterChangeNotification(ROUTER, 0, e, V4.family(),
                        gen.pick(REGISTRATIONS), views, types, rnd.nextInt(3) == 0)));
            } else if (k < 79) {
                log.add(new Run(new Command.DeregisterChangeNotification(ROUTER, 0, e, V4.family(),
                        gen.pick(REGISTRATIONS))));
            } else if (k < 83) {
                log.add(new Run(new Command.MarkDest(ROUTER, 0, e, null, gen.pick(REGISTRATIONS), p,
                        rnd.nextInt(4) > 0)));
            } else if (k < 88) {
                log.add(new Run(new Command.HoldDestination(ROUTER, 0, e, null, p, View.UNICAST.mask(),
                        1 + rnd.nextInt(5000))));
            } else if (k < 90) {
                log.add(new Run(new Command.DeregisterEntity(ROUTER, 0, e, p.family())));
                log.add(new Run(new Command.RegisterEntity(ROUTER, 0, e, p.family(), null, List.of())));
            } else if (k < 96) {
                long[] jumps = {1, 500, 5_000, 400_000};
                log.add(new Tick(jumps[rnd.nextInt(jumps.length)]));
            }
        }
        return log;
    }

    /** Some adds get a TTL of a few seconds, so that clock jumps expire routes (R82–R86). */
    private static Command withShortTtl(Command c, SplittableRandom rnd) {
        if (!(c instanceof Command.AddRoute a) || a.timeToLiveMs() == 0 || rnd.nextInt(4) > 0) {
            return c;
        }
        return new Command.AddRoute(a.router(), a.rtmInstance(), a.entity(), a.family(), a.dest(), a.nextHops(),
                a.neighbour(), a.preference(), a.metric(), a.views(), a.flags(), 1 + rnd.nextInt(8000),
                a.changeFlags(), a.routeId(), a.routeList(), a.entitySpecificInfo());
    }
}
