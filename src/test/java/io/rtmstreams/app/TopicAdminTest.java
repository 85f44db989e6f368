package io.rtmstreams.app;

import io.rtmstreams.streams.Topics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** D2: both inputs keyed by router with the same partition count, checked at start-up. */
class TopicAdminTest {

    private final Topics topics = new Topics("lab.");

    @Test
    void shouldAcceptInputsWithTheSamePartitionCount() {
        assertThatCode(() -> TopicAdmin.checkCoPartitioned(topics,
                Map.of("lab.route-adverts", 6, "lab.interface-changes", 6, "lab.best-routes", 3)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToStartWhenTheInputsAreNotCoPartitioned() {
        assertThatThrownBy(() -> TopicAdmin.checkCoPartitioned(topics,
                Map.of("lab.route-adverts", 6, "lab.interface-changes", 4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not co-partitioned (D2)")
                .hasMessageContaining("lab.route-adverts has 6 partitions but lab.interface-changes has 4");
    }

    @Test
    void shouldRefuseToStartWithoutTheInputTopics() {
        assertThatThrownBy(() -> TopicAdmin.checkCoPartitioned(topics, Map.of("lab.route-adverts", 6)))
                .hasMessageContaining("input topics missing");
    }
}
