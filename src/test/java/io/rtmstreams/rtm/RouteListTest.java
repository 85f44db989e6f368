package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Client-private route lists (R129–R132, R62, R80). */
class RouteListTest {

    private final RtmFixture f = new RtmFixture();
    private long a;
    private long b;
    private long c;
    private long others;

    @BeforeEach
    void ripHasThreeRoutes() {
        f.register(RIP);
        f.register(OSPF);
        a = f.addOk(f.route(RIP, "10.0.0.0/8"));
        b = f.addOk(f.route(RIP, "20.0.0.0/8"));
        c = f.addOk(f.route(RIP, "10.0.0.0/8").neighbour("192.0.2.1", 1));
        others = f.addOk(f.route(OSPF, "10.0.0.0/8"));
        f.createList(RIP, "l1");
        f.createList(RIP, "l2");
    }

    private List<Long> members(EntityId owner, String list) {
        return f.engine.queries().routeList(V4, owner, list, 0, 100).stream().map(r -> r.route().id()).toList();
    }

    @Test
    @DisplayName("R129, R130: routes inserted into a list are enumerated from it")
    void shouldKeepInsertedRoutesInTheList() {
        assertThat(f.insertInList(RIP, "l1", a, b).status()).isEqualTo(Status.NO_ERROR);

        assertThat(members(RIP, "l1")).containsExactly(a, b);
        assertThat(members(RIP, "l2")).isEmpty();
        assertThat(f.routeInfo(a).route().routeList()).isEqualTo("l1");
    }

    @Test
    @DisplayName("R130: a route is in at most one list; inserting it elsewhere moves it")
    void shouldMoveARouteBetweenLists() {
        f.insertInList(RIP, "l1", a, b);

        f.insertInList(RIP, "l2", b);

        assertThat(members(RIP, "l1")).containsExactly(a);
        assertThat(members(RIP, "l2")).containsExactly(b);
    }

    @Test
    @DisplayName("R130: inserting with no list removes the routes from their lists")
    void shouldRemoveRoutesFromTheirListsWithNoList() {
        f.insertInList(RIP, "l1", a, b);

        f.insertInList(RIP, null, a);

        assertThat(members(RIP, "l1")).containsExactly(b);
        assertThat(f.routeInfo(a).route().routeList()).isNull();
    }

    @Test
    @DisplayName("R130: another entity's route is ERROR_ACCESS_DENIED and nothing is inserted")
    void shouldRefuseOtherEntitiesRoutes() {
        var before = f.stores.snapshot();

        assertThat(f.insertInList(RIP, "l1", a, others).status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.stores.snapshot()).isEqualTo(before);
        assertThat(members(RIP, "l1")).isEmpty();
    }

    @Test
    @DisplayName("R129: lists are per entity; an unknown list is ERROR_INVALID_HANDLE")
    void shouldKeepListsPrivateToTheirOwner() {
        assertThat(f.createList(OSPF, "l1").status()).isEqualTo(Status.NO_ERROR);
        f.insertInList(RIP, "l1", a);

        assertThat(members(OSPF, "l1")).isEmpty();
        assertThat(f.insertInList(OSPF, "l2", others).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(statusOf(() -> members(OSPF, "l2"))).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R129: a list name in use is ERROR_ALREADY_EXISTS; an empty name ERROR_INVALID_PARAMETER")
    void shouldValidateListCreation() {
        assertThat(f.createList(RIP, "l1").status()).isEqualTo(Status.ERROR_ALREADY_EXISTS);
        assertThat(f.createList(RIP, "").status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    @DisplayName("R62: the route-list parameter of an add or an in-place update moves the route into that list")
    void shouldMoveRoutesThroughTheAddParameter() {
        long d = f.addOk(f.route(RIP, "30.0.0.0/8").list("l1"));
        f.ok(f.route(RIP, "20.0.0.0/8").id(b).list("l1").command());
        f.ok(f.route(RIP, "30.0.0.0/8").list("l2").command());
        f.ok(f.route(RIP, "20.0.0.0/8").id(b).cost(4, 4).command());

        assertThat(members(RIP, "l1")).containsExactly(b);
        assertThat(members(RIP, "l2")).containsExactly(d);
        assertThat(f.route(RIP, "40.0.0.0/8").list("nope").add().status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R80, R130: a deleted route leaves its list")
    void shouldDropDeletedRoutesFromTheirList() {
        f.insertInList(RIP, "l1", a, b);

        f.delete(RIP, a);

        assertThat(members(RIP, "l1")).containsExactly(b);
        assertThat(f.insertInList(RIP, "l2", a).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R132: deleting a list frees it; its routes stay, in no list")
    void shouldDeleteTheListButKeepItsRoutes() {
        f.insertInList(RIP, "l1", a, b);

        assertThat(f.deleteList(RIP, "l1").status()).isEqualTo(Status.NO_ERROR);

        assertThat(f.routeInfo(a).state()).isEqualTo(RouteInfo.State.CREATED);
        assertThat(f.routeInfo(a).route().routeList()).isNull();
        assertThat(statusOf(() -> members(RIP, "l1"))).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.deleteList(RIP, "l1").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.stores.size(RtmStores.ROUTE_LIST_MEMBERS)).isZero();
    }

    @Test
    @DisplayName("R131: list enumeration pages by route id; the end is a short batch; too large is INVALID_PARAMETER")
    void shouldPageThroughAList() {
        f.insertInList(RIP, "l1", c, a, b);

        List<RouteInfo> first = f.engine.queries().routeList(V4, RIP, "l1", 0, 2);
        List<RouteInfo> second = f.engine.queries().routeList(V4, RIP, "l1", first.get(1).route().id(), 2);

        assertThat(first).extracting(r -> r.route().id()).containsExactly(a, b);
        assertThat(second).extracting(r -> r.route().id()).containsExactly(c);
        assertThat(f.engine.queries().routeList(V4, RIP, "l1", c, 2)).isEmpty();
        assertThat(statusOf(() -> f.engine.queries().routeList(V4, RIP, "l1", 0, 101)))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }
}
