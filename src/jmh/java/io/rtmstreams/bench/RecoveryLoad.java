package io.rtmstreams.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recovery after a crash (issue 10): {@code java -jar rtm-streams.jar run} with its embedded broker gets the real
 * table for two routers (the full 497 k routes and the first {@code --second} of them again, about 640 k routes in
 * state by default), is killed with SIGKILL while results are still coming, and is started again on the same data
 * directory. Printed: how long the restarted process took to be ready, to commit its first new command result,
 * and to commit the last one, and how many changelog records it restored (its log's {@code restored} lines).
 *
 * <p>Run after {@code mvn -q package -DskipTests}: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.rtmstreams.bench.RecoveryLoad -Dbench.args='--jar target/rtm-streams.jar'}; {@code
 * --run-arg --kafka-property=enable.transactional.statestores=false} (repeatable) passes options to {@code run},
 * for the v1 behaviour: the exactly-once wipe of local state.
 */
public final class RecoveryLoad {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(arg(args, "--jar", "target/rtm-streams.jar"));
        int second = Integer.parseInt(arg(args, "--second", "143000"));
        double killAt = Double.parseDouble(arg(args, "--kill-at", "0.8"));
        List<String> runArgs = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--run-arg")) {
                runArgs.add(args[i + 1]);
            }
        }
        RibTable rib = RibTable.load();
        List<ProducerRecord<byte[], byte[]>> commands = new ArrayList<>();
        add(commands, rib.commands("r1"), "r1");
        add(commands, rib.first(second).commands("r2"), "r2");
        Path dir = Files.createTempDirectory("rtm-recovery");
        int kafkaPort = freePort();
        int apiPort = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx3g", "-jar", jar.toString(), "run",
                "--data-dir", dir.toString(), "--embedded-port", String.valueOf(kafkaPort),
                "--api-port", String.valueOf(apiPort), "--partitions", "1"));
        command.addAll(runArgs);
        String bootstrap = "localhost:" + kafkaPort;

        Process first = start(command, dir.resolve("first.log"));
        awaitReady(apiPort, first);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            commands.forEach(r -> producer.send(new ProducerRecord<>("rtm.route-adverts", r.key(), r.value())));
            producer.flush();
        }
        long committed;
        try (Results results = new Results(bootstrap)) {
            committed = results.awaitAtLeast((long) (commands.size() * killAt));
        }
        first.destroyForcibly().waitFor();
        System.out.printf("killed the processor with %,d of %,d results committed%n", committed, commands.size());

        long restart = System.nanoTime();
        Process second2 = start(command, dir.resolve("second.log"));
        try {
            awaitReady(apiPort, second2);
            double ready = seconds(restart);
            try (Results results = new Results(bootstrap)) {
                results.awaitAtLeast(committed + 1);
                double firstNew = seconds(restart);
                results.awaitAtLeast(commands.size());
                double last = seconds(restart);
                System.out.printf("after the restart: ready %.1f s, first new result %.1f s, last result %.1f s%n",
                        ready, firstNew, last);
            }
            Files.readAllLines(dir.resolve("second.log")).stream().filter(l -> l.contains("restored"))
                    .forEach(l -> System.out.println("  " + l.strip()));
        } finally {
            second2.destroy();
            second2.waitFor();
        }
    }

    private static void add(List<ProducerRecord<byte[], byte[]>> out, List<String> commands, String router) {
        byte[] key = router.getBytes(StandardCharsets.UTF_8);
        commands.forEach(json -> out.add(new ProducerRecord<>("", key, json.getBytes(StandardCharsets.UTF_8))));
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int apiPort, Process p) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the processor exited with " + p.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                        + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the processor was not ready within " + PATIENCE);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    /** Counts committed command results (read_committed, from the beginning; exactly one per command, D20). */
    private static final class Results implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private long seen;

        Results(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "recovery-load-" + System.nanoTime()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of("rtm.command-results"));
        }

        long awaitAtLeast(long n) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (seen < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(seen + " of " + n + " results within " + PATIENCE);
                }
                seen += consumer.poll(Duration.ofMillis(20)).count();
            }
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
