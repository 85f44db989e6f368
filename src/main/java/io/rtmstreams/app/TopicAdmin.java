package io.rtmstreams.app;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Creates the contract's topics with their partitions and cleanup policies, and checks that the two input topics
 * are co-partitioned (D2): every record of a router must reach the one task that holds the router's state, so both
 * inputs need the same partition count.
 */
public final class TopicAdmin {

    private static final Duration METADATA_PATIENCE = Duration.ofSeconds(30);
    private static final Duration METADATA_RETRY = Duration.ofMillis(100);

    private TopicAdmin() {
    }

    /** What {@link #ensure} did: the topics it created and the partition count of each topic. */
    public record Report(List<String> created, Map<String, Integer> partitions) {
    }

    /**
     * Creates every missing topic with {@code partitions} partitions and the given replication factor; existing
     * topics are left as they are. Fails with a clear message when the inputs are not co-partitioned.
     */
    public static Report ensure(Admin admin, Topics topics, int partitions, short replicationFactor)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (Topics.TopicSpec t : topics.all()) {
            if (!existing.contains(t.name())) {
                missing.add(new NewTopic(t.name(), partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        t.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)));
            }
        }
        List<String> created = new ArrayList<>();
        for (var e : admin.createTopics(missing).values().entrySet()) {
            try {
                e.getValue().get();
                created.add(e.getKey());
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw ex;
                }
            }
        }
        Map<String, Integer> counts = partitionCounts(admin, topics);
        checkCoPartitioned(topics, counts);
        return new Report(created, counts);
    }

    /**
     * The partition count of every topic. A topic created a moment ago is unknown to describe calls until the
     * broker's metadata has caught up (UNKNOWN_TOPIC_OR_PARTITION), so that answer is retried for a while.
     */
    public static Map<String, Integer> partitionCounts(Admin admin, Topics topics)
            throws ExecutionException, InterruptedException {
        return partitionCounts(admin, topics.all().stream().map(Topics.TopicSpec::name).toList());
    }

    /** The partition count of each of {@code names}, waiting as {@link #partitionCounts(Admin, Topics)} does. */
    static Map<String, Integer> partitionCounts(Admin admin, List<String> names)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + METADATA_PATIENCE.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get();
                return d.values().stream().collect(Collectors.toMap(TopicDescription::name,
                        t -> t.partitions().size(), (a, b) -> a, TreeMap::new));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(METADATA_RETRY.toMillis());
            }
        }
    }

    /** D2: the input topics must have the same partition count. */
    public static void checkCoPartitioned(Topics topics, Map<String, Integer> partitions) {
        Integer adverts = partitions.get(topics.routeAdverts());
        Integer interfaces = partitions.get(topics.interfaceChanges());
        if (adverts == null || interfaces == null) {
            throw new IllegalStateException("input topics missing: " + topics.routeAdverts() + " has "
                    + adverts + " partitions, " + topics.interfaceChanges() + " has " + interfaces);
        }
        if (!adverts.equals(interfaces)) {
            throw new IllegalStateException("the input topics are not co-partitioned (D2): " + topics.routeAdverts()
                    + " has " + adverts + " partitions but " + topics.interfaceChanges() + " has " + interfaces
                    + "; a router's adverts and interface changes must reach the same task. Give both the same "
                    + "partition count (kafka-topics --alter --partitions) before starting.");
        }
    }
}
