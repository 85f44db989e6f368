package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.DestEnum;
import io.rtmstreams.rtm.DestInfo;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.Page;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.RtmQueries;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.ViewInfo;
import io.rtmstreams.rtm.state.InMemoryStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Prefix-tree lookups and destination enumeration against a brute-force scan of a model table (R116–R119, R122,
 * R125–R128, A26, A32): random destinations of both families, in unicast, multicast or both, some removed again,
 * some kept only by a hold-down route (seen by the walks and enumerations only with RTM_VIEW_MASK_ANY, R93, R119,
 * R127, but found by an exact match with any views, R116), then random exact, most specific, less specific and
 * longest-covering lookups with every view mask and protocol selector, and enumerations (START, NEXT, RANGE; all or
 * own destinations) paged to the end with the returned cursor, the table sometimes changing between pages.
 */
class PrefixLookupPropertyTest {

    private static final int SEEDS = 200;
    private static final int STEPS = 120;
    private static final String ROUTER = "r1";
    private static final EntityId A = EntityId.of(8, 1);
    private static final EntityId B = EntityId.of(13, 1);
    private static final int U = View.UNICAST.mask();
    private static final int M = View.MULTICAST.mask();
    private static final int[] MASKS = {View.MASK_ANY, U, M, U | M, View.MASK_ALL};
    private static final int[] ROUTE_VIEWS = {U, U, M, U | M};
    private static final long THIS_PROTOCOL = 0xFFFF_FFFFL;
    /** RTM_BEST_PROTOCOL mostly, A's and B's protocol, one nobody uses, RTM_THIS_PROTOCOL with A calling (R77). */
    private static final long[] PROTOCOLS = {0, 0, 0, 8, 13, 99, THIS_PROTOCOL};

    static LongStream seeds() {
        return Replay.seeds(SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lookupsShouldAgreeWithABruteForceScan(long seed) {
        new Run(seed).run();
    }

    /** One destination of the model: the route of each owner (one per owner here), hold-down views, hold armed. */
    private static final class LDest {
        final Prefix prefix;
        final Map<EntityId, long[]> routes = new TreeMap<>(); // owner -> {views, preference}
        int heldViews;
        boolean armed;

        LDest(Prefix prefix) {
            this.prefix = prefix;
        }

        int views() {
            int m = 0;
            for (long[] r : routes.values()) {
                m |= (int) r[0];
            }
            return m;
        }

        boolean exists() {
            return !routes.isEmpty() || heldViews != 0;
        }

        /** R119, R127, A26: with explicit views a live route in one of them; with ANY any existence. */
        boolean visibleIn(int mask) {
            return mask == View.MASK_ANY ? exists() : (views() & mask) != 0;
        }

        int numRoutes(View v) {
            return (int) routes.values().stream().filter(r -> (r[0] & v.mask()) != 0).count();
        }

        /** Owners' preferences never tie (A even, B odd), so the best route is simply the cheapest (R67). */
        EntityId bestOwner(View v) {
            return bestOwner(v, 0);
        }

        /** The best route of one protocol, or the overall best for protocol 0 (R77). */
        EntityId bestOwner(View v, long protocolId) {
            EntityId best = null;
            long pref = Long.MAX_VALUE;
            for (Map.Entry<EntityId, long[]> e : routes.entrySet()) {
                if (protocolId != 0 && e.getKey().protocolId() != protocolId) {
                    continue;
                }
                if ((e.getValue()[0] & v.mask()) != 0 && e.getValue()[1] < pref) {
                    pref = e.getValue()[1];
                    best = e.getKey();
                }
            }
            return best;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(prefix + "{");
            routes.forEach((o, r) -> b.append(o).append(":v").append(r[0]).append("/p").append(r[1]).append(' '));
            return b.append("held=").append(heldViews).append(armed ? " armed" : "").append('}').toString();
        }
    }

    private static final class Run {
        final Replay replay;
        final SplittableRandom rnd;
        final PrefixPool pool;
        final RtmEngine engine = new RtmEngine(new InMemoryStores(), RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
        final RtmQueries queries = engine.queries();
        final Map<IpFamily, TreeMap<Prefix, LDest>> tables = new HashMap<>();
        long now = 1_000_000L;

        Run(long seed) {
            replay = new Replay(PrefixLookupPropertyTest.class.getSimpleName(), seed);
            rnd = new SplittableRandom(seed);
            pool = new PrefixPool(rnd, 24 + rnd.nextInt(40));
            for (IpFamily f : IpFamily.values()) {
                tables.put(f, new TreeMap<>());
            }
        }

        void run() {
            for (IpFamily f : IpFamily.values()) {
                for (EntityId e : List.of(A, B)) {
                    Outcome o = engine.execute(new Command.RegisterEntity(ROUTER, 0, e, f, null, List.of()), now);
                    same(o.status(), Status.NO_ERROR, () -> "register");
                }
            }
            for (int i = 0; i < STEPS; i++) {
                replay.check(this::mutate);
                int queries = rnd.nextInt(4);
                for (int q = 0; q < queries; q++) {
                    replay.check(this::lookup);
                }
                if (rnd.nextInt(4) == 0) {
                    replay.check(this::enumerate);
                }
            }
        }

        // ---- the table changes ------------------------------------------------------------------------------

        void mutate() {
            int k = rnd.nextInt(10);
            if (k < 6) {
                add(pool.any());
            } else if (k < 9) {
                delete();
            } else {
                hold();
            }
        }

        void add(Prefix p) {
            EntityId owner = rnd.nextBoolean() ? A : B;
            int views = ROUTE_VIEWS[rnd.nextInt(ROUTE_VIEWS.length)];
            long pref = 2L * rnd.nextInt(50) + (owner.equals(A) ? 0 : 1);
            Outcome o = engine.execute(new Command.AddRoute(ROUTER, 0, owner, null, p, List.of(), null, pref, 1, views,
                    0, Command.INFINITE, 0, null, null, null), now++);
            replay.log("ADD " + owner + " " + p + " views=" + views + " pref=" + pref + " -> " + o.status());
            same(o.status(), Status.NO_ERROR, () -> "add");
            tables.get(p.family()).computeIfAbsent(p, LDest::new).routes.put(owner, new long[] {views, pref});
        }

        void delete() {
            List<LDest> withRoutes = new ArrayList<>();
            tables.values().forEach(t -> t.values().stream().filter(d -> !d.routes.isEmpty()).forEach(withRoutes::add));
            if (withRoutes.isEmpty()) {
                add(pool.any());
                return;
            }
            LDest d = withRoutes.get(rnd.nextInt(withRoutes.size()));
            EntityId owner = new ArrayList<>(d.routes.keySet()).get(rnd.nextInt(d.routes.size()));
            Outcome o = engine.execute(new Command.DeleteRoute(ROUTER, 0, owner, null, null, d.prefix, null), now++);
            replay.log("DELETE " + owner + " " + d.prefix + " -> " + o.status());
            same(o.status(), Status.NO_ERROR, () -> "delete");
            int before = d.views();
            d.routes.remove(owner);
            int lost = before & ~d.views();
            if (d.armed && lost != 0) {
                d.heldViews |= lost; // R89, R90: a view that lost its last route holds it
                d.armed = false; // R96: the request is consumed
            }
        }

        /** Arms a hold-down on an existing destination that is not holding yet (R88). */
        void hold() {
            List<LDest> candidates = new ArrayList<>();
            tables.values().forEach(t -> t.values().stream().filter(d -> !d.routes.isEmpty() && d.heldViews == 0)
                    .forEach(candidates::add));
            if (candidates.isEmpty()) {
                add(pool.any());
                return;
            }
            LDest d = candidates.get(rnd.nextInt(candidates.size()));
            Outcome o = engine.execute(new Command.HoldDestination(ROUTER, 0, A, null, d.prefix, U, 1_000_000_000L),
                    now++);
            replay.log("HOLD " + d.prefix + " -> " + o.status());
            same(o.status(), Status.NO_ERROR, () -> "hold");
            d.armed = true;
        }

        // ---- lookups ----------------------------------------------------------------------------------------

        void lookup() {
            Prefix p = pool.probe();
            int mask = MASKS[rnd.nextInt(MASKS.length)];
            TableId t = table(p.family());
            long protocolId = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
            long reported = protocolId == THIS_PROTOCOL ? A.protocolId() : protocolId;
            replay.log("LOOKUP " + p + " mask=0x" + Integer.toHexString(mask) + " protocol=" + protocolId);
            List<LDest> covering = covering(p, mask); // longest first

            LDest exact = tables.get(p.family()).get(p);
            DestInfo info = call(() -> queries.exactMatch(t, p, mask, protocolId, A));
            // R116, R93: any existing destination, whatever the views (they only choose the ViewInfo entries, R39).
            expectDest(info, exact != null && exact.exists() ? exact : null, mask, reported, "exactMatch (R116)");

            LDest most = covering.isEmpty() ? null : covering.get(0);
            expectDest(call(() -> queries.mostSpecific(t, p, mask, protocolId, A)), most, mask, reported,
                    "mostSpecific (R117)");

            Destination longest = queries.longestCovering(t, p, mask);
            same(longest == null ? null : longest.prefix(), most == null ? null : most.prefix,
                    () -> "longestCovering " + p);

            LDest less = covering.stream().filter(d -> d.prefix.length() < p.length()).findFirst().orElse(null);
            expectDest(call(() -> queries.lessSpecific(t, p, mask, protocolId, A)), less, mask, reported,
                    "lessSpecific (R118)");

            // Walk up from the most specific with repeated LessSpecific: every covering destination, then NOT_FOUND.
            List<Prefix> walked = new ArrayList<>();
            Prefix at = most == null ? null : most.prefix;
            while (at != null && walked.size() <= 130) {
                walked.add(at);
                Prefix from = at;
                DestInfo up = call(() -> queries.lessSpecific(t, from, mask, protocolId, A));
                at = up == null ? null : up.prefix();
            }
            List<Prefix> expected = covering.stream().map(d -> d.prefix).toList();
            same(walked, expected, () -> "walk up from " + p + " (R117, R118, A32)");
        }

        /** Visible destinations covering {@code p} (length up to p's), longest first. */
        List<LDest> covering(Prefix p, int mask) {
            List<LDest> out = new ArrayList<>();
            for (LDest d : tables.get(p.family()).descendingMap().values()) {
                if (d.prefix.covers(p) && d.visibleIn(mask)) {
                    out.add(d);
                }
            }
            out.sort((x, y) -> Integer.compare(y.prefix.length(), x.prefix.length()));
            return out;
        }

        void expectDest(DestInfo actual, LDest expected, int mask, long protocolId, String what) {
            if (expected == null) {
                same(actual == null ? null : actual.prefix(), null, () -> what + ": nothing expected; model "
                        + tables.get(IpFamily.IPV4).values() + tables.get(IpFamily.IPV6).values());
                return;
            }
            same(actual == null ? null : actual.prefix(), expected.prefix, () -> what + "; model "
                    + tables.get(expected.prefix.family()).values());
            checkInfo(actual, expected, mask, protocolId, what);
        }

        /** The destination record (R34, R39); with a protocol selector the best reported is that protocol's (R77). */
        void checkInfo(DestInfo actual, LDest expected, int mask, long protocolId, String what) {
            same(actual.belongsToViews(), expected.views(), () -> what + " " + expected + " BelongsToViews (R36)");
            List<View> views = View.of(mask == View.MASK_ALL ? View.SUPPORTED : mask);
            same(actual.views().size(), views.size(), () -> what + " per-view entries (R39)");
            for (int i = 0; i < views.size(); i++) {
                View v = views.get(i);
                ViewInfo vi = actual.views().get(i);
                same(vi.view(), v, () -> what + " view order (R39)");
                same(vi.numRoutes(), expected.numRoutes(v), () -> what + " " + expected + " NumRoutes in " + v);
                same(vi.owner(), expected.bestOwner(v, protocolId),
                        () -> what + " " + expected + " best in " + v + " for protocol " + protocolId);
                same(vi.holdRoute() != null, (expected.heldViews & v.mask()) != 0,
                        () -> what + " " + expected + " hold route in " + v + " (R90)");
            }
        }

        // ---- enumerations -----------------------------------------------------------------------------------

        void enumerate() {
            IpFamily f = rnd.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
            int mode = rnd.nextInt(3); // START, NEXT, RANGE
            Prefix start = mode == 0 ? null : pool.probe();
            if (start != null && start.family() != f) {
                f = start.family();
            }
            int mask = MASKS[rnd.nextInt(MASKS.length)];
            EntityId owned = rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? A : B) : null;
            int limit = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(100) : 1 + rnd.nextInt(6);
            TableId t = table(f);
            String name = (mode == 0 ? "START" : mode == 1 ? "NEXT " + start : "RANGE " + start) + " mask=0x"
                    + Integer.toHexString(mask) + (owned == null ? "" : " own=" + owned) + " limit=" + limit;
            replay.log("ENUM " + f + " " + name);
            DestEnum e = new DestEnum(mask, owned, start, mode == 2, 0, null, limit);
            Prefix cursor = null;
            for (int page = 0; page < 1000; page++) {
                List<LDest> rest = enumerable(f, mask, owned, start, mode == 2, cursor);
                Page<DestInfo, Prefix> got = queries.enumDests(t, cursor == null ? e : e.resume(cursor), null);
                List<LDest> want = rest.subList(0, Math.min(limit, rest.size()));
                List<Prefix> gotPrefixes = got.items().stream().map(DestInfo::prefix).toList();
                List<Prefix> wantPrefixes = want.stream().map(d -> d.prefix).toList();
                int pageNo = page;
                same(gotPrefixes, wantPrefixes, () -> "page " + pageNo + " of " + name + " (R122, R125)");
                for (int i = 0; i < want.size(); i++) {
                    checkInfo(got.items().get(i), want.get(i), mask, 0, "enumDests");
                }
                boolean last = rest.size() <= limit;
                same(got.status(), last ? Status.ERROR_NO_MORE_ITEMS : Status.NO_ERROR,
                        () -> "page " + pageNo + " status (R126)");
                if (last) {
                    same(got.next(), null, () -> "no cursor after the last page");
                    return;
                }
                same(got.next(), want.get(want.size() - 1).prefix, () -> "cursor after page " + pageNo);
                cursor = got.next();
                if (rnd.nextInt(5) == 0) {
                    mutate(); // R128: a cursor, not a snapshot; the next page reflects the table as it is now
                    replay.log("  (between pages of " + name + ")");
                }
            }
            throw new AssertionError("enumeration did not end: " + name);
        }

        /** The destinations an enumeration still owes after {@code cursor}, by brute-force scan. */
        List<LDest> enumerable(IpFamily f, int mask, EntityId owned, Prefix start, boolean range, Prefix cursor) {
            int ownViews = mask == View.MASK_ANY || mask == View.MASK_ALL ? View.SUPPORTED : mask;
            List<LDest> out = new ArrayList<>();
            for (LDest d : tables.get(f).values()) {
                if (!d.visibleIn(mask)) {
                    continue;
                }
                if (cursor != null ? d.prefix.compareTo(cursor) <= 0 : start != null && !range
                        && d.prefix.compareTo(start) < 0) {
                    continue; // NEXT includes its start (R125); a cursor resumes after its key (R128)
                }
                if (range && !start.covers(d.prefix)) {
                    continue;
                }
                if (owned != null && View.of(ownViews).stream().noneMatch(v -> owned.equals(d.bestOwner(v)))) {
                    continue;
                }
                out.add(d);
            }
            return out;
        }

        // ---- helpers ----------------------------------------------------------------------------------------

        static TableId table(IpFamily f) {
            return TableId.of(ROUTER, 0, f);
        }

        /** The query's answer, or null for ERROR_NOT_FOUND; any other error fails. */
        static DestInfo call(Supplier<DestInfo> q) {
            try {
                return q.get();
            } catch (RtmException e) {
                same(e.status(), Status.ERROR_NOT_FOUND, e::getMessage);
                return null;
            }
        }
    }

    private static void same(Object actual, Object expected, Supplier<String> what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(what.get() + ": expected " + expected + " but was " + actual);
        }
    }
}
