package io.rtmstreams.app;

import io.rtmstreams.streams.Topics;
import io.rtmstreams.streams.ViewPrefixPartitioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Migrates version 1 output topics to version 2 (contract.md, Upgrading from v1): recreates {@code rtm.best-routes},
 * {@code rtm.dest-changes} and {@code rtm.fleet-routes} with the same partition counts, replication and topic
 * settings, republishes every current best route partitioned by {@code view|prefix}, and deletes version 1's
 * internal topic and fleet store changelog. The fleet view then rebuilds itself from the best routes when
 * {@code run} starts (D27); destination changes, a stream of events, start empty.
 *
 * <p>The compacted best-route topic is the current state: read to its end under read_committed, the latest record of
 * each key is the table's best route, or its tombstone. Every step can be repeated after a crash:
 * <ol>
 *   <li>copy every committed best-route record, in order, to the staging topic
 *       ({@link V1Topics#staging()}, partitioned by {@code view|prefix}), then delete the version 1 mark; until that
 *       delete, a new attempt starts over here;</li>
 *   <li>recreate the three outputs and write the latest record of every key that is not a tombstone from the staging
 *       topic to {@code rtm.best-routes}, one staging partition at a time (so memory holds one partition's keys);
 *       </li>
 *   <li>delete the staging topic, which ends the migration ({@code run} refuses while it exists).</li>
 * </ol>
 * Records are written in transactions, as the processor writes them, keep their timestamps, and are read by the
 * processor (read_committed) only once the migration is over.
 */
public final class V1Migration {

    /** Follows a long step: its description and size in records (offsets), then how far it is. */
    public interface Progress {

        void phase(String description, long total);

        void at(long done);
    }

    /** What a migration did: whether there was anything to migrate, and the best routes republished. */
    public record Report(boolean migrated, long bestRoutes) {
    }

    private final Map<String, Object> client;
    private final Topics topics;
    private final V1Topics v1;
    private final String applicationId;
    private final Progress progress;

    /** {@code client}: bootstrap servers and the pass-through client settings. */
    public V1Migration(Map<String, Object> client, Topics topics, String applicationId, Progress progress) {
        this.client = Map.copyOf(client);
        this.topics = topics;
        this.v1 = new V1Topics(topics);
        this.applicationId = applicationId;
        this.progress = progress;
    }

    /**
     * The command that migrates the topics {@code config} runs on, as {@code run}'s refusal names it: the same
     * broker (or data directory), application id and topic prefix.
     */
    public static String command(AppConfig config) {
        AppConfig defaults = AppConfig.defaults();
        StringBuilder b = new StringBuilder("rtm-streams migrate-v1");
        b.append(config.embedded() ? " --data-dir " + config.dataDir() : " --bootstrap-servers "
                + config.bootstrapServers());
        if (!config.applicationId().equals(defaults.applicationId())) {
            b.append(" --application-id ").append(config.applicationId());
        }
        String prefix = config.settings().topics().prefix();
        if (!prefix.equals(Topics.DEFAULT_PREFIX)) {
            b.append(" --topic-prefix ").append(prefix);
        }
        if (!config.kafkaProperties().isEmpty()) {
            b.append(" (with the Kafka client settings of run)");
        }
        return b.toString();
    }

    public Report run() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(client)) {
            requireStopped(admin);
            Set<String> existing = admin.listTopics().names().get();
            if (v1.mark(existing) == null) {
                return new Report(false, 0);
            }
            MigrationTopics kafkaTopics = new MigrationTopics(admin);
            if (existing.contains(v1.fleetUpdates())) {
                stage(kafkaTopics, existing.contains(topics.bestRoutes()));
            }
            long republished = republish(kafkaTopics);
            kafkaTopics.deleteIfPresent(List.of(v1.staging(), V1Topics.fleetStoreChangelog(applicationId)));
            return new Report(true, republished);
        }
    }

    /** The processor must not run meanwhile: it would write to topics being recreated, and refuses v1 anyway. */
    private void requireStopped(Admin admin) throws ExecutionException, InterruptedException {
        Collection<MemberDescription> members;
        try {
            members = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId).members();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw e;
        }
        if (!members.isEmpty()) {
            throw new IllegalStateException(members.size() + " instance(s) of application " + applicationId
                    + " are running (consumer group members: " + members.stream().map(MemberDescription::host)
                    .distinct().toList() + "); stop every instance before migrating");
        }
    }

    /** Step 1: every committed best-route record to the staging topic, then the version 1 mark goes. */
    private void stage(MigrationTopics kafkaTopics, boolean bestRoutesExist)
            throws ExecutionException, InterruptedException {
        MigrationTopics.Layout layout = kafkaTopics.layout(bestRoutesExist ? topics.bestRoutes() : v1.fleetUpdates(),
                true);
        kafkaTopics.recreate(v1.staging(), layout);
        if (bestRoutesExist) {
            try (TransactionalCopy copy = new TransactionalCopy(client, transactionalId())) {
                copy.readAll(topics.bestRoutes(), "copying best routes to " + v1.staging(), progress,
                        records -> records.forEach(r -> copy.send(v1.staging(), partition(r, layout), r)));
            }
        }
        kafkaTopics.deleteIfPresent(List.of(v1.fleetUpdates()));
    }

    /** Step 2: the outputs recreated, and the live best routes of the staging topic written, partition by partition. */
    private long republish(MigrationTopics kafkaTopics) throws ExecutionException, InterruptedException {
        MigrationTopics.Layout target = recreateOutputs(kafkaTopics);
        try (TransactionalCopy copy = new TransactionalCopy(client, transactionalId())) {
            copy.readPartitions(v1.staging(), "republishing best routes to " + topics.bestRoutes(), progress,
                    records -> latest(records).forEach(r -> copy.send(topics.bestRoutes(), partition(r, target), r)));
            return copy.sent();
        }
    }

    /**
     * The three outputs deleted and created again as they were, or like the staging topic where one is gone already
     * (a repeated step 2); returns the layout of the best-route topic.
     */
    private MigrationTopics.Layout recreateOutputs(MigrationTopics kafkaTopics)
            throws ExecutionException, InterruptedException {
        MigrationTopics.Layout staging = kafkaTopics.layout(v1.staging(), true);
        MigrationTopics.Layout bestRoutes = null;
        for (Topics.TopicSpec spec : topics.all()) {
            if (!v1.outputs().contains(spec.name())) {
                continue;
            }
            MigrationTopics.Layout layout = kafkaTopics.exists(spec.name())
                    ? kafkaTopics.layout(spec.name(), spec.compacted()) : staging.withCleanup(spec.compacted());
            kafkaTopics.recreate(spec.name(), layout);
            if (spec.name().equals(topics.bestRoutes())) {
                bestRoutes = layout;
            }
        }
        return bestRoutes;
    }

    /** The latest record of every key that is not a tombstone, in the order the keys were first written. */
    private static Collection<ConsumerRecord<byte[], byte[]>> latest(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, ConsumerRecord<byte[], byte[]>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, r);
            }
        }
        return latest.values();
    }

    private static int partition(ConsumerRecord<byte[], byte[]> r, MigrationTopics.Layout layout) {
        return ViewPrefixPartitioner.partition(new String(r.key(), StandardCharsets.UTF_8),
                layout.partitions());
    }

    /** One transactional id per application: a migration that is run again fences a stuck earlier one. */
    private String transactionalId() {
        return applicationId + "-migrate-v1";
    }
}
