package io.rtmstreams.it;

import io.rtmstreams.app.EmbeddedKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Kafka broker an integration test talks to (design.md, Testing tiers): the embedded KRaft broker by default, or
 * an external one named by {@code -Dkafka.bootstrap=host:port}. Tests only see bootstrap servers, so the same test
 * runs against either; they create uniquely named topics, because an external broker keeps them between runs.
 */
public interface TestBroker extends AutoCloseable {

    /** The system property naming an external broker; when unset or blank, an embedded one is started. */
    String EXTERNAL_BOOTSTRAP_PROPERTY = "kafka.bootstrap";

    String bootstrapServers();

    /** Stops a broker this test run started; leaves an external one alone. */
    @Override
    void close();

    /** The broker chosen by {@value #EXTERNAL_BOOTSTRAP_PROPERTY}; an embedded one gets a fresh temporary directory. */
    static TestBroker fromSystemProperties() {
        String external = System.getProperty(EXTERNAL_BOOTSTRAP_PROPERTY, "").strip();
        return external.isEmpty() ? embedded() : external(external);
    }

    static TestBroker external(String bootstrapServers) {
        return new External(bootstrapServers);
    }

    /** An embedded broker in a new temporary directory that is deleted again on {@link #close()}. */
    static TestBroker embedded() {
        try {
            Path dataDirectory = Files.createTempDirectory("rtm-it-kafka-");
            return new Embedded(EmbeddedKafka.start(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the embedded broker", e);
        }
    }

    /** A broker someone else runs. */
    record External(String bootstrapServers) implements TestBroker {
        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "external Kafka broker at " + bootstrapServers;
        }
    }

    /** The in-process KRaft broker of the product, on a throw-away data directory. */
    record Embedded(EmbeddedKafka kafka) implements TestBroker {
        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public void close() {
            kafka.close();
            deleteRecursively(kafka.dataDirectory());
        }

        @Override
        public String toString() {
            return "embedded Kafka broker at " + bootstrapServers();
        }

        private static void deleteRecursively(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + directory, e);
            }
        }
    }
}
