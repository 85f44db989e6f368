package io.rtmstreams.bench;

import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The topology without a broker (issue 4): the full RouteViews table as JSON ADD_ROUTE commands piped through a
 * TopologyTestDriver with the real RocksDB stores, serdes and outputs. The baseline pipes the same records through
 * a pass-through topology (source to sink, no state), so the ratio is the cost of parsing, the engine, the stores
 * and the outputs apart from the broker.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='TopologyFullTable'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TopologyFullTableBenchmark {

    private List<TestRecord<byte[], byte[]>> records;
    private Path stateDir;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<String> commands = RibTable.load().commands("bench");
        records = new ArrayList<>(commands.size());
        byte[] key = "bench".getBytes(StandardCharsets.UTF_8);
        for (int t = 0; t < commands.size(); t++) {
            records.add(record(key, commands.get(t), t));
        }
    }

    @Setup(Level.Invocation)
    public void freshState() throws IOException {
        stateDir = Files.createTempDirectory("rtm-bench");
    }

    @TearDown(Level.Invocation)
    public void dropState() throws IOException {
        try (Stream<Path> s = Files.walk(stateDir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long fullTableThroughTopology() {
        StreamsSettings s = StreamsSettings.defaults();
        return pipe(RtmTopology.build(s, ProcessorMetrics.NONE), s.topics().routeAdverts());
    }

    @Benchmark
    public long baselinePassThrough() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to("out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return pipe(b.build(), "in");
    }

    private long pipe(Topology topology, String topic) {
        Properties p = StreamsProperties.of(StreamsSettings.defaults(), "bench", "unused:9092", stateDir.toString(),
                true, Map.of());
        try (TopologyTestDriver d = new TopologyTestDriver(topology, p, Instant.EPOCH)) {
            TestInputTopic<byte[], byte[]> in = d.createInputTopic(topic, new ByteArraySerializer(),
                    new ByteArraySerializer());
            in.pipeRecordList(records);
            return d.producedTopicNames().size();
        }
    }

    private static TestRecord<byte[], byte[]> record(byte[] key, String json, long ts) {
        return new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(ts));
    }
}
