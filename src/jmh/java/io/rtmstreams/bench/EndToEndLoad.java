package io.rtmstreams.bench;

import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.app.loadgen.CommandEncoder;
import io.rtmstreams.app.loadgen.FleetCommand;
import io.rtmstreams.app.loadgen.FleetModel;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.InitialLoad;
import io.rtmstreams.app.loadgen.Pacer;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.streams.OutputSelection;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Load runs on a real broker (design.md, Performance targets; issue 5), each against a baseline in the same run.
 *
 * <ul>
 *   <li>{@code --mode throughput} (default): adverts are produced first, then the processor starts with
 *   exactly-once and the clock runs until a read-committed consumer has seen the last command result, which is
 *   committed in the same transaction as its best route. The baseline is a pass-through Kafka Streams app (read,
 *   write, no state) over the same records on the same broker, measured the same way. Afterwards the state each
 *   stored route costs: the RocksDB directory plus the changelog partitions on the broker.</li>
 *   <li>{@code --mode latency --rate 5000 --seconds 30}: the processor runs first; adverts are then produced at a
 *   fixed rate and a read-committed consumer takes, for every command result, the time from the advert's
 *   timestamp (set by the producer at send; outputs carry their input's timestamp) to its arrival. The baseline is
 *   the same measurement through the pass-through app.</li>
 *   <li>{@code --mode interface-down}: the routers' table is loaded behind interface 1 ({@code --peers k}: from k
 *   neighbours, so k routes per destination), then that interface goes down ({@code connected: false}); the clock
 *   runs from the change's send until every withdrawn best route (a tombstone per prefix, D13) is committed. Also
 *   printed: the stream thread's longest process, punctuate (a D24 step) and commit calls over the run, which bound
 *   the longest transaction. The baseline is the time the same number of records take through the pass-through
 *   app.</li>
 * </ul>
 *
 * <p>The load is {@code loadgen}'s initial load ({@link FleetLoad}): routers r0, r1, … each registering a BGP
 * entity and sending the table behind interface 1.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=io.rtmstreams.bench.EndToEndLoad
 * -Dbench.jvm=-Xmx3g -Dbench.args='--mode throughput --routers 1 --partitions 1'}; {@code --routes n} takes the
 * first n routes of the table, {@code --batch n} sends the table as a bulk feeder does (ADD_ROUTES of n routes with
 * {@code ack: ERRORS}, then a SYNC whose result ends the run; D25, D26, D30), {@code --lean} turns off every output
 * but best routes and failures (destination changes, notifications, the fleet view, successful results),
 * {@code --partitioner crc32} writes the adverts where librdkafka's default
 * partitioner would (D23's detour; the default, {@code java}, places them), {@code --warmup n} (default 200000, 0 for a cold run) how many commands warm the JVM
 * up first; {@code -Dload.streams.<property>=<value>} overrides a Kafka Streams property of
 * both apps.
 */
public final class EndToEndLoad {

    public static void main(String[] args) throws Exception {
        String mode = arg(args, "--mode", "throughput");
        int routers = Integer.parseInt(arg(args, "--routers", "1"));
        int routes = Integer.parseInt(arg(args, "--routes", String.valueOf(Integer.MAX_VALUE)));
        int partitions = Integer.parseInt(arg(args, "--partitions", "1"));
        boolean crc32 = switch (arg(args, "--partitioner", "java")) {
            case "java" -> false;
            case "crc32" -> true;
            default -> throw new IllegalArgumentException("--partitioner is java or crc32");
        };
        int batch = Integer.parseInt(arg(args, "--batch", "1"));
        boolean lean = args.length > 0 && java.util.Arrays.asList(args).contains("--lean");
        Path dir = Files.createTempDirectory("rtm-load");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            RibTable rib = RibTable.load().first(routes);
            int warmup = Integer.parseInt(arg(args, "--warmup", "200000"));
            if (warmup > 0) {
                new EndToEndLoad(broker.bootstrapServers(), dir, partitions, crc32, lean, "warm.").warmUp(
                        FleetLoad.of(rib.first(warmup), 1, 1, batch));
            }
            EndToEndLoad load = new EndToEndLoad(broker.bootstrapServers(), dir, partitions, crc32, lean, "");
            switch (mode) {
                case "throughput" -> load.throughput(FleetLoad.of(rib, routers, 1, batch));
                case "latency" -> load.latency(FleetLoad.of(rib, routers, 1, 1).records(),
                        Integer.parseInt(arg(args, "--rate", "5000")), Integer.parseInt(arg(args, "--seconds", "30")));
                case "interface-down" -> load.interfaceDown(FleetLoad.of(rib, routers,
                        Integer.parseInt(arg(args, "--peers", "1")), 1));
                default -> throw new IllegalArgumentException("unknown --mode " + mode);
            }
        }
    }

    private final String bootstrap;
    private final Path dir;
    private final int partitions;
    private final boolean crc32;
    private final boolean lean;
    private final String phase;
    private final StreamsSettings settings;
    private final String baselineIn;
    private final String baselineOut;

    /** A phase has its own topics and application ids, so the warm-up leaves nothing to the measured phase. */
    private EndToEndLoad(String bootstrap, Path dir, int partitions, boolean crc32, boolean lean, String phase)
            throws Exception {
        this.bootstrap = bootstrap;
        this.dir = dir;
        this.partitions = partitions;
        this.crc32 = crc32;
        this.lean = lean;
        this.phase = phase;
        StreamsSettings s = StreamsSettings.defaults().withTopics(new Topics(phase + Topics.DEFAULT_PREFIX))
                .withInputPartitions(partitions);
        this.settings = lean ? s.withOutputs(new OutputSelection(false, false, false, Ack.ERRORS)) : s;
        this.baselineIn = phase + "baseline-in";
        this.baselineOut = phase + "baseline-out";
        try (Admin admin = admin()) {
            TopicAdmin.ensure(admin, settings.topics(), partitions, (short) 1);
            admin.createTopics(List.of(new NewTopic(baselineIn, partitions, (short) 1),
                    new NewTopic(baselineOut, partitions, (short) 1))).all().get();
        }
    }

    /**
     * Both apps over a part of the table on their own topics first: a processor runs for months, so what is
     * measured is compiled code, not the JIT compiling Kafka, the broker and us (on two cores the compiler threads
     * otherwise take about 40 % of the CPU of a 20-second run).
     */
    private void warmUp(FleetLoad load) throws Exception {
        long start = System.nanoTime();
        List<ProducerRecord<byte[], byte[]>> records = load.records();
        produceBoth(records);
        drain(passThrough(), "baseline", baselineOut, records.size());
        drain(rtm(), "rtm", settings.topics().commandResults(), expectedResults(load));
        System.out.printf("warmed up on %,d commands in %.1f s%n", records.size(), (System.nanoTime() - start) / 1e9);
    }

    private void produceBoth(List<ProducerRecord<byte[], byte[]>> records) {
        try (CheckedProducer producer = producer()) {
            for (String topic : List.of(settings.topics().routeAdverts(), baselineIn)) {
                records.forEach(r -> producer.send(new ProducerRecord<>(topic, partition(r.key()), r.key(),
                        r.value())));
            }
        }
    }

    /**
     * Where the load's producer writes a key: the Java client's partitioner (null), or with {@code --partitioner
     * crc32} librdkafka's default, which puts most routers off their partition, so their adverts take the reroute
     * topic (D23).
     */
    private Integer partition(byte[] key) {
        if (!crc32) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(key);
        return (int) (crc.getValue() % partitions);
    }

    /**
     * The results the run waits for: every command's, except those that ask for errors only (batches with
     * {@code ack: ERRORS}; every command's with the lean output set), and every SYNC's, which is always published.
     */
    private int expectedResults(FleetLoad load) {
        return (int) load.commands().stream()
                .filter(c -> c instanceof FleetCommand.Sync || !lean && !FleetLoad.errorsOnly(c)).count();
    }

    private void throughput(FleetLoad load) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = load.records();
        int adverts = load.adverts();
        long produceStart = System.nanoTime();
        produceBoth(records);
        System.out.printf("produced %,d commands (%,d adverts) twice in %.1f s%n", records.size(), adverts,
                (System.nanoTime() - produceStart) / 1e9);
        double baseline = drain(passThrough(), "baseline", baselineOut, records.size());
        double rtm = drain(rtm(), "rtm", settings.topics().commandResults(), expectedResults(load));
        System.out.printf("pass-through: %.2f s, %,.0f records/s%n", baseline, records.size() / baseline);
        System.out.printf("rtm-streams:  %.2f s, %,.0f adverts/s to the last committed result (%s)%n", rtm,
                adverts / rtm, lean ? "lean outputs" : "every output");
        System.out.printf("ratio rtm/pass-through time: %.2f%n", rtm / baseline);
        long written = printRecordsPerAdvert(adverts);
        System.out.printf("records written/s: rtm-streams %,.0f, pass-through %,.0f: ratio %.2f%n", written / rtm,
                records.size() / baseline, (written / rtm) / (records.size() / baseline));
        long rocks = directorySize(dir.resolve(phase + "rtm"));
        long changelog = changelogBytes(phase + "rtm");
        long stored = adverts;
        System.out.printf("state: RocksDB %,d B + changelog %,d B for %,d routes = %.0f B per route%n", rocks,
                changelog, stored, (rocks + changelog) / (double) stored);
    }

    private void latency(List<ProducerRecord<byte[], byte[]>> records, int rate, int seconds) throws Exception {
        int n = Math.min(records.size(), rate * seconds);
        long[] base = timed(passThrough(), "baseline", baselineIn, baselineOut, records.subList(0, n), rate);
        long[] rtm = timed(rtm(), "rtm", settings.topics().routeAdverts(), settings.topics().commandResults(),
                records.subList(0, n), rate);
        System.out.printf("%,d adverts at %,d/s, ms from advert to committed output:%n", n, rate);
        System.out.println("pass-through: " + percentiles(base));
        System.out.println("rtm-streams:  " + percentiles(rtm));
    }

    /**
     * Every route added changes its destination's best-route record (the route, or at least numRoutes), so the
     * load is in when there are as many best-route records as adverts; going down withdraws one per destination.
     */
    private void interfaceDown(FleetLoad load) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = load.records();
        FleetShape shape = load.shape();
        int routers = shape.routerCount();
        int withdrawn = (int) (shape.routes() / shape.peers());
        try (CheckedProducer producer = producer()) {
            for (int r = 0; r < routers; r++) {
                producer.send(interfaceChange(shape, r, FleetCommand.InterfaceChange.Type.ADD_INSTANCE, true));
            }
            records.forEach(r -> producer.send(new ProducerRecord<>(settings.topics().routeAdverts(), r.key(),
                    r.value())));
        }
        int bestRoutes = load.adverts();
        try (KafkaStreams streams = start(rtm(), "rtm");
             KafkaConsumer<byte[], byte[]> best = consumer("rtm-best", settings.topics().bestRoutes())) {
            count(best, bestRoutes, System.nanoTime());
            long start = System.nanoTime();
            try (CheckedProducer producer = producer()) {
                for (int r = 0; r < routers; r++) {
                    producer.send(interfaceChange(shape, r, FleetCommand.InterfaceChange.Type.PARAMETER_CHANGE,
                            false));
                }
            }
            double rtm = count(best, withdrawn, start);
            String longest = longestCalls(streams);
            close(streams);
            System.out.printf("rtm-streams: %,d best routes (%,d routes) withdrawn and committed %.2f s after the"
                    + " interface went down; longest calls of the stream thread: %s%n", withdrawn, bestRoutes, rtm,
                    longest);
        }
        List<ProducerRecord<byte[], byte[]>> same = records.subList(0, withdrawn);
        try (KafkaStreams streams = start(passThrough(), "baseline");
             KafkaConsumer<byte[], byte[]> out = consumer("baseline-counter", baselineOut)) {
            out.poll(Duration.ofMillis(500));
            long start = System.nanoTime();
            try (CheckedProducer producer = producer()) {
                same.forEach(r -> producer.send(new ProducerRecord<>(baselineIn, r.key(), r.value())));
            }
            double baseline = count(out, same.size(), start);
            close(streams);
            System.out.printf("pass-through: %,d records produced and committed in %.2f s%n", same.size(), baseline);
        }
    }

    /** The stream thread's longest process, punctuate and commit calls (ms), from Kafka Streams' metrics. */
    private static String longestCalls(KafkaStreams streams) {
        Map<String, Double> max = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && name.name().endsWith("-latency-max")
                    && List.of("process", "punctuate", "commit").contains(name.name().replace("-latency-max", ""))
                    && metric.metricValue() instanceof Double d && !d.isNaN()) {
                max.merge(name.name().replace("-latency-max", ""), d, Math::max);
            }
        });
        return max.toString();
    }

    private ProducerRecord<byte[], byte[]> interfaceChange(FleetShape shape, int r,
                                                           FleetCommand.InterfaceChange.Type type, boolean connected) {
        FleetCommand change = shape.interfaceChange(r, "if-" + type, type, 1, connected);
        return new ProducerRecord<>(settings.topics().interfaceChanges(), bytes(change.router()),
                CommandEncoder.encode(change));
    }

    /** Seconds from start until {@code expected} records of {@code output} are committed and readable. */
    private double drain(Topology topology, String appId, String output, int expected) throws Exception {
        try (KafkaConsumer<byte[], byte[]> counter = consumer(appId + "-counter", output)) {
            CpuBreakdown cpu = new CpuBreakdown().start();
            long start = System.nanoTime();
            KafkaStreams streams = start(topology, appId);
            double seconds = count(counter, expected, start);
            String report = cpu.report();
            close(streams);
            if (phase.isEmpty()) {
                System.out.print(appId + report);
            }
            return seconds;
        }
    }

    /** Per-output latencies in ms of records produced at {@code rate} into a running app. */
    private long[] timed(Topology topology, String appId, String input, String output,
                         List<ProducerRecord<byte[], byte[]>> records, int rate) throws Exception {
        long[] latencies = new long[records.size()];
        try (KafkaStreams streams = start(topology, appId);
             KafkaConsumer<byte[], byte[]> out = consumer(appId + "-latency", output);
             CheckedProducer producer = producer()) {
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(50);
            }
            out.poll(Duration.ofMillis(500));
            Thread sender = new Thread(() -> {
                Pacer pacer = new Pacer(rate, Pacer.Clock.SYSTEM);
                try {
                    for (int i = 0; i < records.size(); i++) {
                        pacer.await(i);
                        ProducerRecord<byte[], byte[]> r = records.get(i);
                        producer.send(new ProducerRecord<>(input, null, System.currentTimeMillis(), r.key(),
                                r.value()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                producer.flush();
            }, "load-sender");
            sender.start();
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < records.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : out.poll(Duration.ofMillis(100))) {
                    if (seen < latencies.length) {
                        latencies[seen++] = System.currentTimeMillis() - r.timestamp();
                    }
                }
            }
            sender.join();
            close(streams);
            return Arrays.copyOf(latencies, seen);
        }
    }

    private static String percentiles(long[] latencies) {
        long[] s = latencies.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            return "no outputs";
        }
        return String.format("p50 %d, p90 %d, p99 %d, p99.9 %d, max %d (%,d outputs)", s[s.length / 2],
                s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)], s[(int) (s.length * 0.999)], s[s.length - 1],
                s.length);
    }

    private static double count(KafkaConsumer<byte[], byte[]> consumer, int expected, long start) {
        long seen = 0;
        long progressAt = System.nanoTime();
        while (seen < expected) {
            int n = consumer.poll(Duration.ofMillis(100)).count();
            seen += n;
            if (n > 0) {
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("no output for 2 minutes at " + seen + " of " + expected);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Topology rtm() {
        return RtmTopology.build(settings, ProcessorMetrics.NONE);
    }

    private Topology passThrough() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(baselineIn, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("in"))
                .to(baselineOut, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("out"));
        return b.build();
    }

    private KafkaStreams start(Topology topology, String appId) {
        Properties p = StreamsProperties.of(settings, phase + appId, bootstrap, dir.resolve(phase + appId).toString(),
                true, overrides());
        KafkaStreams streams = new KafkaStreams(topology, p);
        streams.start();
        return streams;
    }

    private static void close(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group, String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * The load's producer: one request in flight, so that a batch retried on a topic the broker has only just
     * created cannot fall behind the next one (which an idempotent producer then loses), and every failed send fails
     * the run instead of silently shrinking the load.
     */
    private CheckedProducer producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new CheckedProducer(new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    private static final class CheckedProducer implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
                new java.util.concurrent.atomic.AtomicReference<>();

        CheckedProducer(KafkaProducer<byte[], byte[]> producer) {
            this.producer = producer;
        }

        void send(ProducerRecord<byte[], byte[]> record) {
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }

        void flush() {
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the load could not be produced", failure.get());
            }
        }

        @Override
        public void close() {
            try {
                flush();
            } finally {
                producer.close();
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** What the processor wrote per command, topic by topic (transaction markers included). */
    /** Prints the records each output and changelog topic holds per advert; returns them all. */
    private long printRecordsPerAdvert(int adverts) throws Exception {
        try (Admin admin = admin()) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new HashMap<>();
            for (var t : admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values()) {
                if (!t.name().startsWith(settings.topics().prefix()) && !t.name().startsWith(phase + "rtm-")
                        || t.name().equals(settings.topics().routeAdverts())) {
                    continue;
                }
                t.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(t.name(),
                        p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
            }
            Map<String, Long> perTopic = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, o) -> perTopic.merge(tp.topic(), o.offset(),
                    Long::sum));
            perTopic.values().removeIf(v -> v == 0);
            perTopic.forEach((topic, n) -> System.out.printf("  %-50s %6.2f per advert%n", topic,
                    n / (double) adverts));
            long all = perTopic.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  %-50s %6.2f per advert%n", "all", all / (double) adverts);
            return all;
        }
    }

    /** Bytes on the broker of the changelog partitions of {@code appId}'s stores. */
    private long changelogBytes(String appId) throws Exception {
        long bytes = 0;
        try (Admin admin = admin()) {
            for (Map<String, LogDirDescription> broker : admin.describeLogDirs(List.of(1)).allDescriptions().get()
                    .values()) {
                for (LogDirDescription d : broker.values()) {
                    for (var e : d.replicaInfos().entrySet()) {
                        if (e.getKey().topic().startsWith(appId + "-") && e.getKey().topic().endsWith("-changelog")) {
                            bytes += ((ReplicaInfo) e.getValue()).size();
                        }
                    }
                }
            }
        }
        return bytes;
    }

    private static long directorySize(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Routers r0, r1, … each with the table behind interface 1 from {@code peers} neighbours (so that many routes per
     * destination), as {@code loadgen}'s initial load sends it, router after router: the registration, the table in
     * single ADD_ROUTEs or ADD_ROUTES of {@code batch} routes with {@code ack: ERRORS}, and then for batches the SYNC
     * whose result ends the run (D25, D26, D30). Interface changes are the modes' own.
     */
    private record FleetLoad(FleetShape shape, List<FleetCommand> commands) {

        static FleetLoad of(RibTable rib, int routers, int peers, int batch) {
            FleetShape shape = rib.fleet(IntStream.range(0, routers).mapToObj(r -> "r" + r).toList(), peers);
            InitialLoad load = new InitialLoad(new FleetModel(shape), batch);
            List<FleetCommand> commands = new ArrayList<>();
            for (int r = 0; r < routers; r++) {
                commands.add(load.register(r));
                load.table(r).forEachRemaining(commands::add);
                if (batch > 1) {
                    commands.add(load.sync(r, InitialLoad.END_OF_RIB));
                }
            }
            return new FleetLoad(shape, commands);
        }

        /** The commands keyed by router; the topic is the caller's. */
        List<ProducerRecord<byte[], byte[]>> records() {
            return commands.stream().map(c -> new ProducerRecord<>("", bytes(c.router()), CommandEncoder.encode(c)))
                    .toList();
        }

        int adverts() {
            return commands.stream().mapToInt(FleetCommand::adverts).sum();
        }

        /** Commands whose result is published only when they fail (ack ERRORS: the batches). */
        static boolean errorsOnly(FleetCommand c) {
            return c instanceof FleetCommand.Advertise a && a.batch() || c instanceof FleetCommand.Withdraw w && w.batch();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> overrides() {
        Map<String, String> out = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("load.streams."))
                .forEach(k -> out.put(k.substring("load.streams.".length()), System.getProperty(k)));
        return out;
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
