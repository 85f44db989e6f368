package io.rtmstreams.app;

import io.rtmstreams.it.KafkaTestClients.KeyValue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.rtmstreams.it.KafkaTestClients.admin;
import static io.rtmstreams.it.KafkaTestClients.await;
import static io.rtmstreams.it.KafkaTestClients.createTopic;
import static io.rtmstreams.it.KafkaTestClients.readAll;
import static io.rtmstreams.it.KafkaTestClients.records;
import static io.rtmstreams.it.KafkaTestClients.sendInTransaction;
import static io.rtmstreams.it.KafkaTestClients.transactionalProducer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker's own promises: its data survives a restart, and a port in use is reported plainly. */
class EmbeddedKafkaIT {

    @Test
    void restartOnTheSameDirectoryKeepsClusterTopicsAndRecordsWithoutFormattingAgain(@TempDir Path dataDirectory)
            throws IOException {
        String topic;
        String clusterId;
        List<KeyValue> written = records("before-restart", 25);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            assertThat(kafka.formattedFreshDirectory()).isTrue();
            topic = createTopic(kafka.bootstrapServers(), "it-restart", 2);
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka.bootstrapServers())) {
                sendInTransaction(producer, topic, written, true);
            }
            clusterId = clusterId(kafka);
        }
        String metaProperties = Files.readString(dataDirectory.resolve("meta.properties"));

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            assertThat(kafka.formattedFreshDirectory()).isFalse();
            assertThat(clusterId(kafka)).isEqualTo(clusterId);
            assertThat(topicNames(kafka)).contains(topic);
            assertThat(readAll(kafka.bootstrapServers(), topic, IsolationLevel.READ_COMMITTED))
                    .containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(Files.readString(dataDirectory.resolve("meta.properties"))).isEqualTo(metaProperties);
    }

    @Test
    void aConfiguredPortInUseFailsTheStartNamingThePort(@TempDir Path dataDirectory) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.builder(dataDirectory).port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("localhost:" + port + " is in use");
        }
    }

    private static String clusterId(EmbeddedKafka kafka) {
        try (Admin admin = admin(kafka.bootstrapServers())) {
            return await(admin.describeCluster().clusterId());
        }
    }

    private static Set<String> topicNames(EmbeddedKafka kafka) {
        try (Admin admin = admin(kafka.bootstrapServers())) {
            return await(admin.listTopics().names());
        }
    }
}
