package io.rtmstreams.app.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The check of the client commands that send ({@code produce}, {@code import}) before they send anything. */
final class TopicCheck {

    private TopicCheck() {
    }

    /** The broker does not create topics (auto-creation is off), so a missing topic would stall every send. */
    static void require(Map<String, String> client, List<String> names, String bootstrapServers)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(new HashMap<String, Object>(client))) {
            admin.describeTopics(names).allTopicNames().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("the topics " + names + " do not all exist on " + bootstrapServers
                        + ": create them with 'rtm-streams topics' (or start 'rtm-streams run')", e.getCause());
            }
            throw e;
        }
    }
}
