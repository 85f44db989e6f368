package io.rtmstreams.app.cli;

import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.it.KafkaTestClients.admin;
import static io.rtmstreams.it.KafkaTestClients.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code rtm-streams topics} against a real broker: layout, cleanup policies, idempotence, and the D2 check. */
@ExtendWith(BrokerExtension.class)
class TopicsCommandIT {

    @Test
    void createsEveryTopicWithItsPartitionsAndCleanupPolicyAndLeavesThemAloneTheSecondTime(TestBroker broker) {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        String[] args = {"topics", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix",
            topics.prefix(), "--partitions", "2"};

        CliRunner.Result first = cli().run(args);
        CliRunner.Result second = cli().run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        for (Topics.TopicSpec topic : topics.all()) {
            assertThat(first.out()).containsPattern(topic.name().replace(".", "\\.")
                    + "\\s+2 partitions\\s+" + (topic.compacted() ? "compact" : "delete") + "\\s+created");
            assertThat(second.out()).containsPattern(topic.name().replace(".", "\\.") + ".*existed");
        }
        assertThat(cleanupPolicies(broker, topics)).isEqualTo(topics.all().stream().collect(Collectors.toMap(
                Topics.TopicSpec::name, t -> t.compacted() ? "compact" : "delete")));
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void inputTopicsWithDifferentPartitionCountsFailTheD2Check(TestBroker broker) {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        try (Admin admin = admin(broker.bootstrapServers())) {
            await(admin.createTopics(List.of(new NewTopic(topics.interfaceChanges(), Optional.of(1),
                    Optional.empty()))).all());
        }

        CliRunner.Result result = cli().run("topics", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--partitions", "3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("rtm-streams topics: the input topics are not co-partitioned (D2): "
                + topics.routeAdverts() + " has 3 partitions but " + topics.interfaceChanges() + " has 1");
        assertThat(result.out()).isEmpty();
    }

    private static Map<String, String> cleanupPolicies(TestBroker broker, Topics topics) {
        List<ConfigResource> resources = topics.all().stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        try (Admin admin = admin(broker.bootstrapServers())) {
            Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all());
            return configs.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                    e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
        }
    }
}
