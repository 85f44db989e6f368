package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;
import io.rtmstreams.streams.Placement;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import static io.rtmstreams.it.OutputComparison.assertSameMaps;
import static io.rtmstreams.it.OutputComparison.awaitSameOutputs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any Kafka client can feed the processor (D23). kcat, with librdkafka's default partitioner (CRC32 of the key, no
 * {@code -p}, no partitioner setting), writes every record of five routers, and the route adverts of a sixth whose
 * interface changes come from the Java client; the router names are chosen so that CRC32 and murmur2 disagree for
 * each, so every kcat record lands off its router's partition. A twin deployment gets the same records (same keys,
 * values and timestamps, read back from the broker) from the Java client, which places them. Then the query API
 * answers every router of the kcat-fed deployment exactly as the twin's does, every output topic equals the twin's,
 * the reroute metric counts every kcat record, and the rejection of an unreadable kcat record names where kcat
 * wrote it. The phases wait for their results, so the two clients' records for the mixed router reach it in one
 * order in both deployments.
 */
@ExtendWith(BrokerExtension.class)
class AnyPartitionerIT {

    private static final int PARTITIONS = 4;
    private static final List<Entity> ENTITIES = List.of(Entity.OSPF, Entity.STATIC);
    private static final Map<Entity, Hop> VIA = Map.of(Entity.OSPF, new Hop("192.168.1.254", 1),
            Entity.STATIC, new Hop("192.168.2.254", 2));

    private static TestBroker broker;
    private static Kcat kcat;

    private final List<Commands> kcatRouters = new ArrayList<>();
    private Commands mixed;
    private long clock = System.currentTimeMillis();

    @BeforeAll
    static void locateKcatAndBroker(TestBroker runBroker) {
        kcat = Kcat.onPath();
        broker = runBroker;
    }

    @Test
    void routersFedByKcatsDefaultPartitionerAreAnsweredExactlyAsTheirJavaFedTwin(@TempDir Path dataKcat,
                                                                                @TempDir Path dataJava)
            throws Exception {
        List<String> names = routersThatCrc32AndMurmur2PutApart(6);
        names.subList(0, 5).forEach(r -> kcatRouters.add(new Commands(r)));
        mixed = new Commands(names.get(5));
        RtmTestApp fedByKcat = RtmTestApp.unique("kcat-fed", PARTITIONS);
        RtmTestApp twin = RtmTestApp.unique("java-fed", PARTITIONS);
        try (RtmRuntime a = fedByKcat.start(bootstrap(), dataKcat, Map.of());
             RtmRuntime b = twin.start(bootstrap(), dataJava, Map.of());
             CommittedOutputs kcatOutputs = CommittedOutputs.all(bootstrap(), fedByKcat.topics());
             CommittedOutputs twinOutputs = CommittedOutputs.all(bootstrap(), twin.topics());
             InputReader written = new InputReader(fedByKcat.topics())) {
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            int[] answered = {0};
            Phase phase = (byKcat, byJava, unreadable) -> {
                kcatProduce(fedByKcat.topics(), byKcat);
                try (InputProducer java = new InputProducer(bootstrap(), fedByKcat.topics())) {
                    java.send(byJava);
                }
                List<ConsumerRecord<byte[], byte[]>> records = written.next(byKcat.size() + byJava.size());
                try (InputProducer java = new InputProducer(bootstrap(), twin.topics())) {
                    java.send(records.stream().map(AnyPartitionerIT::asInput).toList());
                }
                all.addAll(records);
                answered[0] += byKcat.size() + byJava.size() - unreadable;
                for (CommittedOutputs o : List.of(kcatOutputs, twinOutputs)) {
                    o.await(answered[0] + " command results", x -> x.count("command-results") >= answered[0]);
                }
            };
            phase.run(interfaceRows(kcatRouters), interfaceRows(List.of(mixed)), 0);
            phase.run(adverts(), List.of(), 0);
            phase.run(interfaceDown(kcatRouters), interfaceDown(List.of(mixed)), 0);
            List<Input> last = new ArrayList<>(deletes());
            last.add(Input.unreadable(Input.ADVERTS, Input.utf8(kcatRouters.get(0).router()),
                    Input.utf8("{\"op\":\"ADD_ROUTE\","), clock++));
            phase.run(last, List.of(), 1);

            assertThat(all).as("every kcat record is off its router's partition").allSatisfy(r -> {
                boolean byJava = r.topic().equals(fedByKcat.topics().interfaceChanges())
                        && text(r.key()).equals(mixed.router());
                assertThat(r.partition() == Placement.partition(r.key(), PARTITIONS)).isEqualTo(byJava);
            });
            awaitSameOutputs(kcatOutputs, twinOutputs.readToEnd().snapshot(), fedByKcat.topics().prefix());
            assertSameMaps("query answers", answers(new QueryClient(b.api().port())),
                    answers(new QueryClient(a.api().port())));
            assertThat(rerouted(a, fedByKcat.topics())).as("rerouted records per input topic").isEqualTo(Map.of(
                    "route-adverts", misplaced(all, fedByKcat.topics().routeAdverts()),
                    "interface-changes", misplaced(all, fedByKcat.topics().interfaceChanges())));
            ConsumerRecord<byte[], byte[]> badWritten = all.stream().filter(r -> text(r.value()).equals(
                    "{\"op\":\"ADD_ROUTE\",")).findFirst().orElseThrow();
            JsonNode rejection = OutputComparison.json(kcatOutputs.of("rejected").get(0).value());
            assertThat(rejection.path("topic").asText()).isEqualTo(badWritten.topic());
            assertThat(rejection.path("partition").asInt()).isEqualTo(badWritten.partition());
            assertThat(rejection.path("offset").asLong()).isEqualTo(badWritten.offset());
        }
    }

    /** One phase of input: what kcat writes, what the Java client writes, how many of them are unreadable. */
    private interface Phase {
        void run(List<Input> byKcat, List<Input> byJava, int unreadable) throws Exception;
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    /** librdkafka's default partitioner, consistent_random, is CRC32 of the key modulo the partitions. */
    private static List<String> routersThatCrc32AndMurmur2PutApart(int count) {
        List<String> names = new ArrayList<>();
        for (int n = 1; names.size() < count; n++) {
            String router = "edge-" + n;
            CRC32 crc = new CRC32();
            crc.update(Input.utf8(router));
            if (crc.getValue() % PARTITIONS != Placement.partition(Input.utf8(router), PARTITIONS)) {
                names.add(router);
            }
        }
        return names;
    }

    /** Writes {@code inputs} with kcat: {@code key|value} lines, its default partitioner. */
    private static void kcatProduce(Topics topics, List<Input> inputs) {
        for (String topic : List.of(Input.ADVERTS, Input.INTERFACES)) {
            List<String> lines = inputs.stream().filter(i -> i.topic().equals(topic))
                    .map(i -> text(i.key()) + "|" + text(i.value())).toList();
            if (!lines.isEmpty()) {
                kcat.run(List.of("-b", bootstrap(), "-P", "-t", topics.prefix() + topic, "-K|"), lines);
            }
        }
    }

    // ---- input ------------------------------------------------------------------------------------------------

    private List<Input> interfaceRows(List<Commands> routers) {
        List<Input> in = new ArrayList<>();
        for (Commands c : routers) {
            for (int i = 1; i <= 2; i++) {
                in.add(Input.interfaceChange(c.interfaceRow("ADD_INSTANCE", i, 10L * i, true), clock++));
            }
        }
        return in;
    }

    private List<Input> adverts() {
        List<Input> in = new ArrayList<>();
        for (Commands c : routers()) {
            ENTITIES.forEach(e -> in.add(Input.command(c.register(e, null), clock++)));
            for (int k = 0; k < 6; k++) {
                for (Entity e : ENTITIES) {
                    in.add(Input.command(c.addRoute(e, prefix(c, k), VIA.get(e), 20, k % 3, List.of("unicast")),
                            clock++));
                }
            }
        }
        return in;
    }

    /** Interface 1 goes down: its routes leave the best routes (D14). */
    private List<Input> interfaceDown(List<Commands> routers) {
        return routers.stream().map(c -> Input.interfaceChange(c.interfaceRow("PARAMETER_CHANGE", 1, 10, false),
                clock++)).toList();
    }

    private List<Input> deletes() {
        return routers().stream().map(c -> Input.command(c.deleteRoute(Entity.STATIC, prefix(c, 0),
                VIA.get(Entity.STATIC)), clock++)).toList();
    }

    private List<Commands> routers() {
        List<Commands> all = new ArrayList<>(kcatRouters);
        all.add(mixed);
        return all;
    }

    private static String prefix(Commands c, int k) {
        return "10." + c.router().substring(c.router().indexOf('-') + 1) + "." + k + ".0/24";
    }

    private static Input asInput(ConsumerRecord<byte[], byte[]> r) {
        String topic = r.topic().endsWith(Input.ADVERTS) ? Input.ADVERTS : Input.INTERFACES;
        return new Input(topic, r.key(), r.value(), r.timestamp(), null);
    }

    // ---- what the deployment answers ----------------------------------------------------------------------------

    /** Every router's entities, interfaces, destination pages and, per prefix, the lookups: path to status and body. */
    private SortedMap<String, String> answers(QueryClient api) {
        SortedMap<String, String> answers = new TreeMap<>();
        for (Commands c : routers()) {
            String r = "/v1/routers/" + c.router();
            List<String> paths = new ArrayList<>(List.of(r + "/entities", r + "/interfaces",
                    r + "/destinations/enum?family=ipv4"));
            for (int k = 0; k < 6; k++) {
                String p = prefix(c, k);
                String host = p.substring(0, p.lastIndexOf('.')) + ".9";
                paths.addAll(List.of(r + "/destinations?prefix=" + p, r + "/routes?prefix=" + p,
                        r + "/destinations/most-specific?prefix=" + host + "/32", r + "/best-route?destination=" + host));
            }
            for (String path : paths) {
                QueryClient.Answer answer = api.get(path);
                answers.put(path, answer.status() + " " + answer.body());
            }
        }
        answers.forEach((path, a) -> {
            if (path.endsWith("/enum?family=ipv4")) {
                assertThat(a).as(path).startsWith("200 ").contains("\"10.");
            }
        });
        return answers;
    }

    private static Map<String, Long> rerouted(RtmRuntime runtime, Topics topics) {
        String metrics = new QueryClient(runtime.api().port()).get("/metrics").body();
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = Pattern.compile("rtm_rerouted_records_total\\{topic=\"" + Pattern.quote(topics.prefix())
                + "([a-z-]+)\"} ([0-9.]+)").matcher(metrics);
        while (m.find()) {
            counts.put(m.group(1), (long) Double.parseDouble(m.group(2)));
        }
        return counts;
    }

    private static long misplaced(List<ConsumerRecord<byte[], byte[]>> records, String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)
                && r.partition() != Placement.partition(r.key(), PARTITIONS)).count();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Reads back what the clients wrote to a deployment's input topics, with partitions, offsets and timestamps. */
    private static final class InputReader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));

        InputReader(Topics topics) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : List.of(topics.routeAdverts(), topics.interfaceChanges())) {
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(t, p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** The next {@code count} records in time order (ties by topic, partition, offset: a router's in order). */
        List<ConsumerRecord<byte[], byte[]>> next(int count) {
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            Waiting.until(count + " input records", () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
                return out.size() >= count;
            }, () -> out.size() + " read");
            out.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                    .thenComparing(ConsumerRecord::topic)
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
            return out;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
