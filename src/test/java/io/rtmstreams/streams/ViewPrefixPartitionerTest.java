package io.rtmstreams.streams;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * contract.md, Partitioning of outputs: best routes, destination changes and fleet records of one {@code view|prefix}
 * go to the partition the Java client's default partitioner would pick for the key {@code view|prefix}, whoever
 * the router.
 */
class ViewPrefixPartitionerTest {

    private final ViewPrefixPartitioner<Object> partitioner = new ViewPrefixPartitioner<>();

    @ParameterizedTest
    @ValueSource(strings = {"unicast|10.0.0.0/8", "multicast|224.1.0.0/16", "unicast|2001:db8::/32",
        "unicast|0.0.0.0/0", "multicast|::/0", "unicast|2001:db8:0:1::/64"})
    void shouldPlaceEveryKeyOfAPrefixWhereTheJavaClientPlacesItsViewAndPrefix(String viewPrefix) {
        for (int partitions : new int[]{1, 3, 4, 7, 64}) {
            int expected = BuiltInPartitioner.partitionForKey(viewPrefix.getBytes(StandardCharsets.UTF_8), partitions);
            for (String key : new String[]{viewPrefix, "r1|0|" + viewPrefix, "edge-router-17.example:a|65535|"
                    + viewPrefix}) {
                assertThat(partitioner.partitions("rtm.best-routes", key, null, partitions))
                        .as("%s among %d", key, partitions).isEqualTo(Optional.of(Set.of(expected)));
                assertThat(ViewPrefixPartitioner.partition(key, partitions)).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldSpreadPrefixesOverThePartitions() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            used.add(ViewPrefixPartitioner.partition("r1|0|unicast|10." + i + ".0.0/16", 8));
        }
        assertThat(used).hasSize(8);
    }

    @Test
    void shouldTellTheViewAndPrefixOfAKey() {
        assertThat(ViewPrefixPartitioner.viewPrefix("r1|0|unicast|10.0.0.0/8")).isEqualTo("unicast|10.0.0.0/8");
        assertThat(ViewPrefixPartitioner.viewPrefix("multicast|2001:db8::/32")).isEqualTo("multicast|2001:db8::/32");
        assertThatThrownBy(() -> ViewPrefixPartitioner.viewPrefix("r1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveAKeylessRecordToTheProducer() {
        assertThat(partitioner.partitions("rtm.best-routes", null, "{}", 3)).isEmpty();
    }
}
