package io.rtmstreams.rtm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of adds, updates and deletes on one destination, checked after every step against a brute-force
 * model of R67–R72 and D4 (lowest (preference, metric); the incumbent keeps ties; otherwise the route that has held
 * its cost longest) and of the output flags of R57 and R78. Costs come from a tiny range so that ties are frequent.
 */
class BestRouteOracleTest {

    private static final String DEST = "10.0.0.0/8";
    private static final List<EntityId> OWNERS = List.of(RIP, OSPF, STATIC);
    private static final int[] VIEWS = {U, M, U | M};

    /** What the model knows of a live route. */
    private record Known(long id, EntityId owner, long pref, long metric, int views, long heldSince) {
    }

    private final Map<Long, Known> live = new HashMap<>();
    private final long[] incumbent = new long[2];
    private long tick;

    private Known modelBest(View v) {
        Known best = null;
        for (Known k : live.values()) {
            if (!v.in(k.views())) {
                continue;
            }
            if (best == null || better(k, best, incumbent[v.id()])) {
                best = k;
            }
        }
        return best;
    }

    private static boolean better(Known a, Known b, long incumbentId) {
        if (a.pref() != b.pref()) {
            return a.pref() < b.pref();
        }
        if (a.metric() != b.metric()) {
            return a.metric() < b.metric();
        }
        if (a.id() == incumbentId || b.id() == incumbentId) {
            return a.id() == incumbentId;
        }
        return a.heldSince() != b.heldSince() ? a.heldSince() < b.heldSince() : a.id() < b.id();
    }

    private long[] modelBestIds() {
        long[] ids = new long[2];
        for (View v : View.values()) {
            Known k = modelBest(v);
            ids[v.id()] = k == null ? 0 : k.id();
        }
        return ids;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void shouldAgreeWithTheModelAfterEveryStep(long seed) {
        RtmFixture f = new RtmFixture();
        OWNERS.forEach(f::register);
        Random rnd = new Random(seed);

        for (int step = 0; step < 250; step++) {
            long[] before = modelBestIds();
            int roll = rnd.nextInt(10);
            if (roll < 3 && !live.isEmpty()) {
                Known victim = new ArrayList<>(live.values()).get(rnd.nextInt(live.size()));
                Outcome o = f.delete(victim.owner(), victim.id());
                live.remove(victim.id());
                boolean wasBest = before[0] == victim.id() || before[1] == victim.id();
                assertThat(o.changeFlags()).as("seed %d step %d delete", seed, step)
                        .isEqualTo(wasBest ? RouteChange.BEST : 0);
            } else {
                addOrUpdate(f, rnd, before, seed, step);
            }
            long[] after = modelBestIds();
            incumbent[0] = after[0];
            incumbent[1] = after[1];
            for (View v : View.values()) {
                long engine = live.isEmpty() ? 0 : engineBest(f, v);
                assertThat(engine).as("seed %d step %d best in %s", seed, step, v).isEqualTo(after[v.id()]);
            }
        }
    }

    private void addOrUpdate(RtmFixture f, Random rnd, long[] before, long seed, int step) {
        EntityId owner = OWNERS.get(rnd.nextInt(OWNERS.size()));
        long pref = 1 + rnd.nextInt(2);
        long metric = 1 + rnd.nextInt(2);
        int views = VIEWS[rnd.nextInt(VIEWS.length)];
        RtmFixture.RouteBuilder b = f.route(owner, DEST).neighbour("192.0.2." + (1 + rnd.nextInt(2)), 1)
                .cost(pref, metric).views(views);
        List<Known> own = live.values().stream().filter(k -> k.owner().equals(owner)).toList();
        int mode = rnd.nextInt(4);
        if (mode == 0) {
            b.asNew();
        } else if (mode == 1) {
            b.first();
        } else if (mode == 2 && !own.isEmpty()) {
            b.id(own.get(rnd.nextInt(own.size())).id());
        }
        Outcome o = f.ok(b.command());

        Known old = live.get(o.routeId());
        boolean moved = old == null || old.pref() != pref || old.metric() != metric;
        live.put(o.routeId(), new Known(o.routeId(), owner, pref, metric, views, moved ? tick++ : old.heldSince()));
        long[] after = modelBestIds();
        int flags = old == null ? RouteChange.NEW : 0;
        for (View v : View.of(views | (old == null ? 0 : old.views()))) {
            if (after[v.id()] == o.routeId() || after[v.id()] != before[v.id()]) {
                flags |= RouteChange.BEST;
            }
        }
        assertThat(o.changeFlags()).as("seed %d step %d flags", seed, step).isEqualTo(flags);
    }

    private static long engineBest(RtmFixture f, View v) {
        try {
            ViewInfo info = f.dest(DEST).views().get(v.id());
            return info.route() == null ? 0 : info.route().route().id();
        } catch (RtmException e) {
            return 0;
        }
    }
}
