package io.rtmstreams.rtm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance scenarios T1–T14 of rtmv2.md §15, except T10 and T11: they drain and ignore pending changes,
 * which rtm-streams does on the wire instead (the scenario tests {@code t10-notifications-coalesce-per-key} and
 * {@code t11-no-record-until-a-new-change}; README, RTMv2). T1–T6 and T8 are one story told step by step: each test
 * replays the steps before its own, then checks its step. Registrations N_all, N_best and N_fwd (all unicast) belong
 * to a separate observer entity.
 */
class ConformanceScenariosTest {

    private static final String DEST = "10.0.0.0/8";
    private static final EntityId OBSERVER = EntityId.of(3, 1);

    private RtmFixture f;
    private long ripFirst;
    private long ripSecond;
    private long staticRoute;

    private RtmFixture story(RtmConfig config) {
        f = new RtmFixture(config);
        f.register(OBSERVER);
        f.register(RIP);
        f.register(STATIC);
        f.notifyOn(OBSERVER, "N_all", U, ChangeType.ALL.bit(), false);
        f.notifyOn(OBSERVER, "N_best", U, ChangeType.BEST.bit(), false);
        f.notifyOn(OBSERVER, "N_fwd", U, ChangeType.FORWARDING.bit(), false);
        return f;
    }

    private RtmFixture.RouteBuilder rip(String neighbour) {
        return f.route(RIP, DEST).via("192.0.2.1", 1).neighbour(neighbour, 1);
    }

    private RtmFixture.RouteBuilder staticWith(int flags) {
        return f.route(STATIC, DEST).via("198.51.100.1", 2).cost(3, 1).flags(flags);
    }

    private Outcome[] t1() {
        story(RtmConfig.DEFAULTS);
        Outcome rip = rip("192.0.2.1").cost(120, 2).add();
        Outcome stat = staticWith(RouteFlags.LOCAL).add();
        ripFirst = rip.routeId();
        staticRoute = stat.routeId();
        return new Outcome[] {rip, stat};
    }

    private Outcome t2() {
        return rip("192.0.2.1").cost(120, 5).add();
    }

    private Outcome t3() {
        Outcome o = rip("192.0.2.1").cost(120, 4).asNew().add();
        ripSecond = o.routeId();
        return o;
    }

    private Outcome t4() {
        return rip("192.0.2.2").cost(120, 1).first().add();
    }

    private Outcome t5() {
        return staticWith(RouteFlags.REMOTE).add();
    }

    private Outcome t6() {
        return staticWith(RouteFlags.REMOTE | RouteFlags.DISCARD).add();
    }

    @Test
    @DisplayName("T1 (R57, R67, R102, R103): both adds are NEW|BEST; Static wins; every registration hears both")
    void t01_staticWithBetterPreferenceReplacesRipAsBest() {
        Outcome[] o = t1();

        assertThat(o[0].changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        assertThat(o[1].changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(staticRoute);
        assertThat(notified(o[0].effects(), DEST)).containsExactlyInAnyOrder("N_all", "N_best", "N_fwd");
        assertThat(notified(o[1].effects(), DEST)).containsExactlyInAnyOrder("N_all", "N_best", "N_fwd");
    }

    @Test
    @DisplayName("T2 (R52, R57, R101): RIP's update is flags 0 and only N_all hears it")
    void t02_ripUpdateOfANonBestRouteIsAnAllChangeOnly() {
        t1();

        Outcome o = t2();

        assertThat(o.routeId()).isEqualTo(ripFirst);
        assertThat(o.changeFlags()).isZero();
        assertThat(notified(o.effects(), DEST)).containsExactly("N_all");
    }

    @Test
    @DisplayName("T3 (R53): an add with NEW and the same neighbour creates a second RIP route")
    void t03_newCreatesASecondRouteForTheSameNeighbour() {
        t1();
        t2();

        Outcome o = t3();

        assertThat(o.changeFlags()).isEqualTo(RouteChange.NEW);
        assertThat(o.routeId()).isNotIn(ripFirst, staticRoute);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(3);
    }

    @Test
    @DisplayName("T4 (R54, R57): FIRST updates RIP's first-ranked route (120/4) to 120/1 with the new neighbour")
    void t04_firstUpdatesTheFirstRankedRouteOfTheCaller() {
        t1();
        t2();
        t3();

        Outcome o = t4();

        assertThat(o.routeId()).isEqualTo(ripSecond);
        assertThat(o.changeFlags()).isZero();
        Route updated = f.routeInfo(ripSecond).route();
        assertThat(updated.preference()).isEqualTo(120);
        assertThat(updated.metric()).isEqualTo(1);
        assertThat(updated.neighbour().address().toString()).isEqualTo("192.0.2.2");
        assertThat(f.routeInfo(ripFirst).route().metric()).isEqualTo(5);
        assertThat(f.unicast(DEST).numRoutes()).isEqualTo(3);
    }

    @Test
    @DisplayName("T5 (R102, R103): Static's LOCAL -> REMOTE is BEST; N_all and N_best hear it, N_fwd does not")
    void t05_nonForwardingFlagChangeOfTheBestIsNotAForwardingChange() {
        t1();
        t2();
        t3();
        t4();

        Outcome o = t5();

        assertThat(o.changeFlags()).isEqualTo(RouteChange.BEST);
        assertThat(notified(o.effects(), DEST)).containsExactlyInAnyOrder("N_all", "N_best");
    }

    @Test
    @DisplayName("T6 (R103): Static setting DISCARD is heard by N_all, N_best and N_fwd")
    void t06_forwardingFlagChangeOfTheBestIsAForwardingChange() {
        t1();
        t2();
        t3();
        t4();
        t5();

        Outcome o = t6();

        assertThat(notified(o.effects(), DEST)).containsExactlyInAnyOrder("N_all", "N_best", "N_fwd");
    }

    @Test
    @DisplayName("T7 (R70, R104): a route leaving M is a BEST change in M; M shows the next best, or none")
    void t07_leavingAViewChangesTheBestRouteOfThatView() {
        story(RtmConfig.DEFAULTS);
        f.notifyOn(OBSERVER, "M_best", M, ChangeType.BEST.bit(), false);
        long both = f.addOk(f.route(RIP, DEST).cost(1, 1).views(U | M));
        long mcast = f.addOk(f.route(STATIC, DEST).cost(9, 9).views(M));
        long lone = f.addOk(f.route(RIP, "20.0.0.0/8").views(U | M));

        Outcome o = f.route(RIP, DEST).id(both).cost(1, 1).views(U).add();
        Outcome p = f.route(RIP, "20.0.0.0/8").id(lone).views(U).add();

        assertThat(o.effects().notifications()).singleElement().satisfies(n -> {
            assertThat(n.registration().id()).isEqualTo("M_best");
            assertThat(n.view()).isEqualTo(View.MULTICAST);
            assertThat(ChangeType.BEST.in(n.changeTypes())).isTrue();
        });
        assertThat(f.multicast(DEST).route().route().id()).isEqualTo(mcast);
        assertThat(notified(p.effects(), "20.0.0.0/8")).containsExactly("M_best");
        assertThat(f.multicast("20.0.0.0/8").route()).isNull();
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(both);
    }

    @Test
    @DisplayName("T8 (R84, D7): Static's route expires, is deleted, and RIP's 120/1 route takes over; all hear it")
    void t08_expiredBestRouteIsDeletedAndTheNextTakesOver() {
        t1();
        t2();
        t3();
        t4();
        t5();
        t6();
        staticWith(RouteFlags.REMOTE | RouteFlags.DISCARD).ttl(1000).add();

        Effects fx = f.advance(1000);

        assertThat(events(fx, EntityEvent.RouteExpired.class)).extracting(EntityEvent::recipient)
                .containsExactly(STATIC);
        assertThat(f.routeInfo(staticRoute).state()).isEqualTo(RouteInfo.State.DELETED);
        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(ripSecond);
        assertThat(f.routeInfo(ripSecond).route().metric()).isEqualTo(1);
        assertThat(notified(fx, DEST)).containsExactlyInAnyOrder("N_all", "N_best", "N_fwd");
    }

    @Test
    @DisplayName("T9 (R89-R95): hold-down keeps the last deleted route through a re-add until it expires")
    void t09_holdDownKeepsTheLastDeletedRouteUntilItExpires() {
        t1();
        f.hold(RIP, DEST, U, 30_000);
        f.delete(RIP, ripFirst);

        f.delete(STATIC, staticRoute);
        ViewInfo held = f.unicast(DEST);
        f.advance(5_000);
        long fresh = f.addOk(f.route(RIP, DEST).neighbour("192.0.2.3", 1).cost(120, 3));
        ViewInfo during = f.unicast(DEST);
        Effects end = f.advance(25_000);

        assertThat(held.route()).isNull();
        assertThat(held.numRoutes()).isZero();
        assertThat(held.holdRoute().id()).isEqualTo(staticRoute);
        assertThat(during.route().route().id()).isEqualTo(fresh);
        assertThat(during.holdRoute().id()).isEqualTo(staticRoute);
        assertThat(f.unicast(DEST).holdRoute()).isNull();
        assertThat(change(end, DEST, View.UNICAST).changeTypes()).isEqualTo(ChangeType.ALL.bit());
        assertThat(notified(end, DEST)).containsExactly("N_all");
    }

    @Test
    @DisplayName("T12 (R117, R118, A32): most specific then repeated less specific: 10.1/16, 10/8, 0/0, NOT_FOUND")
    void t12_prefixTreeWalkEndsAfterTheDefaultRoute() {
        story(RtmConfig.DEFAULTS);
        f.route(RIP, DEFAULT_V4).add();
        f.route(RIP, "10.0.0.0/8").add();
        f.route(RIP, "10.1.0.0/16").add();
        RtmQueries q = f.engine.queries();

        DestInfo most = q.mostSpecific(V4, p("10.1.2.3/32"), U, 0, null);
        DestInfo up1 = q.lessSpecific(V4, most.prefix(), U, 0, null);
        DestInfo up2 = q.lessSpecific(V4, up1.prefix(), U, 0, null);

        assertThat(List.of(most.prefix(), up1.prefix(), up2.prefix()))
                .containsExactly(p("10.1.0.0/16"), p("10.0.0.0/8"), DEFAULT_V4);
        assertThat(statusOf(() -> q.lessSpecific(V4, up2.prefix(), U, 0, null))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("T13 (R68): preference 1 beats preference 0xFFFFFFFF (unsigned compare)")
    void t13_preferenceIsComparedUnsigned() {
        story(RtmConfig.DEFAULTS);
        f.route(RIP, DEST).cost(0xFFFF_FFFFL, 1).add();

        long one = f.addOk(f.route(STATIC, DEST).cost(1, 1));

        assertThat(f.bestId(DEST, View.UNICAST)).isEqualTo(one);
    }

    @Test
    @DisplayName("T14 (R14, R19): a second registration is ALREADY_EXISTS; the others saw exactly one REGISTERED")
    void t14_duplicateRegistrationIsRefusedAndAnnouncedOnce() {
        story(RtmConfig.DEFAULTS);
        EntityId x = EntityId.of(14, 7);

        Outcome first = f.register(x);
        Outcome second = f.register(x);

        assertThat(second.status()).isEqualTo(Status.ERROR_ALREADY_EXISTS);
        assertThat(second.effects()).isEqualTo(Effects.NONE);
        assertThat(events(first.effects(), EntityEvent.Registered.class)).extracting(EntityEvent::recipient)
                .containsExactly(OBSERVER, RIP, STATIC);
    }
}
