package io.rtmstreams.it;

import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The expected output of an input: the same topology on a {@link TopologyTestDriver}, fed the records in order with
 * their timestamps (so timers fire in event-time order before each record, D8), then given the wall-clock time
 * {@code until}, so every deadline up to it fires. It is one uninterrupted run, with no broker, no partitions and no
 * restarts, which is what a run on a real broker must be indistinguishable from.
 */
public final class TopologyOracle {

    private TopologyOracle() {
    }

    /** The records of every contract output topic (by name without prefix) after {@code inputs}. */
    public static Map<String, List<OutputRecord>> run(StreamsSettings settings, List<Input> inputs, long until) {
        return run(settings, inputs, until, driver -> outputs(driver, settings));
    }

    /**
     * What {@code query} reads from the domain over the table state the same run ends with (one partition, so
     * every router's), as the query API reads an instance's state.
     */
    public static <T> T query(StreamsSettings settings, List<Input> inputs, long until, Function<IpHelper, T> query) {
        return run(settings, inputs, until, driver -> query.apply(IpHelper.create(StoreRegistry.readOnly(
                driver.getKeyValueStore(StoreRegistry.TABLE_STATE)), settings.rtm(), settings.iphlp())));
    }

    private static <T> T run(StreamsSettings settings, List<Input> inputs, long until,
                             Function<TopologyTestDriver, T> then) {
        Path stateDir = tempDirectory();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rtm-it-oracle");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        long start = inputs.stream().mapToLong(Input::timestamp).min().orElse(until);
        // One partition: every record is on its router's partition, as the Java client's partitioner puts it (D23).
        try (TopologyTestDriver driver = new TopologyTestDriver(RtmTopology.build(settings.withInputPartitions(1),
                ProcessorMetrics.NONE), p, Instant.ofEpochMilli(start))) {
            ByteArraySerializer ser = new ByteArraySerializer();
            Map<String, TestInputTopic<byte[], byte[]>> in = Map.of(
                    Input.ADVERTS, driver.createInputTopic(settings.topics().routeAdverts(), ser, ser),
                    Input.INTERFACES, driver.createInputTopic(settings.topics().interfaceChanges(), ser, ser));
            for (Input i : inputs) {
                in.get(i.topic()).pipeInput(new TestRecord<>(i.key(), i.value(), Instant.ofEpochMilli(i.timestamp())));
            }
            if (until > start) {
                driver.advanceWallClockTime(Duration.ofMillis(until - start));
            }
            return then.apply(driver);
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private static Map<String, List<OutputRecord>> outputs(TopologyTestDriver driver, StreamsSettings settings) {
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        Map<String, List<OutputRecord>> out = new LinkedHashMap<>();
        for (String output : CommittedOutputs.ALL) {
            TestOutputTopic<byte[], byte[]> topic = driver.createOutputTopic(settings.topics().prefix() + output, de,
                    de);
            List<TestRecord<byte[], byte[]>> records = topic.readRecordsToList();
            out.put(output, IntStream.range(0, records.size())
                    .mapToObj(n -> new OutputRecord(output, -1, n, records.get(n).timestamp(),
                            OutputRecord.text(records.get(n).key()), OutputRecord.text(records.get(n).value())))
                    .toList());
        }
        return out;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("rtm-it-oracle-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
