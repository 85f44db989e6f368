package io.rtmstreams.app;

import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.KafkaTestClients;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating the topics on a real broker (D2): {@link TopicAdmin#ensure} reports every topic's partition count right
 * after creating it, although a new topic reaches the brokers' metadata a moment after the controller created it.
 * A start of a fresh deployment went through this path and failed now and then with "This server does not host this
 * topic-partition" until {@code ensure} waited for its new topics to be known.
 */
@ExtendWith(BrokerExtension.class)
class TopicAdminIT {

    @Test
    void freshlyCreatedTopicsAreReportedWithTheirPartitionsRightAway(TestBroker broker) throws Exception {
        try (Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            for (int n = 0; n < 20; n++) {
                Topics topics = new Topics("it-topics-" + UUID.randomUUID().toString().substring(0, 8) + ".");

                TopicAdmin.Report report = TopicAdmin.ensure(admin, topics, 3, (short) 1);

                assertThat(report.created()).hasSize(topics.all().size());
                assertThat(report.partitions()).hasSize(topics.all().size()).allSatisfy((t, p) -> assertThat(p)
                        .isEqualTo(3));
            }
        }
    }
}
