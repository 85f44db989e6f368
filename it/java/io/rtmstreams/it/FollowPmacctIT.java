package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.app.follow.pmacct.FollowState;
import io.rtmstreams.app.follow.pmacct.MappedRecord;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper;
import io.rtmstreams.app.follow.pmacct.PmacctModel;
import io.rtmstreams.app.follow.pmacct.PmacctSettings;
import io.rtmstreams.contract.Json;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rtm-streams follow pmacct} as users run it ({@code java -jar rtm-streams.jar follow pmacct} in a JVM of its
 * own) on pmacct's real BMP outputs, produced by kcat as pmacct's librdkafka producer would: the msglog files keyed
 * by {@code bmp_router} on a topic of three partitions, the dump files unkeyed on a topic of their own. The adapter is
 * killed with SIGKILL a third of the way through, in small transactions, and started again: the commands and
 * interface changes committed to the contract's topics are exactly what one uninterrupted mapping of the same records
 * writes (each router's request ids gap-free, every route operation once, in order), two malformed records are on
 * the rejected topic once each with their coordinates, the processor answers the commands
 * without a failure, and its best routes, on {@code rtm.best-routes} and from the query API, are those an independent
 * model ({@code PmacctModel}, which does not use the mapper) computes from the same records.
 */
@ExtendWith(BrokerExtension.class)
class FollowPmacctIT {

    private static final Path TESTS = Path.of("..", "shared", "data", "raw", "bmp", "pmacct", "tests");
    private static final List<String> LIVE = List.of("200-BMP-HUAWEI-locrib_instance", "201-BMP-CISCO-rd_instance",
            "202-BMP-CISCO-HUAWEI-multiple-sources", "203-BMP-HUAWEI-dump", "204-BMP-CISCO-peer_down",
            "207-BMP-CISCO-HUAWEI-multiple-sources-dump-spreading");
    private static final List<String> DUMPS = List.of("203-BMP-HUAWEI-dump",
            "207-BMP-CISCO-HUAWEI-multiple-sources-dump-spreading");
    private static final Path JAR = Path.of(System.getProperty("rtm.jar", "target/rtm-streams.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void followsPmacctExactlyOnceThroughASigkill(TestBroker broker, @TempDir Path work) throws Exception {
        String bootstrap = broker.bootstrapServers();
        RtmTestApp app = RtmTestApp.unique("follow", 2);
        app.createTopics(bootstrap);
        String msglog = KafkaTestClients.createTopic(bootstrap, "pmacct-msglog", 3);
        String dump = KafkaTestClients.createTopic(bootstrap, "pmacct-dump", 1);
        Kcat kcat = Kcat.onPath();
        List<String> live = new ArrayList<>(keyedByRouter(files(LIVE, "output-bmp-00")));
        live.add(live.size() / 2, "172.21.1.101\t{\"event_type\": \"log\", \"bmp_router\": ");
        live.add(live.size() / 2, "172.21.1.101\t{\"event_type\": \"log\", \"bmp_router\": \"172.21.1.101\", "
                + "\"bmp_msg_type\": \"route_monitor\", \"log_type\": \"update\", \"afi\": 1, \"safi\": 1, "
                + "\"peer_ip\": \"192.0.2.1\", \"ip_prefix\": \"192.0.2.0/33\", \"bgp_nexthop\": \"192.0.2.1\"}");
        kcat.run(List.of("-P", "-b", bootstrap, "-t", msglog, "-K", "\t"), live);
        Waiting.untilClockPasses(System.currentTimeMillis() + 5);
        kcat.run(List.of("-P", "-b", bootstrap, "-t", dump), files(DUMPS, "output-bmp-dump-00"));
        List<ConsumerRecord<byte[], byte[]>> input = readInOrder(bootstrap, List.of(msglog, dump));
        String name = "follow-" + UUID.randomUUID();

        try (RtmRuntime runtime = app.start(bootstrap, work.resolve("rtm"), Map.of())) {
            try (Child first = Child.follow(work.resolve("first.log"), bootstrap, app, name, msglog, dump,
                    "--kafka-property", "max.poll.records=5")) {
                Waiting.until("the first adapter committing a third of the input",
                        () -> committed(bootstrap, name) >= input.size() / 3, first::logTail);
                first.kill();
                assertThat(committed(bootstrap, name)).as("killed in the middle").isLessThan(input.size());
            }
            try (Child second = Child.follow(work.resolve("second.log"), bootstrap, app, name, msglog, dump)) {
                Waiting.until("the second adapter committing all of the input",
                        () -> committed(bootstrap, name) == input.size(), second::logTail);
                // SIGTERM: the JVM ends with 128 + 15 once the adapter has committed and printed its summary
                assertThat(second.stop()).as(second.logTail()).isEqualTo(143);
                assertThat(second.logTail()).contains("records in");
            }

            Map<String, List<JsonNode>> written = written(bootstrap, app, name);
            assertThat(written).containsOnlyKeys("172.21.1.101", "172.21.1.102", "172.21.1.103", "fd25::101");
            written.forEach((router, records) -> assertThat(records).extracting(FollowPmacctIT::requestNumber)
                    .as("request ids of " + router).containsExactlyElementsOf(
                            java.util.stream.LongStream.rangeClosed(1, records.size()).boxed().toList()));
            assertThat(flattened(written)).isEqualTo(flattened(reference(input, name)));

            // the two malformed records: on the rejected topic with their coordinates, once, whatever the kill
            List<JsonNode> rejected;
            try (CommittedOutputs outputs = new CommittedOutputs(bootstrap, app.topics(), List.of("rejected"))) {
                rejected = outputs.await("two rejected records", o -> o.count("rejected") >= 2)
                        .poll(Duration.ofMillis(500)).of("rejected").stream().map(r -> read(r.value())).toList();
                assertThat(rejected).hasSize(2).allSatisfy(r -> {
                    assertThat(r.path("topic").asText()).isEqualTo(msglog);
                    assertThat(r.path("key").asText()).isEqualTo("172.21.1.101");
                    ConsumerRecord<byte[], byte[]> at = input.stream().filter(i -> i.partition() == r.path(
                            "partition").asInt() && i.offset() == r.path("offset").asLong() && i.topic().equals(msglog))
                            .findFirst().orElseThrow();
                    assertThat(new String(at.value(), StandardCharsets.UTF_8)).isEqualTo(r.path("value").asText());
                });
                assertThat(rejected).extracting(r -> r.path("reason").asText()).anySatisfy(reason -> assertThat(reason)
                        .startsWith("not a pmacct msglog record")).anySatisfy(reason -> assertThat(reason)
                        .contains("192.0.2.0/33"));
            }

            // the tables: the best routes on rtm.best-routes and from the query API are those of the independent model
            FollowState mapped = new FollowState();
            reference(input, name, mapped);
            PmacctModel model = new PmacctModel();
            input.stream().filter(r -> rejected.stream().noneMatch(at -> at.path("partition").asInt() == r.partition()
                            && at.path("offset").asLong() == r.offset() && r.topic().equals(msglog)))
                    .forEach(r -> model.apply(read(new String(r.value(), StandardCharsets.UTF_8)), r.timestamp()));
            Map<String, Set<PmacctModel.Best>> expected = model.best(mapped::instances);
            assertThat(expected).hasSizeGreaterThan(100);
            try (CommittedOutputs outputs = new CommittedOutputs(bootstrap, app.topics(), List.of("best-routes"))) {
                String[] mismatch = {null};
                outputs.await("the model's best routes", o -> (mismatch[0] = mismatch(bestRoutes(o), expected))
                        == null);
            }
            int port = runtime.api().port();
            expected.forEach((key, ties) -> assertThat(ties).as(key).contains(queried(port, key)));

            // every command applied, none failed (ack ERRORS: only failures and SYNCs are answered)
            long syncs = written.values().stream().flatMap(List::stream)
                    .filter(r -> "SYNC".equals(r.path("op").asText())).count();
            try (CommittedOutputs outputs = new CommittedOutputs(bootstrap, app.topics(),
                    List.of("command-results"))) {
                outputs.await("a result for each SYNC", o -> o.of("command-results").stream()
                        .filter(r -> r.value().contains("\"SYNC\"")).count() >= syncs);
                assertThat(outputs.of("command-results")).allSatisfy(r -> assertThat(r.value())
                        .contains("\"NO_ERROR\""));
            }
        }
    }

    /** The lines of one file of each test directory, blank lines dropped. */
    private static List<String> files(List<String> dirs, String file) {
        List<String> lines = new ArrayList<>();
        for (String dir : dirs) {
            try {
                Files.readAllLines(TESTS.resolve(dir).resolve(file + ".json")).stream().filter(l -> !l.isBlank())
                        .forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** {@code bmp_router<TAB>record}: kcat's -K input, as pmacct keys records by router with a partition key. */
    private static List<String> keyedByRouter(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                return JSON.readTree(l).path("bmp_router").asText() + "\t" + l;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /**
     * The collector's records in the adapter's order: by timestamp, ties to the earlier topic and partition; each
     * partition's timestamps rise (kcat stamps them as it sends), so this is the adapter's timestamp merge.
     */
    private static List<ConsumerRecord<byte[], byte[]>> readInOrder(String bootstrap, List<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t,
                    p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Waiting.polling("reading the collector's topics to their ends " + ends,
                    () -> consumer.poll(Duration.ofMillis(100)).forEach(records::add),
                    () -> partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp)),
                    () -> records.size() + " records read");
        }
        Comparator<ConsumerRecord<byte[], byte[]>> order = Comparator.comparingLong(ConsumerRecord::timestamp);
        order = order.thenComparingInt(r -> topics.indexOf(r.topic())).thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset);
        return records.stream().sorted(order).toList();
    }

    /** The best routes committed so far, by key (tombstones remove). */
    private static Map<String, JsonNode> bestRoutes(CommittedOutputs outputs) {
        Map<String, JsonNode> best = new TreeMap<>();
        for (OutputRecord r : outputs.of("best-routes")) {
            if (r.value() == null) {
                best.remove(r.key());
            } else {
                best.put(r.key(), read(r.value()));
            }
        }
        return best;
    }

    /** How the committed best routes differ from the model's, or null when each is one of the model's ties. */
    private static String mismatch(Map<String, JsonNode> best, Map<String, Set<PmacctModel.Best>> expected) {
        if (!best.keySet().equals(expected.keySet())) {
            return "best routes of " + best.size() + " prefixes, the model has " + expected.size();
        }
        for (Map.Entry<String, JsonNode> e : best.entrySet()) {
            PmacctModel.Best route = best(e.getValue());
            if (!expected.get(e.getKey()).contains(route)) {
                return e.getKey() + ": " + route + " is not one of " + expected.get(e.getKey());
            }
        }
        return null;
    }

    private static PmacctModel.Best best(JsonNode route) {
        return new PmacctModel.Best(route.path("neighbour").path("address").asText(),
                route.path("preference").asLong(), route.path("metric").asLong());
    }

    /** The best route of {@code router|rtmInstance|view|prefix} as the query API answers it. */
    private static PmacctModel.Best queried(int port, String key) {
        String[] k = key.split("\\|");
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/routers/" + k[0] + "/destinations?instance=" + k[1]
                + "&prefix=" + URLEncoder.encode(k[3], StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
            for (JsonNode view : read(response.body()).path("destination").path("views")) {
                if (view.path("view").asText().equals(k[2])) {
                    return best(view.path("route"));
                }
            }
            throw new AssertionError(uri + " has no " + k[2] + " view: " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What one uninterrupted mapping of the records writes, per router, as JSON. */
    private static Map<String, List<JsonNode>> reference(List<ConsumerRecord<byte[], byte[]>> input, String name) {
        return reference(input, name, new FollowState());
    }

    /** {@link #reference(List, String)}, mapping into {@code state}. */
    private static Map<String, List<JsonNode>> reference(List<ConsumerRecord<byte[], byte[]>> input, String name,
                                                         FollowState state) {
        PmacctCommandMapper mapper = new PmacctCommandMapper(PmacctSettings.defaults(name + "-"), state);
        List<MappedRecord> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : input) {
            if (mapper.map(r.value(), r.timestamp()) instanceof PmacctCommandMapper.Mapped.Commands c) {
                out.addAll(c.records());
            }
        }
        out.addAll(mapper.flush());
        Map<String, List<JsonNode>> byRouter = new TreeMap<>();
        for (MappedRecord m : out) {
            byRouter.computeIfAbsent(m.router(), r -> new ArrayList<>()).add(Json.MAPPER.valueToTree(
                    m.record().value()));
        }
        return byRouter;
    }

    /** The adapter's committed commands and interface changes, per router, in request-id order. */
    private static Map<String, List<JsonNode>> written(String bootstrap, RtmTestApp app, String name) {
        Map<String, List<JsonNode>> byRouter = new TreeMap<>();
        for (String topic : List.of(app.topics().routeAdverts(), app.topics().interfaceChanges())) {
            for (KafkaTestClients.KeyValue kv : KafkaTestClients.readAll(bootstrap, topic,
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)) {
                JsonNode value = read(kv.value());
                if (value.path("requestId").asText().startsWith(name + "-")) {
                    byRouter.computeIfAbsent(kv.key(), r -> new ArrayList<>()).add(value);
                }
            }
        }
        byRouter.values().forEach(l -> l.sort(Comparator.comparingLong(FollowPmacctIT::requestNumber)));
        return byRouter;
    }

    private static long requestNumber(JsonNode record) {
        String id = record.path("requestId").asText();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    /**
     * Each router's records with batches opened up and request ids left out: one line per route operation, entity
     * registration, neighbour-wide delete, SYNC and interface change. Commits close batches where they fall, so two
     * runs batch differently; what they do, and in which order, must be the same.
     */
    private static Map<String, List<String>> flattened(Map<String, List<JsonNode>> byRouter) {
        Map<String, List<String>> flat = new LinkedHashMap<>();
        byRouter.forEach((router, records) -> {
            List<String> lines = new ArrayList<>();
            for (JsonNode r : records) {
                JsonNode copy = r.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("requestId", "routes"));
                if (r.has("routes")) {
                    r.path("routes").forEach(route -> lines.add(copy + " " + route));
                } else {
                    lines.add(copy.toString());
                }
            }
            flat.put(router, lines);
        });
        return flat;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Input records the adapter's group has committed, over all the collector's partitions. */
    private static long committed(String bootstrap, String group) {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(java.util.Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code java -jar rtm-streams.jar follow pmacct} in a JVM of its own, its output in a log file. */
    private record Child(Process process, Path log) implements AutoCloseable {

        static Child follow(Path log, String bootstrap, RtmTestApp app, String name, String msglog, String dump,
                            String... more) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", JAR.toAbsolutePath().toString(), "follow", "pmacct",
                    "--bootstrap-servers", bootstrap, "--topic-prefix", app.topics().prefix(),
                    "--from-topic", msglog, "--dump-topic", dump, "--name", name));
            command.addAll(List.of(more));
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start(), log);
        }

        void kill() {
            process.destroyForcibly();
            await();
        }

        /** SIGTERM; the exit status. */
        int stop() {
            process.destroy();
            await();
            return process.exitValue();
        }

        private void await() {
            try {
                assertThat(process.waitFor(KafkaTestClients.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the adapter ended").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        String logTail() {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }
}
