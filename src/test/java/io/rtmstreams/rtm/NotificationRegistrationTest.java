package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static io.rtmstreams.rtm.ChangeType.ALL;
import static io.rtmstreams.rtm.ChangeType.BEST;
import static io.rtmstreams.rtm.ChangeType.FORWARDING;
import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Who is told about a change: registrations, their types, views and marks (R97–R99, R105–R107). */
class NotificationRegistrationTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(STATIC);
    }

    @Test
    @DisplayName("R105: a registration is told only about the change types it asked for")
    void shouldDeliverOnlyTheRequestedChangeTypes() {
        f.notifyOn(STATIC, "all", U, ALL.bit(), false);
        f.notifyOn(STATIC, "best", U, BEST.bit(), false);
        f.notifyOn(STATIC, "fwd", U, FORWARDING.bit(), false);
        f.notifyOn(STATIC, "best.fwd", U, BEST.bit() | FORWARDING.bit(), false);
        f.route(STATIC, DEST).cost(3, 1).flags(RouteFlags.LOCAL).add();

        Outcome nonForwarding = f.route(STATIC, DEST).cost(3, 1).flags(RouteFlags.REMOTE).add();
        Outcome allOnly = f.route(RIP, DEST).cost(120, 1).add();

        assertThat(nonForwarding.effects().notifications())
                .extracting(n -> n.registration().id() + "=" + n.changeTypes())
                .containsExactly("all=1", "best=2", "best.fwd=2");
        assertThat(notified(allOnly.effects(), DEST)).containsExactly("all");
    }

    @Test
    @DisplayName("R105: a registration is told only about changes in its views")
    void shouldDeliverOnlyChangesInTheRegistrationsViews() {
        f.notifyOn(STATIC, "ucast", U, ChangeType.ALL_TYPES, false);
        f.notifyOn(STATIC, "mcast", M, ChangeType.ALL_TYPES, false);
        f.notifyOn(STATIC, "both", U | M, ChangeType.ALL_TYPES, false);

        Outcome o = f.route(RIP, DEST).views(M).add();

        assertThat(o.effects().notifications()).extracting(n -> n.registration().id() + "/" + n.view())
                .containsExactlyInAnyOrder("mcast/MULTICAST", "both/MULTICAST");
    }

    @Test
    @DisplayName("R107: no self-suppression; an entity's registrations see its own changes")
    void shouldTellAnEntityAboutItsOwnChanges() {
        f.notifyOn(RIP, "mine", U, ALL.bit(), false);

        assertThat(notified(f.route(RIP, DEST).add().effects(), DEST)).containsExactly("mine");
    }

    @Test
    @DisplayName("R98: an entity may hold several registrations, each told independently")
    void shouldServeSeveralRegistrationsOfOneEntity() {
        f.notifyOn(RIP, "a", U, ALL.bit(), false);
        f.notifyOn(RIP, "b", U, ALL.bit(), false);

        assertThat(notified(f.route(STATIC, DEST).add().effects(), DEST)).containsExactly("a", "b");
    }

    @Test
    @DisplayName("R105, R106: with ONLY_MARKED_DESTS only marked destinations are told")
    void shouldTellOnlyMarkedDestinations() {
        f.notifyOn(STATIC, "marked", U, ALL.bit(), true);
        f.mark(STATIC, "marked", DEST, true);

        assertThat(notified(f.route(RIP, DEST).add().effects(), DEST)).containsExactly("marked");
        assertThat(notified(f.route(RIP, "20.0.0.0/8").add().effects(), "20.0.0.0/8")).isEmpty();
        f.mark(STATIC, "marked", DEST, false);
        assertThat(notified(f.route(RIP, DEST).cost(1, 9).add().effects(), DEST)).isEmpty();
    }

    @Test
    @DisplayName("R106, A24: marks are kept by prefix: a missing destination may be marked, and marks outlive it")
    void shouldKeepMarksByPrefix() {
        f.notifyOn(STATIC, "marked", U, ALL.bit(), true);

        assertThat(f.mark(STATIC, "marked", DEST, true).status()).isEqualTo(Status.NO_ERROR);
        long id = f.addOk(f.route(RIP, DEST));
        f.delete(RIP, id);

        assertThat(f.engine.isMarked(V4, STATIC, "marked", p(DEST))).isTrue();
        assertThat(notified(f.route(RIP, DEST).add().effects(), DEST)).containsExactly("marked");
        assertThat(f.engine.isMarked(V4, STATIC, "marked", p("20.0.0.0/8"))).isFalse();
    }

    @Test
    @DisplayName("R106: marks belong to one registration; another entity's registration is ERROR_ACCESS_DENIED")
    void shouldKeepMarksPerRegistration() {
        f.notifyOn(STATIC, "s", U, ALL.bit(), true);
        f.notifyOn(RIP, "r", U, ALL.bit(), true);
        f.mark(STATIC, "s", DEST, true);

        assertThat(f.engine.isMarked(V4, RIP, "r", p(DEST))).isFalse();
        assertThat(f.mark(RIP, "s", DEST, true).status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.mark(RIP, "nope", DEST, true).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(statusOf(() -> f.engine.isMarked(V4, RIP, "s", p(DEST)))).isEqualTo(Status.ERROR_ACCESS_DENIED);
    }

    @Test
    @DisplayName("R97: change types must name at least one of ALL, BEST, FORWARDING; views must be supported")
    void shouldValidateARegistration() {
        var before = f.stores.snapshot();

        assertThat(f.notifyOn(STATIC, "n", U, 0, false).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.notifyOn(STATIC, "n", U, 0x8, false).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.notifyOn(STATIC, "n", 0, ALL.bit(), false).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.notifyOn(STATIC, "n", 0x4, ALL.bit(), false).status()).isEqualTo(Status.ERROR_NOT_SUPPORTED);
        assertThat(f.notifyOn(STATIC, "", U, ALL.bit(), false).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R97: a registration id in use is ERROR_ALREADY_EXISTS")
    void shouldRejectADuplicateRegistrationId() {
        f.notifyOn(STATIC, "n", U, ALL.bit(), false);

        assertThat(f.notifyOn(RIP, "n", M, BEST.bit(), false).status()).isEqualTo(Status.ERROR_ALREADY_EXISTS);
    }

    @Test
    @DisplayName("R97, A30: past the configured maximum of registrations, ERROR_NO_SYSTEM_RESOURCES")
    void shouldRefuseRegistrationsBeyondTheLimit() {
        RtmFixture small = new RtmFixture(new RtmConfig(16, 100, 2, 32, 300_000, false));
        small.register(RIP);
        small.notifyOn(RIP, "a", U, ALL.bit(), false);
        small.notifyOn(RIP, "b", U, ALL.bit(), false);

        assertThat(small.notifyOn(RIP, "c", U, ALL.bit(), false).status())
                .isEqualTo(Status.ERROR_NO_SYSTEM_RESOURCES);
        small.notifyOff(RIP, "a");
        assertThat(small.notifyOn(RIP, "c", U, ALL.bit(), false).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    @DisplayName("R99: a deregistered registration is told nothing more, and its marks are gone")
    void shouldStopNotifyingAfterDeregistration() {
        f.notifyOn(STATIC, "n", U, ALL.bit(), true);
        f.mark(STATIC, "n", DEST, true);

        assertThat(f.notifyOff(STATIC, "n").status()).isEqualTo(Status.NO_ERROR);

        assertThat(f.route(RIP, DEST).add().effects().notifications()).isEmpty();
        assertThat(f.stores.size(RtmStores.MARKS)).isZero();
        f.notifyOn(STATIC, "n", U, ALL.bit(), true);
        assertThat(f.engine.isMarked(V4, STATIC, "n", p(DEST))).isFalse();
    }

    @Test
    @DisplayName("R99: deregistering another entity's registration is ACCESS_DENIED, an unknown one INVALID_HANDLE")
    void shouldCheckTheOwnerOfADeregistration() {
        f.notifyOn(STATIC, "n", U, ALL.bit(), false);

        assertThat(f.notifyOff(RIP, "n").status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.notifyOff(RIP, "x").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(notified(f.route(RIP, DEST).add().effects(), DEST)).containsExactly("n");
    }

    @Test
    @DisplayName("R105, R111: a published notification carries the destination as it is after the change, in its view")
    void shouldPublishTheDestinationStateWithEachChange() {
        f.notifyOn(STATIC, "n", U | M, ChangeType.ALL_TYPES, false);
        f.addOk(f.route(RIP, DEST).via("192.0.2.1", 1).cost(120, 1).views(U | M));

        Outcome o = f.route(STATIC, DEST).cost(3, 1).views(U).add();

        Notification n = o.effects().notifications().get(0);
        assertThat(o.effects().notifications()).hasSize(1);
        assertThat(n.view()).isEqualTo(View.UNICAST);
        assertThat(n.changeTypes()).isEqualTo(ChangeType.ALL_TYPES);
        assertThat(n.dest().prefix()).isEqualTo(p(DEST));
        assertThat(n.dest().views()).extracting(ViewInfo::view).containsExactly(View.UNICAST);
        assertThat(n.dest().views().get(0).route().route().owner()).isEqualTo(STATIC);
        assertThat(n.dest().views().get(0).numRoutes()).isEqualTo(2);
    }
}
