package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Next hops: per-owner identity, upsert, find, delete, and what deleting does to routes (R40–R49, A4, A5). */
class NextHopTest {

    private static final IpAddress GW = IpAddress.parse("192.0.2.1");

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void registerTwoOwners() {
        f.register(RIP);
        f.register(OSPF);
        f.notifyOn(OSPF, "all", U | M, ChangeType.ALL_TYPES, false);
    }

    @Test
    @DisplayName("R44: an add creates the next hop with output flag NEW and a new id")
    void shouldCreateANextHopWithFlagNew() {
        Outcome o = f.addNextHop(RIP, "192.0.2.1", 1);

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(o.nextHopId()).isPositive();
        NextHop nh = f.engine.queries().nextHop(ROUTER, o.nextHopId());
        assertThat(nh.owner()).isEqualTo(RIP);
        assertThat(nh.address()).isEqualTo(GW);
        assertThat(nh.interfaceIndex()).isEqualTo(1);
    }

    @Test
    @DisplayName("R44: an add of an existing identity updates it in place with output flags 0")
    void shouldUpdateAnExistingNextHopWithFlagsZero() {
        long id = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();

        Outcome o = f.run(new Command.AddNextHop(ROUTER, 0, RIP, null,
                new NextHopSpec(GW, 1, NextHopSpec.REMOTE, "peer")));

        assertThat(o.changeFlags()).isZero();
        assertThat(o.nextHopId()).isEqualTo(id);
        NextHop nh = f.engine.queries().nextHop(ROUTER, id);
        assertThat(nh.isRemote()).isTrue();
        assertThat(nh.entitySpecificInfo()).isEqualTo("peer");
    }

    @Test
    @DisplayName("R41: identity is (address, interface index) within one owner")
    void shouldKeepNextHopsApartByInterfaceAndOwner() {
        long rip1 = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();
        long rip2 = f.addNextHop(RIP, "192.0.2.1", 2).nextHopId();
        long ospf1 = f.addNextHop(OSPF, "192.0.2.1", 1).nextHopId();

        assertThat(rip1).isNotEqualTo(rip2).isNotEqualTo(ospf1);
        assertThat(rip2).isNotEqualTo(ospf1);
        assertThat(f.engine.queries().findNextHop(V4, OSPF, GW, 1).id()).isEqualTo(ospf1);
    }

    @Test
    @DisplayName("R45: find searches the caller's own list only; another owner's next hop is ERROR_NOT_FOUND")
    void shouldFindOnlyTheCallersNextHops() {
        long id = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();

        assertThat(f.engine.queries().findNextHop(V4, RIP, GW, 1).id()).isEqualTo(id);
        assertThat(statusOf(() -> f.engine.queries().findNextHop(V4, OSPF, GW, 1))).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(statusOf(() -> f.engine.queries().findNextHop(V4, RIP, GW, 2))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R46, R47: delete by value removes it from the list; a later add is a new next hop (NEW)")
    void shouldDeleteByValueAndCreateAFreshNextHopOnReAdd() {
        long id = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();

        Outcome del = f.deleteNextHop(RIP, "192.0.2.1", 1);
        Outcome again = f.addNextHop(RIP, "192.0.2.1", 1);

        assertThat(del.status()).isEqualTo(Status.NO_ERROR);
        assertThat(del.nextHopId()).isEqualTo(id);
        assertThat(again.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(again.nextHopId()).isGreaterThan(id);
        assertThat(statusOf(() -> f.engine.queries().nextHop(ROUTER, id))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R46: deleting a next hop the caller does not have is ERROR_NOT_FOUND")
    void shouldAnswerNotFoundWhenDeletingAnUnknownNextHopByValue() {
        f.addNextHop(OSPF, "192.0.2.1", 1);

        assertThat(f.deleteNextHop(RIP, "192.0.2.1", 1).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R46: delete by id; another owner's next hop is ERROR_ACCESS_DENIED")
    void shouldDeleteByIdOnlyTheCallersNextHop() {
        long id = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();

        assertThat(f.deleteNextHop(OSPF, id).status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.deleteNextHop(RIP, id).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    @DisplayName("R46, R47: a deleted id is ERROR_NOT_FOUND; an id never handed out is ERROR_INVALID_HANDLE")
    void shouldTellDeletedIdsFromIdsNeverIssued() {
        long id = f.addNextHop(RIP, "192.0.2.1", 1).nextHopId();
        f.deleteNextHop(RIP, id);

        assertThat(f.deleteNextHop(RIP, id).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.deleteNextHop(RIP, id + 100).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(statusOf(() -> f.engine.queries().nextHop(ROUTER, id + 100)))
                .isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R46, D20: a delete naming neither a next hop nor an id is ERROR_INVALID_PARAMETER")
    void shouldRejectADeleteThatNamesNoNextHop() {
        f.addNextHop(RIP, "192.0.2.1", 1);
        var before = f.stores.snapshot();

        Outcome o = f.run(new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, null));

        assertThat(o.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R47, A4, A5: routes keep a deleted next hop, and nothing is notified")
    void shouldLeaveRoutesUsingADeletedNextHopUnchanged() {
        long route = f.addOk(f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1));
        long hop = f.engine.queries().findNextHop(V4, RIP, GW, 1).id();

        Outcome del = f.deleteNextHop(RIP, "192.0.2.1", 1);

        assertThat(del.effects()).isEqualTo(Effects.NONE);
        assertThat(f.routeInfo(route).route().nextHops()).containsExactly(new NextHopRef(hop, GW, 1));
        assertThat(f.unicast("10.0.0.0/8").route().nextHops()).extracting(h -> h.nextHop().id()).containsExactly(hop);
    }

    @Test
    @DisplayName("R47: a route op naming a deleted next hop's identity gets a fresh next hop in the owner's list")
    void shouldResolveADeletedIdentityToAFreshNextHopOnTheNextRouteUpdate() {
        long route = f.addOk(f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1));
        long old = f.engine.queries().findNextHop(V4, RIP, GW, 1).id();
        f.deleteNextHop(RIP, old);

        f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).add();

        long fresh = f.engine.queries().findNextHop(V4, RIP, GW, 1).id();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(f.routeInfo(route).route().nextHops()).extracting(NextHopRef::id).containsExactly(fresh);
    }

    @Test
    @DisplayName("R49, A5: updating a next hop used by a best route notifies nobody")
    void shouldNotNotifyOnNextHopUpdates() {
        f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).add();
        NextHopSpec remote = new NextHopSpec(GW, 1, NextHopSpec.REMOTE, "x");

        Outcome o = f.run(new Command.AddNextHop(ROUTER, 0, RIP, null, remote));

        assertThat(o.effects()).isEqualTo(Effects.NONE);
    }

    @Test
    @DisplayName("R40, contract: next hops named by value in a route are added to the owner's list")
    void shouldAddRouteNextHopsToTheOwnersList() {
        f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).neighbour("192.0.2.7", 1).add();

        assertThat(f.engine.queries().findNextHop(V4, RIP, GW, 1).owner()).isEqualTo(RIP);
        assertThat(f.engine.queries().findNextHop(V4, RIP, IpAddress.parse("192.0.2.7"), 1).owner()).isEqualTo(RIP);
        assertThat(statusOf(() -> f.engine.queries().findNextHop(V4, OSPF, GW, 1))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R33, D1: a next hop of the other family than the command names is ERROR_INVALID_PARAMETER")
    void shouldRejectANextHopOfAnotherFamily() {
        Outcome o = f.run(new Command.AddNextHop(ROUTER, 0, RIP, IpFamily.IPV4, NextHopSpec.of("2001:db8::1", 1)));

        assertThat(o.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }
}
