package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Queued delivery: the CHANGES_AVAILABLE signal and draining with RtmGetChangedDests (R108–R114). */
class QueuedDeliveryTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture(RtmConfig.DEFAULTS.withDelivery(RtmConfig.Delivery.QUEUED));

    @BeforeEach
    void staticListensToAll() {
        f.register(RIP);
        f.register(STATIC);
        f.notifyOn(STATIC, "all", U | M, ChangeType.ALL.bit(), false);
    }

    private ChangedDests drain(int max) {
        return f.engine.changedDests(V4, STATIC, "all", max);
    }

    private boolean pending(String prefix) {
        return f.engine.changeStatus(V4, STATIC, "all", p(prefix));
    }

    @Test
    @DisplayName("R108, A25: the owner is signalled once when the pending set goes from empty to non-empty")
    void shouldSignalOnlyOnTheEmptyToNonEmptyEdge() {
        Outcome first = f.route(RIP, DEST).add();
        Outcome second = f.route(RIP, "20.0.0.0/8").add();
        drain(10);
        Outcome third = f.route(RIP, DEST).cost(9, 9).add();

        EntityEvent.ChangesAvailable signal = new EntityEvent.ChangesAvailable(V4, STATIC, "all");
        assertThat(first.effects().events()).containsExactly(signal);
        assertThat(second.effects().events()).isEmpty();
        assertThat(third.effects().events()).containsExactly(signal);
        assertThat(first.effects().notifications()).isEmpty();
    }

    @Test
    @DisplayName("R109, R111: a drain hands each destination once, in address order, as it is now, per registered view")
    void shouldDrainCoalescedDestinationsWithTheirCurrentState() {
        f.route(RIP, "20.0.0.0/8").add();
        f.route(RIP, DEST).cost(5, 5).add();
        f.route(RIP, DEST).cost(5, 6).add();
        f.route(RIP, DEST).cost(5, 7).views(U | M).add();

        ChangedDests batch = drain(10);

        assertThat(batch.dests()).extracting(DestInfo::prefix).containsExactly(p(DEST), p("20.0.0.0/8"));
        DestInfo ten = batch.dests().get(0);
        assertThat(ten.views()).extracting(ViewInfo::view).containsExactly(View.UNICAST, View.MULTICAST);
        assertThat(ten.views().get(0).route().route().metric()).isEqualTo(7);
        assertThat(drain(10).dests()).isEmpty();
    }

    @Test
    @DisplayName("R110: the call that empties the queue answers ERROR_NO_MORE_ITEMS together with its last items")
    void shouldReturnTheLastItemsWithNoMoreItems() {
        f.route(RIP, DEST).add();
        f.route(RIP, "20.0.0.0/8").add();
        f.route(RIP, "30.0.0.0/8").add();

        ChangedDests one = drain(2);
        ChangedDests two = drain(2);
        ChangedDests three = drain(2);

        assertThat(one.status()).isEqualTo(Status.NO_ERROR);
        assertThat(one.dests()).hasSize(2);
        assertThat(two.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(two.dests()).extracting(DestInfo::prefix).containsExactly(p("30.0.0.0/8"));
        assertThat(three.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(three.dests()).isEmpty();
    }

    @Test
    @DisplayName("R110: a batch that takes exactly the rest of the queue is ERROR_NO_MORE_ITEMS")
    void shouldAnswerNoMoreItemsWhenTheBatchTakesExactlyTheRest() {
        f.route(RIP, DEST).add();
        f.route(RIP, "20.0.0.0/8").add();

        ChangedDests batch = drain(2);

        assertThat(batch.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(batch.dests()).hasSize(2);
    }

    @Test
    @DisplayName("R112: asking for more than MaxHandlesInEnum (or for none) is ERROR_INVALID_PARAMETER")
    void shouldRejectBatchesBeyondMaxHandlesInEnum() {
        f.route(RIP, DEST).add();

        assertThat(statusOf(() -> drain(RtmConfig.DEFAULTS.maxHandlesInEnum() + 1)))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> drain(0))).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(pending(DEST)).isTrue();
        assertThat(drain(RtmConfig.DEFAULTS.maxHandlesInEnum()).dests()).hasSize(1);
    }

    @Test
    @DisplayName("R113: the change status is TRUE while a change waits, until a drain hands it out")
    void shouldReportTheChangeStatusUntilDrained() {
        assertThat(pending(DEST)).isFalse();
        f.route(RIP, DEST).add();

        assertThat(pending(DEST)).isTrue();
        assertThat(pending("20.0.0.0/8")).isFalse();
        drain(10);
        assertThat(pending(DEST)).isFalse();
    }

    @Test
    @DisplayName("R114, T11: ignored destinations are not returned until a new change happens")
    void shouldDropIgnoredChangesUntilTheNextChange() {
        f.route(RIP, DEST).add();
        f.route(RIP, "20.0.0.0/8").add();

        f.engine.ignoreChangedDests(V4, STATIC, "all", List.of(p(DEST), p("30.0.0.0/8")));

        assertThat(pending(DEST)).isFalse();
        assertThat(drain(10).dests()).extracting(DestInfo::prefix).containsExactly(p("20.0.0.0/8"));
        f.route(RIP, DEST).cost(2, 2).add();
        assertThat(drain(10).dests()).extracting(DestInfo::prefix).containsExactly(p(DEST));
    }

    @Test
    @DisplayName("R81, R111: a destination withdrawn before the drain is reported with no routes")
    void shouldReportAWithdrawnDestinationWithNoRoutes() {
        long id = f.addOk(f.route(RIP, DEST));
        f.delete(RIP, id);

        DestInfo info = drain(10).dests().get(0);

        assertThat(info.prefix()).isEqualTo(p(DEST));
        assertThat(info.views()).allSatisfy(v -> {
            assertThat(v.numRoutes()).isZero();
            assertThat(v.route()).isNull();
        });
    }

    @Test
    @DisplayName("R106, A24: unmarking a destination does not discard its pending change")
    void shouldKeepAPendingChangeWhenUnmarking() {
        f.notifyOn(STATIC, "marked", U, ChangeType.ALL.bit(), true);
        f.mark(STATIC, "marked", DEST, true);
        f.route(RIP, DEST).add();

        f.mark(STATIC, "marked", DEST, false);

        assertThat(f.engine.changeStatus(V4, STATIC, "marked", p(DEST))).isTrue();
        assertThat(f.engine.changedDests(V4, STATIC, "marked", 10).dests()).hasSize(1);
    }

    @Test
    @DisplayName("R98, R99: each registration has its own queue; deregistering drops it with its pending changes")
    void shouldKeepOneQueuePerRegistration() {
        f.notifyOn(STATIC, "other", U, ChangeType.ALL.bit(), false);
        f.route(RIP, DEST).add();
        drain(10);

        assertThat(f.engine.changeStatus(V4, STATIC, "other", p(DEST))).isTrue();
        f.notifyOff(STATIC, "other");
        assertThat(f.stores.size(RtmStores.PENDING_CHANGES)).isZero();
        assertThat(statusOf(() -> f.engine.changedDests(V4, STATIC, "other", 10)))
                .isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R109: only the owner drains a registration; an unregistered caller is ERROR_INVALID_HANDLE")
    void shouldLetOnlyTheOwnerDrain() {
        f.route(RIP, DEST).add();

        assertThat(statusOf(() -> f.engine.changedDests(V4, RIP, "all", 10))).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(statusOf(() -> f.engine.changedDests(V4, OSPF, "all", 10)))
                .isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(pending(DEST)).isTrue();
    }
}
