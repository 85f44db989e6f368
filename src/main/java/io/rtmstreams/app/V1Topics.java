package io.rtmstreams.app;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Output topics left by version 1 (contract.md, Upgrading from v1): {@code rtm.best-routes} and
 * {@code rtm.dest-changes} partitioned by their whole key and {@code rtm.fleet-routes} listing every router, which
 * version 2 must not run on.
 *
 * <p>How they are recognised: by the internal topic {@code <prefix>internal.fleet-updates}. Version 1 created it
 * together with the other topics (its {@code run} and {@code topics} created every topic of its list, and its fleet
 * aggregator read it), so every version 1 deployment has it; version 2 never creates it, and {@code migrate-v1}
 * deletes it only once the best routes are safe in the staging topic {@code <prefix>internal.migrate-v1-best-routes},
 * which in turn is deleted as the migration's last step. So either topic means "not (yet) version 2". A topic
 * config cannot carry such a mark (Kafka accepts only the configs it knows), and probing records would be slow on
 * big topics and say nothing about empty ones.
 */
public final class V1Topics {

    private final Topics topics;

    public V1Topics(Topics topics) {
        this.topics = topics;
    }

    /** Version 1's internal topic: best-route changes re-keyed for its fleet aggregator. */
    public String fleetUpdates() {
        return topics.prefix() + "internal.fleet-updates";
    }

    /** Where {@code migrate-v1} keeps every best route while it recreates the output topics. */
    public String staging() {
        return topics.prefix() + "internal.migrate-v1-best-routes";
    }

    /** The changelog of version 1's fleet store, {@code rtm-fleet-members} (version 2's has another name). */
    public static String fleetStoreChangelog(String applicationId) {
        return applicationId + "-rtm-fleet-members-changelog";
    }

    /** The three outputs whose partitioning (and, for fleet routes, shape) changed in version 2. */
    public List<String> outputs() {
        return List.of(topics.bestRoutes(), topics.destChanges(), topics.fleetRoutes());
    }

    /** Which of the marks is present: none (version 2 or nothing yet), or the topic that shows version 1. */
    public String mark(Set<String> existing) {
        if (existing.contains(fleetUpdates())) {
            return fleetUpdates();
        }
        return existing.contains(staging()) ? staging() : null;
    }

    /**
     * Fails when the cluster holds version 1 output topics, with a message naming {@code migrateCommand}, the one
     * command that migrates them.
     */
    public void refuseIfPresent(Admin admin, String migrateCommand) throws ExecutionException, InterruptedException {
        String mark = mark(admin.listTopics().names().get());
        if (mark != null) {
            throw new IllegalStateException(String.join(", ", outputs()) + " are version 1 topics (" + mark
                    + (mark.equals(fleetUpdates()) ? " exists" : " exists: a migration did not finish")
                    + "); version 2 partitions them by view|prefix and counts the fleet differently. Stop every "
                    + "instance and migrate them with: " + migrateCommand);
        }
    }
}
