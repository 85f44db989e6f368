package io.rtmstreams.streams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each router's best-route changes per second over the last 15 minutes, in memory ({@code /activity}, contract v2). */
class RouterActivityTest {

    private long now = 1_800_000_000_000L;
    private final RouterActivity activity = new RouterActivity(() -> now);

    @Test
    void shouldCountEachRoutersChangesInTheSecondTheyHappenedTheCurrentSecondLast() {
        activity.changed("r1");
        activity.changed("r1");
        now += 2_000;
        activity.changed("r1");
        activity.changed("r2");

        RouterActivity.Counts r1 = activity.last("r1", 3);
        assertThat(r1.fromEpochSecond()).isEqualTo(now / 1000 - 2);
        assertThat(r1.perSecond()).containsExactly(2, 0, 1);
        assertThat(activity.last("r2", 3).perSecond()).containsExactly(0, 0, 1);
        assertThat(activity.last("r3", 2).perSecond()).containsExactly(0, 0);
    }

    @Test
    void shouldForgetASecondOnceTheWindowHasPassedItEvenWhereItsSlotIsReused() {
        activity.changed("r1");
        now += RouterActivity.WINDOW_SECONDS * 1_000L;

        assertThat(activity.last("r1", RouterActivity.WINDOW_SECONDS).perSecond()).containsOnly(0);
        activity.changed("r1");
        long[] window = activity.last("r1", RouterActivity.WINDOW_SECONDS).perSecond();
        assertThat(window[window.length - 1]).as("the reused slot starts from zero").isEqualTo(1);
    }

    @Test
    void shouldRefuseAWindowOutsideOneTo900Seconds() {
        assertThatThrownBy(() -> activity.last("r1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> activity.last("r1", RouterActivity.WINDOW_SECONDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
