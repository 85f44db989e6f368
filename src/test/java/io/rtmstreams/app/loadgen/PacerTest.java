package io.rtmstreams.app.loadgen;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate pacing on a clock the test moves: when each event is due and how long the pacer sleeps for it. */
class PacerTest {

    /** A clock that only moves when the pacer sleeps, or when the test says time passed. */
    private static final class FakeClock implements Pacer.Clock {
        long now = 1_000_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private final FakeClock clock = new FakeClock();

    @Test
    void eventNIsDueNOverTheRateAfterTheStart() throws InterruptedException {
        Pacer pacer = new Pacer(2_000, clock);

        pacer.await(0);
        pacer.await(1);
        pacer.await(4);

        assertThat(clock.sleeps).containsExactly(500_000L, 1_500_000L);
        assertThat(pacer.elapsedNanos()).isEqualTo(2_000_000L);
    }

    @Test
    void aSenderThatFellBehindIsNotHeldBackUntilItCatchesUp() throws InterruptedException {
        Pacer pacer = new Pacer(1_000, clock);
        clock.now += 10_000_000;

        for (int n = 0; n <= 10; n++) {
            pacer.await(n);
        }
        pacer.await(12);

        assertThat(clock.sleeps).containsExactly(2_000_000L);
    }

    @Test
    void fractionalRatesSpaceEventsBySecondsOrMore() {
        Pacer pacer = new Pacer(0.5, clock);

        assertThat(pacer.due(3) - pacer.due(0)).isEqualTo(6_000_000_000L);
    }

    @Test
    void rateZeroNeverWaits() throws InterruptedException {
        Pacer pacer = new Pacer(0, clock);

        pacer.await(1_000_000_000L);

        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aSleepThatEndsEarlyIsContinued() throws InterruptedException {
        Pacer.Clock early = new Pacer.Clock() {
            long now;

            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public void sleepNanos(long nanos) {
                clock.sleeps.add(nanos);
                now += nanos / 2 + 1;
            }
        };
        Pacer pacer = new Pacer(1_000, early);

        pacer.await(1);

        assertThat(clock.sleeps).startsWith(1_000_000L, 499_999L);
        assertThat(early.nanoTime()).isGreaterThanOrEqualTo(pacer.due(1));
    }

    @Test
    void aRateIsAFiniteNumberOfEventsPerSecond() {
        assertThatThrownBy(() -> new Pacer(-1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(Double.NaN, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(Double.POSITIVE_INFINITY, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
