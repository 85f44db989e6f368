package io.rtmstreams.app.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** What the commands that write the input topics ({@code produce}, {@code loadgen}) share: producer settings and the
 * check that the topics exist. */
final class InputProducers {

    private InputProducers() {
    }

    /**
     * Throughput settings as in kafka-notes (batching, linger), then the pass-through properties, then idempotence,
     * which these commands promise: a retried batch is never written twice, and a router's records keep their order.
     */
    static Map<String, Object> properties(String clientId, Map<String, String> client) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.putAll(client);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return properties;
    }

    /** The broker does not create topics (auto-creation is off), so a missing topic would stall every send. */
    static void requireTopics(Map<String, String> client, List<String> names, String bootstrapServers)
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
