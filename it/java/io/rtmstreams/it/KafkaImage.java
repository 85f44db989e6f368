package io.rtmstreams.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code apache/kafka} image of the Kafka clients on the class path, so container tests follow the pom. */
final class KafkaImage {

    private KafkaImage() {
    }

    /** {@code apache/kafka:<version>}, the version read from the kafka-clients jar's own version resource. */
    static String current() {
        try (InputStream in = KafkaImage.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-clients is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return "apache/kafka:" + properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
