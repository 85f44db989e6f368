package io.rtmstreams.streams;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code topology/topology.txt} is the described topology (Kafka Streams' own description of what the factory
 * builds with default settings); this test fails when the code and the text drift apart. After an intended change,
 * regenerate it with {@code mvn test -Dtest=TopologyDescriptionTest -Dtopology.update=true} and review the diff.
 */
class TopologyDescriptionTest {

    private static final Path FILE = Path.of("topology/topology.txt");

    @Test
    void shouldMatchTheDescribedTopology() throws IOException {
        String described = RtmTopology.build(StreamsSettings.defaults(), ProcessorMetrics.NONE).describe().toString();
        if (Boolean.getBoolean("topology.update")) {
            Files.writeString(FILE, described);
        }
        assertThat(normalize(Files.readString(FILE))).isEqualTo(normalize(described));
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("[ \\t]+\\n", "\n");
    }
}
