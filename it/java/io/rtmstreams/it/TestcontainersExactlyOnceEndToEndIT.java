package io.rtmstreams.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end contract on Kafka in a container ({@code apache/kafka} at the version of the Kafka clients on the
 * classpath). Reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersExactlyOnceEndToEndIT extends ExactlyOnceEndToEndContract {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(KafkaImage.current());

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
