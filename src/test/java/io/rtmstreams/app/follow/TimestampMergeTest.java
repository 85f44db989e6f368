package io.rtmstreams.app.follow;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The timestamp-ordered merge of input partitions that puts pmacct's live records and dumps in collector order. */
class TimestampMergeTest {

    private static final long IDLE = 1_000;

    /** A record: its partition, timestamp and a label. */
    private record R(String partition, long time, String label) {
    }

    private final TimestampMerge<String, R> merge = new TimestampMerge<>(R::time, IDLE);

    @Test
    void shouldTakeTheLowestTimestampedHeadAcrossPartitions() {
        merge.assign(List.of("live", "dump"), 0);
        merge.add("live", List.of(new R("live", 10, "a"), new R("live", 30, "c"), new R("live", 50, "e")));
        merge.add("dump", List.of(new R("dump", 20, "b"), new R("dump", 40, "d")));

        assertThat(drain(0, Set.of("live", "dump"))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void shouldKeepEachPartitionsOrderEvenWhenItsTimestampsGoBack() {
        merge.assign(List.of("p0"), 0);
        merge.add("p0", List.of(new R("p0", 30, "first"), new R("p0", 10, "second")));

        assertThat(drain(0, Set.of("p0"))).containsExactly("first", "second");
    }

    @Test
    void shouldWaitForAnEmptyPartitionThatIsNotCaughtUpUntilItHasIdledLongEnough() {
        merge.assign(List.of("live", "dump"), 0);
        merge.add("live", List.of(new R("live", 10, "a")));

        assertThat(merge.next(IDLE - 1, p -> false)).as("the dump may hold an earlier record").isNull();
        assertThat(merge.next(IDLE - 1, "dump"::equals)).as("the dump has nothing more to fetch").isNotNull();
    }

    @Test
    void shouldGoOnWithoutAPartitionThatHasIdledForMaxIdle() {
        merge.assign(List.of("live", "dump"), 0);
        merge.add("live", List.of(new R("live", 10, "a")));

        assertThat(merge.next(IDLE, p -> false)).isEqualTo(new R("live", 10, "a"));
    }

    @Test
    void shouldWaitAgainForAPartitionThatJustRanDry() {
        merge.assign(List.of("live", "dump"), 0);
        merge.add("dump", List.of(new R("dump", 5, "x")));
        merge.add("live", List.of(new R("live", 10, "a"), new R("live", 20, "b")));

        assertThat(merge.next(5_000, p -> false).label()).isEqualTo("x");
        assertThat(merge.next(5_000 + IDLE - 1, p -> false)).as("the dump ran dry at 5,000 and may still bring more")
                .isNull();
        assertThat(merge.next(5_000 + IDLE, p -> false).label()).isEqualTo("a");
    }

    @Test
    void shouldBreakTiesByTheDeclaredOrderOfThePartitions() {
        merge.assign(List.of("live", "dump"), 0);
        merge.add("dump", List.of(new R("dump", 10, "dump")));
        merge.add("live", List.of(new R("live", 10, "live")));

        assertThat(drain(0, Set.of("live", "dump"))).containsExactly("live", "dump");
        assertThat(merge.isEmpty()).isTrue();
    }

    private List<String> drain(long now, Set<String> caughtUp) {
        List<String> labels = new ArrayList<>();
        for (R r = merge.next(now, caughtUp::contains); r != null; r = merge.next(now, caughtUp::contains)) {
            labels.add(r.label());
        }
        return labels;
    }
}
