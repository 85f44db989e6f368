package io.rtmstreams.bench;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.app.loadgen.CommandEncoder;
import io.rtmstreams.app.loadgen.FleetCommand;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GetBestRoute2 over HTTP (design.md: at least 100 000 lookups/s through the query layer, p99 under 5 ms over HTTP).
 * The processor runs as {@code run} does, on its embedded broker; the RouteViews table is loaded for one router
 * behind interface 1; then {@code --clients} threads, each with its own keep-alive connection, ask
 * {@code /v1/routers/r0/best-route} for {@code --seconds}, with random addresses inside the table's prefixes
 * ({@code --destinations table}), uniformly random IPv4 addresses ({@code uniform}: most are covered only by a short
 * prefix or by none, so a lookup probes many lengths and a fifth or so answer ERROR_NETWORK_UNREACHABLE, 404), or
 * both one after the other ({@code both}, the default). The baseline is the same clients on {@code /health} (the
 * HTTP stack with no state behind it) in the same run. Client and server share the machine's cores.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=io.rtmstreams.bench.ApiLoad
 * -Dbench.jvm=-Xmx3g -Dbench.args='--clients 4 --seconds 20'}.
 */
public final class ApiLoad {

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(arg(args, "--clients", "4"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        String sampling = arg(args, "--destinations", "both");
        if (!List.of("table", "uniform", "both").contains(sampling)) {
            throw new IllegalArgumentException("--destinations is table, uniform or both");
        }
        RibTable rib = RibTable.load();
        Path data = Files.createTempDirectory("rtm-api-load");
        AppConfig defaults = AppConfig.defaults();
        AppConfig config = new AppConfig(null, data, 0, "rtm-api-load", defaults.settings(), 1, (short) 1, true, Failover.defaults(), 1,
                "127.0.0.1", 0, null, java.util.Map.of());
        try (RtmRuntime runtime = RtmRuntime.start(config)) {
            load(runtime, rib);
            String base = "http://127.0.0.1:" + runtime.api().port();
            List<URI> health = List.of(URI.create(base + "/health"));
            run("warm-up", health, clients, 5);
            Result healthResult = run("/health", health, clients, seconds);
            System.out.println(healthResult);
            for (String kind : sampling.equals("both") ? List.of("table", "uniform") : List.of(sampling)) {
                List<URI> lookups = Arrays.stream(rib.destinations(1 << 16, kind.equals("uniform"), 42))
                        .map(d -> URI.create(base + "/v1/routers/r0/best-route?destination=" + d)).toList();
                run("warm-up", lookups, clients, 5);
                Result best = run("best-route " + kind, lookups, clients, seconds);
                System.out.println(best);
                System.out.printf("ratio best-route (%s)/health throughput: %.2f%n", kind,
                        best.perSecond() / healthResult.perSecond());
            }
        }
    }

    /** The table behind interface 1, produced and waited for until every command is answered. */
    private static void load(RtmRuntime runtime, RibTable rib) throws Exception {
        var topics = runtime.config().settings().topics();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        List<String> commands = rib.commands("r0");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            FleetCommand up = rib.fleet(List.of("r0"), 1).interfaceChange(0, "if1",
                    FleetCommand.InterfaceChange.Type.ADD_INSTANCE, 1, true);
            producer.send(new ProducerRecord<>(topics.interfaceChanges(), "r0",
                    new String(CommandEncoder.encode(up), StandardCharsets.UTF_8)));
            producer.flush();
            for (String c : commands) {
                producer.send(new ProducerRecord<>(topics.routeAdverts(), "r0", c), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "api-load");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> results = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            results.subscribe(List.of(topics.commandResults()));
            long seen = 0;
            while (seen < commands.size() + 1) {
                seen += results.poll(Duration.ofMillis(200)).count();
            }
        }
        System.out.printf("loaded %,d routes in %.1f s%n", commands.size() - 1, (System.nanoTime() - start) / 1e9);
    }

    record Result(String what, long requests, double seconds, long[] sortedNanos, long errors) {
        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-20s %,9.0f req/s, ms p50 %.2f, p99 %.2f, p99.9 %.2f, max %.2f (%,d requests,"
                            + " %d failed)", what, perSecond(), at(0.5), at(0.99), at(0.999),
                    sortedNanos[sortedNanos.length - 1] / 1e6, requests, errors);
        }

        private double at(double q) {
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, sortedNanos.length * q)] / 1e6;
        }
    }

    private static Result run(String what, List<URI> uris, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        long[] errors = new long[clients];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int id = t;
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            Thread th = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int i = id * 7919;
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length) {
                        HttpRequest req = HttpRequest.newBuilder(uris.get(i++ % uris.size())).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        mine[n++] = System.nanoTime() - t0;
                        if (r.statusCode() != 200 && r.statusCode() != 404) { // 404: no route (B8)
                            errors[id]++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                counts[id] = n;
            }, "load-client-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, (int) counts[t]);
            k += (int) counts[t];
        }
        Arrays.sort(all);
        return new Result(what, total, elapsed, all, Arrays.stream(errors).sum());
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private ApiLoad() {
    }
}
