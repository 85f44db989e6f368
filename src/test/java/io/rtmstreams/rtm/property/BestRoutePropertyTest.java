package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BestRoute;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.DestInfo;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Notification;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.Page;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RouteEnum;
import io.rtmstreams.rtm.RouteInfo;
import io.rtmstreams.rtm.RouteMatch;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static io.rtmstreams.rtm.property.RouteOpGenerator.ROUTER;
import static io.rtmstreams.rtm.property.RouteOpGenerator.V4;
import static io.rtmstreams.rtm.property.RouteOpGenerator.V6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random route commands against {@link RouteModel}, checked after every command: status and output flags (R52–R57,
 * R78, D5), the route id (D22), each view's best route and NumRoutes (R67–R72, D4), RtmIsBestRoute (R71), the
 * stored route (R58), route enumeration order (R125), who is notified (R105, R107), the change types of the effects
 * against a brute-force diff (R101–R104, BEST always with ALL), their versions (D21), and that a failed command has
 * no effects (D20).
 */
class BestRoutePropertyTest {

    private static final int SEEDS = 200;
    private static final int OPS = 200;

    /** Notification registrations of several owners, tables, views and change types (R97, R105, R107). */
    private record Registration(String id, IpFamily family, EntityId owner, int views, int types) {
    }

    private static final List<Registration> REGISTRATIONS = List.of(
            new Registration("all-u", IpFamily.IPV4, RouteOpGenerator.ENTITIES.get(0), View.UNICAST.mask(),
                    ChangeType.ALL.bit()),
            new Registration("best-m", IpFamily.IPV4, RouteOpGenerator.ENTITIES.get(1), View.MULTICAST.mask(),
                    ChangeType.BEST.bit()),
            new Registration("fwd-um", IpFamily.IPV4, RouteOpGenerator.ENTITIES.get(2), View.SUPPORTED,
                    ChangeType.FORWARDING.bit()),
            new Registration("best-fwd-u", IpFamily.IPV4, RouteOpGenerator.ENTITIES.get(0), View.UNICAST.mask(),
                    ChangeType.BEST.bit() | ChangeType.FORWARDING.bit()),
            new Registration("v6-all-types", IpFamily.IPV6, RouteOpGenerator.ENTITIES.get(3), View.SUPPORTED,
                    ChangeType.ALL_TYPES));

    static LongStream seeds() {
        return Replay.seeds(SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engineShouldAgreeWithTheBruteForceModel(long seed) {
        new Run(seed).run();
    }

    private static final class Run {
        final Replay replay;
        final RouteOpGenerator gen;
        final RouteModel model;
        final RtmEngine engine = new RtmEngine(new InMemoryStores(), RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
        final RtmQueries queries = engine.queries();
        /** Model next-hop incarnation ↔ engine next-hop id: must be a bijection. */
        final Map<Long, Long> nextHopIds = new HashMap<>();
        final Map<Long, Long> incarnations = new HashMap<>();
        long now = 1_000_000L;

        Run(long seed) {
            replay = new Replay(BestRoutePropertyTest.class.getSimpleName(), seed);
            gen = new RouteOpGenerator(seed);
            model = gen.model;
        }

        void run() {
            List<Command> setUp = new ArrayList<>(gen.setUp());
            for (Registration r : REGISTRATIONS) {
                setUp.add(new Command.RegisterChangeNotification(ROUTER, 0, r.owner(), r.family(), r.id(), r.views(),
                        r.types(), false));
            }
            for (Command c : setUp) {
                assertThat(engine.execute(c, now).status()).isEqualTo(Status.NO_ERROR);
            }
            for (int i = 0; i < OPS; i++) {
                RouteOpGenerator.Op op = gen.next();
                replay.check(() -> step(op));
            }
        }

        void step(RouteOpGenerator.Op op) {
            Outcome out = engine.execute(op.command(), now++);
            replay.log(op.text() + "  ->  " + out.status() + " " + RouteChange.names(out.changeFlags())
                    + " id=" + out.routeId() + (out.message() == null ? "" : " (" + out.message() + ")"));
            RouteModel.Expect ex = op.expect().get();
            assertThat(out.status()).as("status").isEqualTo(ex.status());
            if (ex.status() != Status.NO_ERROR) {
                assertThat(out.effects().isEmpty()).as("a failed command has no effects (D20)").isTrue();
            } else {
                assertThat(out.changeFlags()).as("output change flags (R57, R78)").isEqualTo(ex.changeFlags());
                assertThat(out.routeId()).as("route id (D22)").isEqualTo(ex.routeId());
                checkEffects(out, ex);
            }
            checkState();
            if (replay.steps() % 8 == 0) {
                checkRouteEnumeration();
            }
        }

        void checkEffects(Outcome out, RouteModel.Expect ex) {
            assertThat(out.effects().events()).as("entity events").isEmpty();
            List<DestChange> changes = out.effects().destChanges();
            if (ex.after() == null) {
                assertThat(changes).as("a next-hop delete changes no destination (A4, R49)").isEmpty();
                assertThat(out.effects().notifications()).as("nor notifies anyone").isEmpty();
                return;
            }
            checkNotifications(out, ex);
            Prefix p = ex.after().prefix;
            int expectedCount = 0;
            for (View v : View.values()) {
                int types = RouteModel.changeTypes(ex.before(), ex.after(), v);
                List<DestChange> inView = changes.stream().filter(c -> c.view() == v).toList();
                if (types == 0) {
                    assertThat(inView).as("no change in %s", v).isEmpty();
                    continue;
                }
                expectedCount++;
                assertThat(inView).as("one change in %s", v).hasSize(1);
                DestChange c = inView.get(0);
                assertThat(c.table()).isEqualTo(table(p));
                assertThat(c.prefix()).isEqualTo(p);
                assertThat(ChangeType.of(c.changeTypes())).as("change types in %s (R101-R104)", v)
                        .containsExactlyElementsOf(ChangeType.of(types));
                if (ChangeType.BEST.in(c.changeTypes())) {
                    assertThat(ChangeType.ALL.in(c.changeTypes())).as("BEST always includes ALL").isTrue();
                }
                ex.after().version[v.id()]++;
                assertThat(c.version()).as("version in %s (D21)", v).isEqualTo(ex.after().version[v.id()]);
                long best = ex.after().best[v.id()];
                assertThat(c.best() == null ? 0 : c.best().route().id()).as("best in change, %s", v).isEqualTo(best);
                assertThat(c.numRoutes()).as("NumRoutes in change, %s", v).isEqualTo(ex.after().numRoutes(v));
            }
            assertThat(changes).as("changes only for %s's views", p).hasSize(expectedCount);
        }

        /**
         * Who is told (R105, R107): every registration that asked for one of the change's types in that view, with
         * those types, and the destination as it is now in that view (R111).
         */
        void checkNotifications(Outcome out, RouteModel.Expect ex) {
            List<String> expected = new ArrayList<>();
            for (View v : View.values()) {
                int types = RouteModel.changeTypes(ex.before(), ex.after(), v);
                for (Registration r : REGISTRATIONS) {
                    if (r.family() == ex.after().prefix.family() && (r.views() & v.mask()) != 0
                            && (types & r.types()) != 0) {
                        expected.add(r.id() + "|" + v + "|" + (types & r.types()) + "|" + ex.after().best[v.id()]);
                    }
                }
            }
            List<String> actual = new ArrayList<>();
            for (Notification n : out.effects().notifications()) {
                same(n.prefix(), ex.after().prefix, () -> "notified prefix");
                same(n.dest().views().size(), 1, () -> "one view per notification");
                BestRoute best = n.dest().views().get(0).route();
                actual.add(n.registration().id() + "|" + n.view() + "|" + n.changeTypes() + "|"
                        + (best == null ? 0 : best.route().id()));
            }
            expected.sort(null);
            actual.sort(null);
            same(actual, expected, () -> "notifications (registration|view|types|best)");
        }

        void checkState() {
            for (Prefix p : RouteOpGenerator.PREFIXES) {
                RouteModel.MDest d = model.dests.get(p);
                if (d == null || d.routes.isEmpty()) {
                    assertThatThrownBy(() -> queries.exactMatch(table(p), p, View.MASK_ANY, 0, null))
                            .as("%s has no routes (R35)", p)
                            .isInstanceOfSatisfying(RtmException.class,
                                    e -> assertThat(e.status()).isEqualTo(Status.ERROR_NOT_FOUND));
                    continue;
                }
                DestInfo info = queries.exactMatch(table(p), p, View.MASK_ALL, 0, null);
                same(info.prefix(), p, () -> "prefix");
                same(info.belongsToViews(), d.belongsToViews(), () -> p + " BelongsToViews (R36)");
                same(info.views().size(), 2, () -> p + " view entries");
                for (View v : View.values()) {
                    ViewInfo vi = info.views().get(v.id());
                    same(vi.view(), v, () -> p + " view order (R39)");
                    same(vi.numRoutes(), d.numRoutes(v), () -> p + " NumRoutes in " + v);
                    same(vi.route() == null ? 0 : vi.route().route().id(), d.best[v.id()],
                            () -> p + " best in " + v + "; model " + d);
                }
                for (RouteModel.MRoute r : d.routes) {
                    same(queries.bestViews(ROUTER, r.id), d.bestViews(r.id),
                            () -> "RtmIsBestRoute(" + r.id + ") (R71)");
                    RouteInfo ri = queries.route(ROUTER, r.id);
                    same(ri.state(), RouteInfo.State.CREATED, () -> "state of " + r.id);
                    same(ri.dest(), p, () -> "destination of " + r.id);
                    checkRoute(ri.route(), r);
                }
            }
            for (long id : model.deletedIds()) {
                same(queries.bestViews(ROUTER, id), 0, () -> "deleted route " + id + " is best nowhere");
            }
        }

        /**
         * RtmCreateRouteEnum over the whole table (R123, R125–R127), paged with the returned position: destinations
         * in address order, each one's routes in ranking order (R72: preference, metric, then longest held).
         */
        void checkRouteEnumeration() {
            int[] masks = {View.MASK_ANY, View.UNICAST.mask(), View.MULTICAST.mask(), View.MASK_ALL};
            int mask = masks[gen.random().nextInt(masks.length)];
            int wanted = mask == View.MASK_ALL ? View.SUPPORTED : mask;
            EntityId owner = gen.random().nextInt(3) == 0 ? gen.pick(RouteOpGenerator.ENTITIES) : null;
            int limit = 1 + gen.random().nextInt(5);
            TableId t = gen.random().nextBoolean() ? V4 : V6;
            List<Long> expected = new ArrayList<>();
            for (RouteModel.MDest d : model.dests.values()) {
                if (d.prefix.family() != t.family()) {
                    continue;
                }
                d.routes.stream()
                        .filter(r -> wanted == View.MASK_ANY || (r.views & wanted) != 0)
                        .filter(r -> owner == null || r.owner.equals(owner))
                        .sorted(RouteModel.ranking(d))
                        .forEach(r -> expected.add(r.id));
            }
            List<Long> actual = new ArrayList<>();
            RouteEnum e = new RouteEnum(null, mask, owner, null, false, RouteMatch.ANY, null, limit);
            Page<RouteInfo, RouteEnum.Position> page = queries.enumRoutes(t, e);
            for (int n = 0; n < 1000; n++) {
                page.items().forEach(ri -> actual.add(ri.route().id()));
                if (page.next() == null) {
                    break;
                }
                same(page.items().size(), limit, () -> "a page before the last is full (R126)");
                page = queries.enumRoutes(t, e.resume(page.next()));
            }
            same(page.status(), Status.ERROR_NO_MORE_ITEMS, () -> "last page status (R126)");
            same(actual, expected, () -> "route enumeration " + t + " mask=0x" + Integer.toHexString(mask)
                    + " owner=" + owner + " limit=" + limit + " (R125); model " + model.dests.values());
        }

        void checkRoute(Route actual, RouteModel.MRoute r) {
            Supplier<String> why = () -> "route " + r + " vs " + actual;
            same(actual.id(), r.id, why);
            same(actual.owner(), r.owner, why);
            same(actual.preference(), r.preference, why);
            same(actual.metric(), r.metric, why);
            same(actual.views(), r.views, why);
            same(actual.flags(), r.flags, why);
            same(actual.entitySpecificInfo(), r.info, why);
            checkHop(actual.neighbour(), r.neighbour, why);
            same(actual.nextHops().size(), r.hops.size(), why);
            for (int i = 0; i < r.hops.size(); i++) {
                checkHop(actual.nextHops().get(i), r.hops.get(i), why);
            }
        }

        void checkHop(NextHopRef actual, RouteModel.Hop expected, Supplier<String> why) {
            if (expected == null || actual == null) {
                same(actual == null, expected == null, why);
                return;
            }
            same(actual.address(), expected.address(), why);
            same(actual.interfaceIndex(), expected.ifIndex(), why);
            Long id = nextHopIds.putIfAbsent(expected.incarnation(), actual.id());
            Long inc = incarnations.putIfAbsent(actual.id(), expected.incarnation());
            same(id == null ? actual.id() : id, actual.id(),
                    () -> why.get() + ": next hop id of incarnation (R47, A4)");
            same(inc == null ? expected.incarnation() : inc, expected.incarnation(),
                    () -> why.get() + ": one next hop, one incarnation");
        }
    }

    private static TableId table(Prefix p) {
        return p.family() == IpFamily.IPV4 ? V4 : V6;
    }

    /** A cheap equality check for the hot path; the message is built only on failure. */
    private static void same(Object actual, Object expected, Supplier<String> what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(what.get() + ": expected " + expected + " but was " + actual);
        }
    }
}
