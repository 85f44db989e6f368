package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contract.md, Partitioning of outputs, on a real broker with four partitions: every record of
 * {@code rtm.best-routes}, {@code rtm.dest-changes} and {@code rtm.fleet-routes} lies on
 * {@code toPositive(murmur2(utf8(view|prefix))) % 4}, computed here from the key's text and, independently, by kcat's
 * (librdkafka's) murmur2 partitioner on a scratch topic. And the fleet view built from those partitions (D27) counts
 * exactly the live best routes of each prefix, which the query API lists from the partition's owner.
 */
@ExtendWith(BrokerExtension.class)
class OutputPartitioningIT {

    private static final int PARTITIONS = 4;
    private static final List<String> TOPICS = List.of("best-routes", "dest-changes", "fleet-routes");
    /** Input text of destinations; IPv6 ones are not in canonical form, the keys must be (R33, RFC 5952). */
    private static final List<String> DESTS = List.of("10.0.0.0/8", "10.1.0.0/16", "172.16.0.0/12", "192.0.2.0/24",
            "198.51.100.0/24", "203.0.113.0/24", "2001:DB8::/32", "2001:0db8:0001:0000::/64", "fd00::/8");

    @Test
    void shouldPartitionOutputsByViewAndPrefixAndCountTheFleetThere(TestBroker broker, @TempDir Path data)
            throws Exception {
        RtmTestApp app = RtmTestApp.unique("partitioning", PARTITIONS);
        List<Input> input = fleet(new Random(27));
        try (RtmRuntime runtime = app.start(broker.bootstrapServers(), data, Map.of());
             InputProducer producer = new InputProducer(broker.bootstrapServers(), app.topics());
             CommittedOutputs outputs = CommittedOutputs.all(broker.bootstrapServers(), app.topics())) {
            producer.send(input);
            outputs.await("a result per command", o -> o.count("command-results") == input.size());
            SortedMap<String, List<String>> live = liveRouters(outputs.readToEnd().of("best-routes"));
            outputs.await("the fleet counts of the live best routes", o -> counts(o).equals(counts(live)));
            Map<String, List<OutputRecord>> written = outputs.readToEnd().snapshot();

            assertOnTheirPrefixPartition(written);
            assertKcatPlacesTheViewPrefixKeysAlike(broker, written);
            assertTheQueryApiListsTheLiveRouters(new QueryClient(runtime.api().port()), live);
        }
    }

    /** Six routers, each reaching most prefixes in one or both views, then withdrawing some (tombstones). */
    private static List<Input> fleet(Random random) {
        List<Input> input = new ArrayList<>();
        long time = 1;
        for (int n = 1; n <= 6; n++) {
            Commands c = new Commands("edge-" + n);
            input.add(Input.command(c.register(Entity.BGP, null), time++));
            input.add(Input.command(c.register(Entity.BGP, null).put("family", "ipv6"), time++));
            List<String> withdrawn = new ArrayList<>();
            for (String dest : DESTS) {
                if (random.nextInt(4) > 0) {
                    List<String> views = random.nextBoolean() ? List.of("unicast") : List.of("unicast", "multicast");
                    input.add(Input.command(c.addRoute(Entity.BGP, dest, hop(dest, n), 20, random.nextInt(50),
                            views), time++));
                    if (random.nextInt(3) == 0) {
                        withdrawn.add(dest);
                    }
                }
            }
            for (String dest : withdrawn) {
                input.add(Input.command(c.deleteRoute(Entity.BGP, dest, hop(dest, n)), time++));
            }
        }
        return input;
    }

    private static Hop hop(String dest, int router) {
        return dest.contains(":") ? new Hop("2001:db8:ffff::" + router, 1) : new Hop("192.0.2." + router, 1);
    }

    /** Every record's partition against the formula, on the key's {@code view|prefix} (the last two fields). */
    private static void assertOnTheirPrefixPartition(Map<String, List<OutputRecord>> written) {
        for (String topic : TOPICS) {
            assertThat(written.get(topic)).as(topic).isNotEmpty().allSatisfy(r -> assertThat(r.partition())
                    .as("%s %s", topic, r.key()).isEqualTo(partitionOf(viewPrefix(r.key()))));
        }
        assertThat(written.get("best-routes")).as("canonical IPv6 keys")
                .anyMatch(r -> r.key().endsWith("|2001:db8:1::/64")).noneMatch(r -> r.key().contains("DB8"));
    }

    /** kcat with {@code partitioner=murmur2_random} (the README's advice) puts each view|prefix key likewise. */
    private static void assertKcatPlacesTheViewPrefixKeysAlike(TestBroker broker,
                                                               Map<String, List<OutputRecord>> written) {
        Map<String, Integer> used = new TreeMap<>();
        TOPICS.forEach(t -> written.get(t).forEach(r -> used.put(viewPrefix(r.key()), r.partition())));
        String scratch = KafkaTestClients.createTopic(broker.bootstrapServers(), "it-prefix-partitions", PARTITIONS);
        Kcat kcat = Kcat.onPath();
        kcat.run(List.of("-b", broker.bootstrapServers(), "-P", "-t", scratch, "-K", "#", "-X",
                "partitioner=murmur2_random"), used.keySet().stream().map(k -> k + "#{}").toList());
        Map<String, Integer> byKcat = new TreeMap<>();
        for (String line : kcat.run(List.of("-b", broker.bootstrapServers(), "-C", "-t", scratch, "-o", "beginning",
                "-e", "-q", "-f", "%k %p\\n"), List.of()).lines()) {
            String[] f = line.split(" ");
            byKcat.put(f[0], Integer.parseInt(f[1]));
        }
        assertThat(byKcat).isEqualTo(used);
        assertThat(new TreeSet<>(used.values())).as("the prefixes spread over the partitions").hasSize(PARTITIONS);
    }

    private static void assertTheQueryApiListsTheLiveRouters(QueryClient api, SortedMap<String, List<String>> live) {
        live.forEach((viewPrefix, routers) -> {
            String[] f = viewPrefix.split("\\|");
            QueryClient.Answer a = api.get("/v1/fleet/prefixes?view=" + f[0] + "&prefix="
                    + URLEncoder.encode(f[1], StandardCharsets.UTF_8));
            assertThat(a.status()).as(viewPrefix + ": " + a.body()).isEqualTo(200);
            JsonNode json = a.json();
            assertThat(json.get("routerCount").asInt()).as(viewPrefix).isEqualTo(routers.size());
            List<String> listed = new ArrayList<>();
            json.get("routers").forEach(r -> listed.add(r.get("router").asText()));
            assertThat(listed).as(viewPrefix).isEqualTo(routers);
        });
    }

    /** The routers with a best route per {@code view|prefix}, in router order, from the best routes' final state. */
    private static SortedMap<String, List<String>> liveRouters(List<OutputRecord> bestRoutes) {
        SortedMap<String, List<String>> live = new TreeMap<>();
        OutputComparison.finalState(bestRoutes).keySet().forEach(key -> live
                .computeIfAbsent(viewPrefix(key), k -> new ArrayList<>()).add(key.split("\\|")[0]));
        live.values().forEach(l -> l.sort(null));
        return live;
    }

    private static SortedMap<String, Integer> counts(SortedMap<String, List<String>> live) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        live.forEach((k, routers) -> counts.put(k, routers.size()));
        return counts;
    }

    private static SortedMap<String, Integer> counts(CommittedOutputs outputs) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        OutputComparison.finalState(outputs.of("fleet-routes"))
                .forEach((k, v) -> counts.put(k, OutputComparison.json(v).get("routerCount").asInt()));
        return counts;
    }

    private static String viewPrefix(String key) {
        String[] f = key.split("\\|");
        return f[f.length - 2] + "|" + f[f.length - 1];
    }

    private static int partitionOf(String viewPrefix) {
        return Utils.toPositive(Utils.murmur2(viewPrefix.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
