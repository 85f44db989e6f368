package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deregistration cascade of D3 and R26: (1) the entity's notification registrations go, (2) its routes are
 * deleted with ordinary semantics, (3) its next hops, (4) route lists and opaque slots go, (5) calls into it are
 * refused, (6) the other entities are told, last.
 */
class DeregistrationCascadeTest {

    private final RtmFixture f = new RtmFixture();
    private long ripBest;
    private long ripOnly;
    private long staticRoute;

    @BeforeEach
    void ripOwnsRoutesNextHopsAListASlotAndARegistration() {
        f.register(RIP, java.util.List.of("dump"));
        f.register(STATIC);
        f.register(OSPF);
        f.notifyOn(RIP, "rip-all", U | M, ChangeType.ALL_TYPES, false);
        f.notifyOn(OSPF, "ospf-all", U | M, ChangeType.ALL_TYPES, false);
        f.createList(RIP, "mine");
        ripBest = f.addOk(f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).cost(1, 1).list("mine"));
        ripOnly = f.addOk(f.route(RIP, "20.0.0.0/8").via("192.0.2.1", 1));
        staticRoute = f.addOk(f.route(STATIC, "10.0.0.0/8").via("198.51.100.1", 2).cost(3, 1));
        f.addNextHop(RIP, "192.0.2.9", 9);
        f.setOpaque(RIP, "10.0.0.0/8", "rip-state");
        f.setOpaque(STATIC, "10.0.0.0/8", "static-state");
    }

    @Test
    @DisplayName("R26 (2), D3: the entity's routes are deleted with best-route recomputation, cause DEREGISTER")
    void shouldDeleteTheEntitysRoutesWithOrdinaryDeleteSemantics() {
        Outcome o = f.deregister(RIP);

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        DestChange ten = change(o.effects(), "10.0.0.0/8", View.UNICAST);
        assertThat(ten.changeTypes()).isEqualTo(ChangeType.ALL_TYPES);
        assertThat(ten.cause()).isEqualTo(Cause.DEREGISTER);
        assertThat(ten.best().route().id()).isEqualTo(staticRoute);
        DestChange twenty = change(o.effects(), "20.0.0.0/8", View.UNICAST);
        assertThat(twenty.best()).isNull();
        assertThat(twenty.numRoutes()).isZero();
        assertThat(f.routeInfo(ripBest).state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(f.routeInfo(ripOnly).state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(f.routeInfo(staticRoute).state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(statusOf(() -> f.dest("20.0.0.0/8"))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R26 (1), R99: the entity's own registrations are dropped first; the others are notified")
    void shouldNotifyOnlyTheOtherEntitiesRegistrations() {
        Outcome o = f.deregister(RIP);

        assertThat(notified(o.effects(), "10.0.0.0/8")).containsExactly("ospf-all");
        assertThat(notified(o.effects(), "20.0.0.0/8")).containsExactly("ospf-all");
        assertThat(withdrawn(o.effects(), "10.0.0.0/8")).containsExactly("rip-all");
        assertThat(withdrawn(o.effects(), "20.0.0.0/8")).containsExactly("rip-all");
        assertThat(o.effects().notifications().get(0).isWithdrawal()).as("withdrawals come first (R26 step 1)")
                .isTrue();
        assertThat(f.stores.size(RtmStores.REGISTRATIONS)).isEqualTo(1);
    }

    @Test
    @DisplayName("R26 (2), R89: a route deleted by the cascade starts an armed hold-down")
    void shouldHoldTheDestinationWhenTheCascadeDeletesItsLastRoute() {
        f.hold(OSPF, "20.0.0.0/8", U, 30_000);

        f.deregister(RIP);

        ViewInfo u = f.unicast("20.0.0.0/8");
        assertThat(u.route()).isNull();
        assertThat(u.numRoutes()).isZero();
        assertThat(u.holdRoute().id()).isEqualTo(ripOnly);
        assertThat(f.dest("20.0.0.0/8").belongsToViews()).isZero();
    }

    @Test
    @DisplayName("R26 (3), R47: the entity's next hops are deleted, also those no route used")
    void shouldDeleteTheEntitysNextHops() {
        long used = f.engine.queries().findNextHop(V4, RIP, IpAddress.parse("192.0.2.1"), 1).id();

        f.deregister(RIP);

        assertThat(statusOf(() -> f.engine.queries().nextHop(ROUTER, used))).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(statusOf(() -> f.engine.queries().findNextHop(V4, RIP, IpAddress.parse("192.0.2.9"), 9)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.stores.size(RtmStores.NEXT_HOPS)).isEqualTo(1); // STATIC's 198.51.100.1
        assertThat(f.stores.size(RtmStores.NEXT_HOP_IDENTITIES)).isEqualTo(1);
    }

    @Test
    @DisplayName("R26 (4): the entity's route lists and opaque slot contents go; the others' stay")
    void shouldDeleteTheEntitysRouteListsAndOpaqueSlot() {
        f.deregister(RIP);

        assertThat(f.stores.size(RtmStores.ROUTE_LISTS)).isZero();
        assertThat(f.stores.size(RtmStores.ROUTE_LIST_MEMBERS)).isZero();
        assertThat(f.stores.size(RtmStores.OPAQUE)).isEqualTo(1);
        assertThat(f.engine.queries().opaque(V4, STATIC, p("10.0.0.0/8"))).isEqualTo("static-state");
        assertThat(f.stores.size(RtmStores.OWNED_ROUTES)).isEqualTo(1);
    }

    @Test
    @DisplayName("R26 (5), R30: held calls into the entity are answered ERROR_INVALID_HANDLE; new calls are refused")
    void shouldRefuseCallsIntoTheDeregisteredEntity() {
        f.block(RIP, true);
        f.invoke(STATIC, RIP, "call-1", "dump");

        Outcome o = f.deregister(RIP);

        assertThat(events(o.effects(), EntityEvent.MethodResult.class)).containsExactly(
                new EntityEvent.MethodResult(V4, STATIC, "call-1", RIP, Status.ERROR_INVALID_HANDLE, null));
        assertThat(f.stores.size(RtmStores.INVOCATIONS)).isZero();
        assertThat(f.invoke(STATIC, RIP, "call-2", "dump").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R26 (6), R19: ENTITY_DEREGISTERED goes to every other entity, after everything else")
    void shouldTellTheOtherEntitiesLast() {
        f.block(RIP, true);
        f.invoke(STATIC, RIP, "call-1", "dump");

        Outcome o = f.deregister(RIP);

        assertThat(o.effects().events()).containsExactly(
                new EntityEvent.MethodResult(V4, STATIC, "call-1", RIP, Status.ERROR_INVALID_HANDLE, null),
                new EntityEvent.Deregistered(V4, OSPF, RIP),
                new EntityEvent.Deregistered(V4, STATIC, RIP));
    }

    @Test
    @DisplayName("R26, R14: a registration id and the entity identity are free again after the cascade")
    void shouldFreeTheEntitysNamesForAFreshRegistration() {
        f.deregister(RIP);

        assertThat(f.register(RIP).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.notifyOn(RIP, "rip-all", U, ChangeType.ALL.bit(), false).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.createList(RIP, "mine").status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.addNextHop(RIP, "192.0.2.1", 1).changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(f.engine.queries().routeList(V4, RIP, "mine", 0, 10)).isEmpty();
    }
}
