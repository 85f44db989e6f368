package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error path the spec names (D20): the command answers its Win32 status, emits nothing, and leaves every
 * store exactly as it was ({@link io.rtmstreams.rtm.state.InMemoryStores#snapshot()} before equals after). The
 * table runs against a state that has something of everything: routes, a deleted route, next hops, a route list,
 * an armed hold, queued changes, marks, opaque data and outstanding method calls.
 */
class InvalidInputTest {

    private static final EntityId NOBODY = EntityId.of(99, 1);
    private static final EntityId NO_SLOT = EntityId.of(1, 1);
    private static final EntityId BOTH_FAMILIES = EntityId.of(2, 1);
    private static final String DEST = "10.0.0.0/8";

    /** Two registrations at most, three opaque slots, two next hops per route, queued delivery. */
    private static final RtmConfig CONFIG = new RtmConfig(2, 100, 2, 3, 300_000, false);

    private final RtmFixture f = new RtmFixture(CONFIG);
    private long ripRoute;
    private long ospfRoute;
    private long deletedRoute;
    private long ospfHop;
    private long deletedHop;

    @BeforeEach
    void somethingOfEverything() {
        need(f.register(RIP, List.of("dump")));
        need(f.register(OSPF));
        need(f.register(STATIC, List.of("x")));
        need(f.register(NO_SLOT));
        need(f.register(BOTH_FAMILIES, IpFamily.IPV4));
        need(f.register(BOTH_FAMILIES, IpFamily.IPV6));
        need(f.createList(RIP, "l1"));
        ripRoute = f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1).list("l1").ttl(60_000));
        ospfRoute = f.addOk(f.route(OSPF, DEST).via("192.0.2.2", 2).cost(5, 5));
        deletedRoute = f.addOk(f.route(RIP, "20.0.0.0/8"));
        need(f.delete(RIP, deletedRoute));
        need(f.addNextHop(RIP, "192.0.2.9", 9));
        ospfHop = need(f.addNextHop(OSPF, "192.0.2.8", 8)).nextHopId();
        deletedHop = need(f.addNextHop(RIP, "192.0.2.7", 7)).nextHopId();
        need(f.deleteNextHop(RIP, deletedHop));
        need(f.notifyOn(RIP, "r1", U | M, ChangeType.ALL_TYPES, true));
        need(f.notifyOn(OSPF, "o1", U, ChangeType.ALL.bit(), false));
        need(f.mark(RIP, "r1", DEST, true));
        need(f.route(OSPF, DEST).via("192.0.2.2", 2).cost(5, 6).add());
        need(f.route(STATIC, "30.0.0.0/8").add());
        need(f.hold(RIP, DEST, U, 10_000));
        need(f.setOpaque(RIP, DEST, "rip"));
        need(f.invoke(OSPF, RIP, "inv-1", "dump"));
        need(f.block(STATIC, true));
        need(f.invoke(OSPF, STATIC, "inv-held", "x"));
    }

    private static Outcome need(Outcome o) {
        assertThat(o.status()).as("set-up: %s", o.message()).isEqualTo(Status.NO_ERROR);
        return o;
    }

    /** A bad command, built against the state above, and the status it must get. */
    record Case(String name, Status expected, Function<InvalidInputTest, Command> command) {
        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    private static Case bad(String name, Status expected, Function<InvalidInputTest, Command> command) {
        return new Case(name, expected, command);
    }

    private Command.AddRoute add(EntityId e, Consumer<RtmFixture.RouteBuilder> edit) {
        RtmFixture.RouteBuilder b = f.route(e, DEST).via("192.0.2.1", 1).neighbour("192.0.2.1", 1);
        edit.accept(b);
        return b.command();
    }

    private static Command.AddRoute withFamily(Command.AddRoute a, IpFamily family) {
        return new Command.AddRoute(a.router(), 0, a.entity(), family, a.dest(), a.nextHops(), a.neighbour(),
                a.preference(), a.metric(), a.views(), a.flags(), a.timeToLiveMs(), a.changeFlags(), a.routeId(),
                a.routeList(), a.entitySpecificInfo());
    }

    private static Command.RegisterChangeNotification notifyCmd(EntityId e, String id, int views, int types) {
        return new Command.RegisterChangeNotification(ROUTER, 0, e, null, id, views, types, false);
    }

    private static Command.InvokeMethod invokeCmd(EntityId target, String id, List<String> methods) {
        return new Command.InvokeMethod(ROUTER, 0, OSPF, null, target, methods, id, "in");
    }

    private static Command.MethodResult answerCmd(EntityId from, String id, EntityId caller) {
        return new Command.MethodResult(ROUTER, 0, from, null, id, caller, Status.NO_ERROR, "out");
    }

    private static Command.RegisterEntity registerCmd(EntityId e, List<String> methods) {
        return new Command.RegisterEntity(ROUTER, 0, e, IpFamily.IPV4, null, methods);
    }

    static List<Case> badCommands() {
        return List.of(
                // registration (R14, R27, D5, D1)
                bad("register twice", Status.ERROR_ALREADY_EXISTS, t -> registerCmd(RIP, List.of())),
                bad("33 methods", Status.ERROR_INVALID_PARAMETER, t -> registerCmd(BGP,
                        IntStream.range(0, 33).mapToObj(i -> "m" + i).toList())),
                bad("duplicate method names", Status.ERROR_INVALID_PARAMETER, t -> registerCmd(BGP, List.of("a", "a"))),
                bad("empty method name", Status.ERROR_INVALID_PARAMETER, t -> registerCmd(BGP, List.of(""))),
                bad("unregistered caller", Status.ERROR_INVALID_HANDLE, t -> t.add(NOBODY, b -> { })),
                bad("unregistered deregisters", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.DeregisterEntity(ROUTER, 0, NOBODY, IpFamily.IPV4)),
                bad("no family, caller in both", Status.ERROR_INVALID_PARAMETER,
                        t -> new Command.CreateRouteList(ROUTER, 0, BOTH_FAMILIES, null, "l9")),
                bad("family disagrees with dest", Status.ERROR_INVALID_PARAMETER,
                        t -> withFamily(t.add(RIP, b -> { }), IpFamily.IPV6)),
                // next hops (R44-R47)
                bad("next hop of other family", Status.ERROR_INVALID_PARAMETER, t -> new Command.AddNextHop(ROUTER, 0,
                        RIP, IpFamily.IPV4, NextHopSpec.of("2001:db8::1", 1))),
                bad("delete unknown next hop", Status.ERROR_NOT_FOUND, t -> new Command.DeleteNextHop(ROUTER, 0, RIP,
                        null, NextHopSpec.of("192.0.2.8", 8), null)),
                bad("delete other's next hop", Status.ERROR_ACCESS_DENIED,
                        t -> new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, t.ospfHop)),
                bad("delete next hop never issued", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, 999L)),
                bad("delete deleted next hop", Status.ERROR_NOT_FOUND,
                        t -> new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, t.deletedHop)),
                bad("delete next hop naming none", Status.ERROR_INVALID_PARAMETER,
                        t -> new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, null)),
                // routes (R55, R56, R59, R60, R76, R83, A8)
                bad("route in no view", Status.ERROR_INVALID_PARAMETER, t -> t.add(RIP, b -> b.views(0))),
                bad("route in unsupported view", Status.ERROR_NOT_SUPPORTED, t -> t.add(RIP, b -> b.views(U | 0x4))),
                bad("TTL 0", Status.ERROR_INVALID_PARAMETER, t -> t.add(RIP, b -> b.ttl(0))),
                bad("flags beyond 16 bits", Status.ERROR_INVALID_PARAMETER, t -> t.add(RIP, b -> b.flags(0x10000))),
                bad("NEW with FIRST", Status.ERROR_INVALID_PARAMETER, t -> t.add(RIP, b -> b.asNew().first())),
                bad("too many next hops", Status.ERROR_INVALID_PARAMETER,
                        t -> t.add(RIP, b -> b.via("192.0.2.3", 3).via("192.0.2.4", 4))),
                bad("next hop of other family in route", Status.ERROR_INVALID_PARAMETER,
                        t -> t.add(RIP, b -> b.via("2001:db8::1", 1))),
                bad("neighbour of other family", Status.ERROR_INVALID_PARAMETER,
                        t -> t.add(RIP, b -> b.neighbour("2001:db8::1", 1))),
                bad("unknown route list", Status.ERROR_INVALID_HANDLE, t -> t.add(RIP, b -> b.list("nope"))),
                bad("update other's route", Status.ERROR_ACCESS_DENIED, t -> t.add(RIP, b -> b.id(t.ospfRoute))),
                bad("update route never issued", Status.ERROR_INVALID_HANDLE, t -> t.add(RIP, b -> b.id(999))),
                bad("update deleted route", Status.ERROR_NOT_FOUND, t -> t.f.route(RIP, "20.0.0.0/8")
                        .id(t.deletedRoute).command()),
                bad("handle for another dest", Status.ERROR_INVALID_PARAMETER, t -> t.f.route(RIP, "20.0.0.0/8")
                        .id(t.ripRoute).command()),
                // deletes (R78, R80)
                bad("delete other's route", Status.ERROR_ACCESS_DENIED,
                        t -> new Command.DeleteRoute(ROUTER, 0, RIP, null, t.ospfRoute, null, null)),
                bad("delete route never issued", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.DeleteRoute(ROUTER, 0, RIP, null, 999L, null, null)),
                bad("delete deleted route", Status.ERROR_NOT_FOUND,
                        t -> new Command.DeleteRoute(ROUTER, 0, RIP, null, t.deletedRoute, null, null)),
                bad("delete unknown triple", Status.ERROR_NOT_FOUND, t -> new Command.DeleteRoute(ROUTER, 0, RIP, null,
                        null, p(DEST), NextHopSpec.of("192.0.2.99", 1))),
                bad("delete naming nothing", Status.ERROR_INVALID_PARAMETER,
                        t -> new Command.DeleteRoute(ROUTER, 0, RIP, IpFamily.IPV4, null, null, null)),
                // hold-down (R88)
                bad("hold time 0", Status.ERROR_INVALID_PARAMETER, t -> hold(p(DEST), U, 0)),
                bad("hold missing dest", Status.ERROR_INVALID_HANDLE, t -> hold(p("40.0.0.0/8"), U, 1000)),
                bad("hold no view", Status.ERROR_INVALID_PARAMETER, t -> hold(p(DEST), 0, 1000)),
                // route lists (R129-R132)
                bad("list exists", Status.ERROR_ALREADY_EXISTS,
                        t -> new Command.CreateRouteList(ROUTER, 0, RIP, null, "l1")),
                bad("list without name", Status.ERROR_INVALID_PARAMETER,
                        t -> new Command.CreateRouteList(ROUTER, 0, RIP, null, "")),
                bad("delete unknown list", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.DeleteRouteList(ROUTER, 0, RIP, null, "l2")),
                bad("insert into unknown list", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.InsertInRouteList(ROUTER, 0, RIP, null, "l2", List.of(t.ripRoute))),
                bad("insert other's route", Status.ERROR_ACCESS_DENIED, t -> new Command.InsertInRouteList(ROUTER, 0,
                        RIP, null, "l1", List.of(t.ripRoute, t.ospfRoute))),
                bad("insert deleted route", Status.ERROR_NOT_FOUND, t -> new Command.InsertInRouteList(ROUTER, 0, RIP,
                        null, null, List.of(t.ripRoute, t.deletedRoute))),
                // change notification (R97, R99, R106)
                bad("no change type", Status.ERROR_INVALID_PARAMETER, t -> notifyCmd(OSPF, "n", U, 0)),
                bad("unknown change type", Status.ERROR_INVALID_PARAMETER, t -> notifyCmd(OSPF, "n", U, 0x10)),
                bad("registration in no view", Status.ERROR_INVALID_PARAMETER, t -> notifyCmd(OSPF, "n", 0, 1)),
                bad("registration in unsupported view", Status.ERROR_NOT_SUPPORTED, t -> notifyCmd(OSPF, "n", 8, 1)),
                bad("registration id in use", Status.ERROR_ALREADY_EXISTS, t -> notifyCmd(OSPF, "r1", U, 1)),
                bad("registration without id", Status.ERROR_INVALID_PARAMETER, t -> notifyCmd(OSPF, "", U, 1)),
                bad("too many registrations", Status.ERROR_NO_SYSTEM_RESOURCES, t -> notifyCmd(OSPF, "n", U, 1)),
                bad("deregister unknown registration", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.DeregisterChangeNotification(ROUTER, 0, OSPF, null, "zz")),
                bad("deregister other's registration", Status.ERROR_ACCESS_DENIED,
                        t -> new Command.DeregisterChangeNotification(ROUTER, 0, OSPF, null, "r1")),
                bad("mark unknown registration", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.MarkDest(ROUTER, 0, RIP, null, "zz", p(DEST), false)),
                bad("mark other's registration", Status.ERROR_ACCESS_DENIED,
                        t -> new Command.MarkDest(ROUTER, 0, OSPF, null, "r1", p(DEST), false)),
                bad("mark prefix of other family", Status.ERROR_INVALID_PARAMETER,
                        t -> new Command.MarkDest(ROUTER, 0, RIP, IpFamily.IPV4, "r1", p("2001:db8::/32"), true)),
                // opaque slots (R135, R136)
                bad("opaque of missing dest", Status.ERROR_INVALID_HANDLE,
                        t -> new Command.SetOpaque(ROUTER, 0, RIP, null, p("40.0.0.0/8"), "x")),
                bad("opaque without slot", Status.ERROR_NOT_FOUND,
                        t -> new Command.SetOpaque(ROUTER, 0, NO_SLOT, null, p(DEST), "x")),
                // methods (R27-R31)
                bad("invoke unregistered target", Status.ERROR_INVALID_HANDLE,
                        t -> invokeCmd(NOBODY, "i", List.of("dump"))),
                bad("invoke unknown method", Status.ERROR_INVALID_PARAMETER,
                        t -> invokeCmd(RIP, "i", List.of("dump", "other"))),
                bad("invoke no method", Status.ERROR_INVALID_PARAMETER, t -> invokeCmd(RIP, "i", List.of())),
                bad("invoke without id", Status.ERROR_INVALID_PARAMETER, t -> invokeCmd(RIP, "", List.of("dump"))),
                bad("invocation id outstanding", Status.ERROR_ALREADY_EXISTS,
                        t -> invokeCmd(RIP, "inv-1", List.of("dump"))),
                bad("answer unknown invocation", Status.ERROR_NOT_FOUND, t -> answerCmd(RIP, "zz", OSPF)),
                bad("answer by another entity", Status.ERROR_ACCESS_DENIED, t -> answerCmd(NO_SLOT, "inv-1", OSPF)),
                bad("answer to the wrong caller", Status.ERROR_INVALID_PARAMETER, t -> answerCmd(RIP, "inv-1", RIP)),
                bad("answer a held invocation", Status.ERROR_INVALID_PARAMETER,
                        t -> answerCmd(STATIC, "inv-held", OSPF)));
    }

    private static Command.HoldDestination hold(Prefix dest, int views, long ms) {
        return new Command.HoldDestination(ROUTER, 0, RIP, null, dest, views, ms);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    @DisplayName("D20: a failing command answers its status, emits nothing and changes no store")
    void shouldAnswerTheStatusAndLeaveTheStateUnchanged(Case c) {
        Command command = c.command().apply(this);
        Map<String, Map<String, Object>> before = f.stores.snapshot();
        Effects.Builder sink = new Effects.Builder();

        Outcome o = f.engine.execute(command, f.now, sink);

        assertThat(o.status()).as(o.message()).isEqualTo(c.expected());
        assertThat(o.effects()).isEqualTo(Effects.NONE);
        assertThat(sink.build()).isEqualTo(Effects.NONE);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

}
