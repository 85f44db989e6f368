package io.rtmstreams.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The read_committed contract on Kafka in a container ({@code apache/kafka} at the version of the Kafka clients on
 * the classpath, so it follows {@code kafka.version} in the pom). Reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersReadCommittedIT extends ReadCommittedContract {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(KafkaImage.current());

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
