package io.rtmstreams.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fail-over under load (issue 10; design.md, Performance: every router answers from the survivor within 15 s of a
 * kill -9 of the other instance). One broker (an {@link EmbeddedKafka} in this JVM), six partitions, two instances
 * of {@code java -jar rtm-streams.jar run} in JVMs of their own with the same application id. The real table of
 * {@link RibTable} is spread over one router per partition and loaded; then metric updates run at {@code --rate}
 * per second over every router, and {@code --kill-after} seconds into them instance b is killed with SIGKILL, frozen
 * first (SIGSTOP) until it holds an open transaction, as a busy instance nearly always does.
 *
 * <p>Printed, in seconds from the kill: failure detection (the survivor's Kafka Streams leaves RUNNING: its
 * rebalance has begun), the dead instance's transactions timing out (every output, changelog and internal
 * partition readable again by read-committed consumers up to what was written at the kill), the survivor RUNNING
 * again and every router answered from the survivor's own state (the restore of the taken-over tasks, from their
 * standbys when {@code --standby-replicas} is at least 1), what the query API answered meanwhile, and how many
 * changelog records the survivor restored. Then the checks against an uninterrupted run: exactly one committed
 * result per command (D20) and a sample of every router's prefixes answering the route id, next hop and metric
 * that the commands give (D22).
 *
 * <p>Run after {@code mvn -q -B package -DskipTests}: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.rtmstreams.bench.FailoverLoad -Dbench.jvm=-Xmx2g -Dbench.args='--jar target/rtm-streams.jar'};
 * {@code --run-arg X} (repeatable) passes X to both instances' {@code run}; {@code -Drib.limit=n} loads the first n
 * routes of the table only.
 */
public final class FailoverLoad {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code run}'s default application id, which both instances use. */
    private static final String APPLICATION_ID = "rtm-streams";

    private FailoverLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        SpreadTable fleet = SpreadTable.of(RibTable.load(), SpreadTable.onePerPartition(o.partitions, o.partitions));
        Path dir = Files.createTempDirectory("rtm-failover");
        Topics topics = new Topics(null);
        try (EmbeddedKafka broker = EmbeddedKafka.builder(dir.resolve("kafka")).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.bootstrapServers()))) {
            TopicAdmin.ensure(admin, topics, o.partitions, (short) 1);
            String bootstrap = broker.bootstrapServers();
            System.out.printf("fail-over: %d routers on %d partitions, run %s%n", fleet.routers().size(),
                    o.partitions, String.join(" ", o.runArgs));
            try (ProcessorJvm a = ProcessorJvm.start("a", o.jar, o.heap, bootstrap, dir, o.partitions, o.runArgs);
                 ProcessorJvm b = ProcessorJvm.start("b", o.jar, o.heap, bootstrap, dir, o.partitions, o.runArgs);
                 KafkaProducer<byte[], byte[]> producer = producer(bootstrap);
                 Results results = new Results(bootstrap, topics.commandResults())) {
                a.awaitReady();
                b.awaitReady();
                Map<String, String> owners = awaitSpread(a, b, fleet);
                load(producer, fleet, results, topics);
                failOver(o, fleet, a, b, owners, producer, admin, topics);
                check(fleet, results, a, o);
            }
        }
        delete(dir);
    }

    /** Removes the run's data; a failed run keeps it, with the instances' logs. */
    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Waits until a answers for every router and both instances own some; returns each router's owner. */
    private static Map<String, String> awaitSpread(ProcessorJvm a, ProcessorJvm b, SpreadTable fleet)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, String> owners = new LinkedHashMap<>();
            for (String r : fleet.routers()) {
                ProcessorJvm.Answer x = a.get("/v1/routers/" + r + "/entities");
                owners.put(r, x.status() == 200 || x.status() == 404 ? x.servedBy() : null);
            }
            Set<String> by = new HashSet<>(owners.values());
            if (by.equals(Set.of(a.address(), b.address()))) {
                return owners;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the routers were not spread over both instances: " + owners);
            }
            Thread.sleep(200);
        }
    }

    private static void load(KafkaProducer<byte[], byte[]> producer, SpreadTable fleet, Results results,
                             Topics topics) {
        long started = System.nanoTime();
        List<SpreadTable.Command> table = fleet.load();
        table.forEach(c -> send(producer, topics, c));
        producer.flush();
        results.awaitAtLeast(table.size());
        System.out.printf("  loaded %,d routes over %d routers in %.1f s%n", table.size() - fleet.routers().size(),
                fleet.routers().size(), seconds(started));
    }

    private static void failOver(Options o, SpreadTable fleet, ProcessorJvm a, ProcessorJvm b,
                                 Map<String, String> owners, KafkaProducer<byte[], byte[]> producer, Admin admin,
                                 Topics topics) throws Exception {
        UpdateLoad updates = UpdateLoad.start(producer, fleet, topics, o.rate);
        Thread.sleep(o.killAfterSeconds * 1000L);
        int logFrom = a.logLines(0).size();
        long frozenAt = freezeInsideATransaction(b, admin);
        boolean open = frozenAt != 0;
        long killedAt = open ? frozenAt : System.nanoTime();
        b.kill();
        Map<String, Prefix> probes = new LinkedHashMap<>();
        fleet.routers().forEach(r -> probes.put(r, fleet.probe(r)));
        FailoverProbe.Result r = FailoverProbe.afterKill(a, probes, admin, APPLICATION_ID, written(admin, topics),
                killedAt)
                .run(PATIENCE);
        Thread.sleep(2_000);
        long sent = updates.finish();
        System.out.printf("  %,d updates at %d/s, b killed %d s into them %s; b owned %s%n", sent, o.rate,
                o.killAfterSeconds, open ? "inside an open transaction" : "between transactions",
                owners.entrySet().stream().filter(e -> e.getValue().equals(b.address()))
                        .map(Map.Entry::getKey).toList());
        print(r, a, logFrom);
    }

    /**
     * Freezes b (SIGSTOP) until it is frozen with a transaction open, the case in which the survivor has to end that
     * transaction before its take-over can finish; returns when that freeze began (System.nanoTime: b is as good as
     * dead from then on), or 0 after a second of trying.
     */
    private static long freezeInsideATransaction(ProcessorJvm b, Admin admin) throws Exception {
        String transaction = b.transactionalId(APPLICATION_ID);
        for (int attempt = 0; attempt < 20; attempt++) {
            long frozenAt = System.nanoTime();
            b.freeze(true);
            if (ongoing(admin).contains(transaction)) {
                return frozenAt;
            }
            b.freeze(false);
            Thread.sleep(50);
        }
        return 0;
    }

    private static Set<String> ongoing(Admin admin) throws Exception {
        return admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
                .all().get().stream().map(TransactionListing::transactionalId).collect(Collectors.toSet());
    }

    /** Every topic the processor writes: the outputs and its internal topics (changelogs, repartition). */
    private static List<String> written(Admin admin, Topics topics) throws Exception {
        return admin.listTopics().names().get().stream().filter(t -> !topics.isInput(t))
                .filter(t -> !t.startsWith("__")).sorted().toList();
    }

    private static void print(FailoverProbe.Result r, ProcessorJvm survivor, int logFrom) throws IOException {
        System.out.printf("  killed member dropped by the group coordinator: %s%n", s(r.left()));
        System.out.printf("  failure detected (survivor rebalancing): %s%n", s(r.rebalancing()));
        System.out.printf("  dead transactions aborted (every written partition readable): %s%n", s(r.readable()));
        System.out.printf("  survivor RUNNING again: %s%n", s(r.running()));
        System.out.printf("  every router answered by the survivor: %s (%s)%n", s(r.allAnswered()),
                r.answered().entrySet().stream().map(e -> e.getKey() + " " + s(e.getValue()))
                        .collect(Collectors.joining(", ")));
        System.out.printf("  answers while moving: %s%n", r.answersWhileMoving());
        long restored = 0;
        int lines = 0;
        for (String line : survivor.logLines(logFrom)) {
            int at = line.indexOf("restored ");
            if (at >= 0) {
                restored += Long.parseLong(line.substring(at + 9, line.indexOf(' ', at + 9)));
                lines++;
            }
        }
        System.out.printf("  restored by the survivor: %,d changelog records in %d store partitions%n", restored,
                lines);
    }

    /** Exactly one result per command, and the sampled state equal to what the commands give. */
    private static void check(SpreadTable fleet, Results results, ProcessorJvm survivor, Options o) {
        results.awaitAtLeast(fleet.commands());
        results.drain(Duration.ofSeconds(3));
        System.out.printf("  results: %,d for %,d commands, %,d distinct%n", results.count(), fleet.commands(),
                results.distinct());
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<Prefix, SpreadTable.Expected>> router
                : fleet.sample(o.sample, new SplittableRandom(7)).entrySet()) {
            for (Map.Entry<Prefix, SpreadTable.Expected> e : router.getValue().entrySet()) {
                ProcessorJvm.Answer x = survivor.get("/v1/routers/" + router.getKey() + "/destinations?prefix="
                        + e.getKey());
                SpreadTable.Expected got = unicastRoute(x.json());
                checked++;
                if (!e.getValue().equals(got)) {
                    wrong.add(router.getKey() + " " + e.getKey() + ": " + got + " instead of " + e.getValue());
                }
            }
        }
        System.out.printf("  state: %d of %d sampled prefixes as an uninterrupted run gives them%s%n",
                checked - wrong.size(), checked, wrong.isEmpty() ? "" : "; first differences " + wrong.subList(0,
                        Math.min(5, wrong.size())));
    }

    private static SpreadTable.Expected unicastRoute(JsonNode answer) {
        for (JsonNode view : answer.path("destination").path("views")) {
            JsonNode route = view.path("route");
            if (view.path("view").asText().equals("unicast") && route.hasNonNull("routeId")) {
                return new SpreadTable.Expected(route.path("routeId").asLong(), route.path("metric").asLong(),
                        route.path("nextHops").path(0).path("address").asText());
            }
        }
        return null;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topics topics, SpreadTable.Command c) {
        producer.send(new ProducerRecord<>(topics.routeAdverts(), c.key(), c.json().getBytes(StandardCharsets.UTF_8)));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String s(Long ms) {
        return ms == null ? "not within " + PATIENCE.toSeconds() + " s" : String.format("%.1f s", ms / 1000.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Metric updates at a fixed rate from a thread of their own, until stopped. */
    private static final class UpdateLoad extends Thread {
        private final KafkaProducer<byte[], byte[]> producer;
        private final SpreadTable fleet;
        private final Topics topics;
        private final int rate;
        private volatile boolean stopped;
        private long sent;

        private UpdateLoad(KafkaProducer<byte[], byte[]> producer, SpreadTable fleet, Topics topics, int rate) {
            super("update-load");
            this.producer = producer;
            this.fleet = fleet;
            this.topics = topics;
            this.rate = rate;
        }

        static UpdateLoad start(KafkaProducer<byte[], byte[]> producer, SpreadTable fleet, Topics topics,
                                int rate) {
            UpdateLoad load = new UpdateLoad(producer, fleet, topics, rate);
            load.start();
            return load;
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            while (!stopped) {
                long due = started + sent * 1_000_000_000L / rate;
                LockSupport.parkNanos(due - System.nanoTime());
                send(producer, topics, fleet.nextUpdate());
                sent++;
            }
            producer.flush();
        }

        /** Stops sending; returns how many updates were sent. */
        long finish() throws InterruptedException {
            stopped = true;
            join();
            return sent;
        }
    }

    /** Committed command results (read_committed, from the beginning), counted and told apart by router and id. */
    private static final class Results implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Set<String> ids = new HashSet<>();
        private long count;

        Results(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "failover-load-" + System.nanoTime()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
        }

        void awaitAtLeast(long n) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (count < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(count + " of " + n + " results within " + PATIENCE);
                }
                poll(Duration.ofMillis(50));
            }
        }

        /** Reads on for {@code quiet}, so that results beyond the expected count (duplicates) are seen too. */
        void drain(Duration quiet) {
            long end = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < end) {
                poll(Duration.ofMillis(100));
            }
        }

        private void poll(Duration timeout) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
                count++;
                try {
                    JsonNode v = JSON.readTree(r.value());
                    ids.add(new String(r.key(), StandardCharsets.UTF_8) + "|" + v.path("requestId").asText());
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable command result", e);
                }
            }
        }

        long count() {
            return count;
        }

        long distinct() {
            return ids.size();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** The command line. */
    private record Options(Path jar, int partitions, int rate, int killAfterSeconds, String heap, int sample,
                           List<String> runArgs) {
        static Options parse(String[] args) {
            List<String> runArgs = new ArrayList<>();
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--run-arg")) {
                    runArgs.add(args[i + 1]);
                }
            }
            return new Options(Path.of(arg(args, "--jar", "target/rtm-streams.jar")),
                    Integer.parseInt(arg(args, "--partitions", "6")), Integer.parseInt(arg(args, "--rate", "2000")),
                    Integer.parseInt(arg(args, "--kill-after", "5")), arg(args, "--heap", "1536m"),
                    Integer.parseInt(arg(args, "--sample", "300")), runArgs);
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
}
