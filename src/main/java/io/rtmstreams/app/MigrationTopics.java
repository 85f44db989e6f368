package io.rtmstreams.app;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The topic work of {@link V1Migration}: what a topic looks like (partitions, replication, its own settings), and
 * deleting and creating it again under the same name. Deletion is asynchronous in Kafka, so creation is retried
 * while the broker still reports the old topic, and both wait until the metadata shows the result.
 */
final class MigrationTopics {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofMillis(200);

    /** How a topic is made: partitions, replication factor and the settings set on the topic itself. */
    record Layout(int partitions, short replicationFactor, Map<String, String> configs) {

        /** The same layout with the cleanup policy of a compacted (or not) topic. */
        Layout withCleanup(boolean compacted) {
            Map<String, String> c = new HashMap<>(configs);
            c.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                    compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            return new Layout(partitions, replicationFactor, Map.copyOf(c));
        }
    }

    private final Admin admin;

    MigrationTopics(Admin admin) {
        this.admin = admin;
    }

    boolean exists(String topic) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().contains(topic);
    }

    /** The layout of an existing topic, with the cleanup policy of a compacted (or not) topic. */
    Layout layout(String topic, boolean compacted) throws ExecutionException, InterruptedException {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> own = new HashMap<>();
        for (ConfigEntry e : config.entries()) {
            if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && e.value() != null) {
                own.put(e.name(), e.value());
            }
        }
        return new Layout(d.partitions().size(), (short) d.partitions().get(0).replicas().size(), own)
                .withCleanup(compacted);
    }

    /** Deletes {@code topic} if it exists and creates it with {@code layout}. */
    void recreate(String topic, Layout layout) throws ExecutionException, InterruptedException {
        deleteIfPresent(List.of(topic));
        NewTopic t = new NewTopic(topic, layout.partitions(), layout.replicationFactor()).configs(layout.configs());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                admin.createTopics(List.of(t)).all().get();
                break;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
        TopicAdmin.partitionCounts(admin, List.of(topic));
    }

    /** Deletes those of {@code names} that exist and waits until they are gone. */
    void deleteIfPresent(List<String> names) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> present = names.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(present).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (admin.listTopics().names().get().stream().anyMatch(present::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker still lists " + present + " " + PATIENCE.toSeconds()
                        + " s after deleting them");
            }
            Thread.sleep(RETRY.toMillis());
        }
    }
}
