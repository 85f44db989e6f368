package io.rtmstreams.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.app.V1Topics;
import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.Commands;
import io.rtmstreams.it.CommittedOutputs;
import io.rtmstreams.it.KafkaTestClients;
import io.rtmstreams.it.OutputComparison;
import io.rtmstreams.it.OutputRecord;
import io.rtmstreams.it.RtmTestApp;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.it.Waiting;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * contract.md, Upgrading from v1: on topics a version 1 deployment left (best routes partitioned by their whole key,
 * with superseded records, tombstones and an aborted transaction; fleet records listing routers; the internal
 * fleet-updates topic and the old fleet store's changelog) {@code run} refuses to start and names
 * {@code migrate-v1}; after it, the best-route topic holds exactly the live best routes, each on its
 * {@code view|prefix} partition, the version 1 topics are gone, {@code run} starts and rebuilds the fleet view.
 */
@ExtendWith(BrokerExtension.class)
class MigrateV1CommandIT {

    private static final int PARTITIONS = 3;
    private static final List<String> PREFIXES = List.of("unicast|10.0.0.0/8", "unicast|10.1.0.0/16",
            "multicast|10.0.0.0/8", "unicast|192.0.2.0/24", "unicast|2001:db8::/32", "multicast|2001:db8:1::/64");

    @Test
    void refusesVersion1TopicsThenMigratesThemAndRunsOnTheResult(TestBroker broker, @TempDir Path data)
            throws Exception {
        String bootstrap = broker.bootstrapServers();
        RtmTestApp app = RtmTestApp.unique("v1", PARTITIONS);
        SortedMap<String, String> live = deployVersion1(bootstrap, app);

        assertThatThrownBy(() -> app.start(bootstrap, data, Map.of())).hasMessageContaining(
                "version 1 topics (" + app.topics().prefix() + "internal.fleet-updates exists)").hasMessageContaining(
                "rtm-streams migrate-v1 --bootstrap-servers " + bootstrap + " --application-id " + app.applicationId()
                        + " --topic-prefix " + app.topics().prefix());

        CliRunner.Result migrated = migrate(bootstrap, app);
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("republished " + live.size() + " best routes");
        assertThat(migrated.err()).contains("copying best routes to ", "republishing best routes to ");
        assertMigrated(bootstrap, app, live);

        try (RtmRuntime runtime = app.start(bootstrap, data, Map.of());
             CommittedOutputs outputs = CommittedOutputs.all(bootstrap, app.topics())) {
            outputs.await("the fleet view rebuilt from the best routes",
                    o -> fleetCounts(o.of("fleet-routes")).equals(expectedCounts(live)));
            assertThat(fleetPage(runtime, "unicast", "10.0.0.0/8")).contains("\"router\":\"r1\"", "\"router\":\"r4\"");
        }
        CliRunner.Result again = migrate(bootstrap, app);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Nothing to migrate");
    }

    /**
     * An interrupted migration (the best routes already in the staging topic, version 1's mark and the best-route
     * topic gone) keeps {@code run} refusing and is finished by running the command again.
     */
    @Test
    void finishesAMigrationInterruptedAfterStaging(TestBroker broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        RtmTestApp app = RtmTestApp.unique("v1-resume", PARTITIONS);
        V1Topics v1 = new V1Topics(app.topics());
        app.createTopics(bootstrap);
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(v1.staging(), PARTITIONS, (short) 1))).all().get();
            admin.deleteTopics(List.of(app.topics().bestRoutes())).all().get();
        }
        Map<String, String> staged = new LinkedHashMap<>();
        staged.put("r1|0|unicast|10.0.0.0/8", bestRoute("r1", "unicast|10.0.0.0/8", 3));
        staged.put("r2|0|unicast|10.0.0.0/8", bestRoute("r2", "unicast|10.0.0.0/8", 1));
        write(bootstrap, v1.staging(), staged, true);

        assertThatThrownBy(() -> RtmRuntime.start(app.config(bootstrap, Path.of("unused"), Map.of())))
                .hasMessageContaining(v1.staging() + " exists: a migration did not finish");
        CliRunner.Result migrated = migrate(bootstrap, app);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertMigrated(bootstrap, app, new TreeMap<>(staged));
    }

    /** With no cluster given, {@code run} and {@code migrate-v1} both work on the embedded broker's data. */
    @Test
    void migratesTheEmbeddedBrokersData(@TempDir Path data) throws Exception {
        Topics topics = AppConfig.defaults().settings().topics();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(data.resolve("kafka")).port(0).start();
             Admin admin = KafkaTestClients.admin(kafka.bootstrapServers())) {
            TopicAdmin.ensure(admin, topics, PARTITIONS, (short) 1);
            admin.createTopics(List.of(new NewTopic(new V1Topics(topics).fleetUpdates(), 1, (short) 1))).all().get();
            write(kafka.bootstrapServers(), topics.bestRoutes(),
                    Map.of("r1|0|unicast|10.0.0.0/8", bestRoute("r1", "unicast|10.0.0.0/8", 1)), true);
        }
        AppConfig embedded = new AppConfig(null, data, 0, AppConfig.defaults().applicationId(),
                AppConfig.defaults().settings(), PARTITIONS, (short) 1, true, Failover.defaults(), 1, "127.0.0.1", 0, null,
                Map.of());
        assertThatThrownBy(() -> RtmRuntime.start(embedded).close())
                .hasMessageContaining("rtm-streams migrate-v1 --data-dir " + data);

        CliRunner.Result migrated = cli().run("migrate-v1", "--data-dir", data.toString(), "--progress", "never");

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("republished 1 best routes to rtm.best-routes");
        try (RtmRuntime runtime = RtmRuntime.start(embedded);
             Admin admin = KafkaTestClients.admin(runtime.bootstrapServers())) {
            RtmTestApp.awaitRunning(runtime);
            assertThat(admin.listTopics().names().get()).contains(topics.bestRoutes())
                    .doesNotContain(new V1Topics(topics).fleetUpdates());
        }
    }

    private static CliRunner.Result migrate(String bootstrap, RtmTestApp app) {
        return cli().run("migrate-v1", "--bootstrap-servers", bootstrap, "--application-id", app.applicationId(),
                "--topic-prefix", app.topics().prefix(), "--progress", "never");
    }

    /**
     * Topics as version 1 left them, with four routers' best routes: some superseded, some withdrawn, and an aborted
     * transaction that must not come back. Returns the live best routes by key.
     */
    private static SortedMap<String, String> deployVersion1(String bootstrap, RtmTestApp app) throws Exception {
        Topics topics = app.topics();
        app.createTopics(bootstrap);
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(new V1Topics(topics).fleetUpdates(), PARTITIONS, (short) 1),
                    new NewTopic(V1Topics.fleetStoreChangelog(app.applicationId()), PARTITIONS, (short) 1)))
                    .all().get();
        }
        SortedMap<String, String> live = new TreeMap<>();
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> second = new LinkedHashMap<>();
        for (int r = 1; r <= 4; r++) {
            for (int p = 0; p < PREFIXES.size(); p++) {
                String key = "r" + r + "|0|" + PREFIXES.get(p);
                first.put(key, bestRoute("r" + r, PREFIXES.get(p), 1));
                switch ((r + p) % 3) {
                    case 0 -> second.put(key, null);
                    case 1 -> second.put(key, bestRoute("r" + r, PREFIXES.get(p), 2));
                    default -> {
                    }
                }
                live.put(key, second.containsKey(key) ? second.get(key) : first.get(key));
            }
        }
        live.values().removeIf(v -> v == null);
        write(bootstrap, topics.bestRoutes(), first, true);
        write(bootstrap, topics.bestRoutes(), Map.of("r9|0|unicast|10.0.0.0/8", bestRoute("r9",
                "unicast|10.0.0.0/8", 1)), false);
        write(bootstrap, topics.bestRoutes(), second, true);
        write(bootstrap, topics.fleetRoutes(), Map.of("unicast|10.0.0.0/8", "{\"view\":\"unicast\",\"prefix\":"
                + "\"10.0.0.0/8\",\"routerCount\":1,\"routers\":[{\"router\":\"r1\",\"rtmInstance\":0}]}"), true);
        return live;
    }

    /** Writes {@code records} in one transaction partitioned by whole key, as version 1 did; null: a tombstone. */
    private static void write(String bootstrap, String topic, Map<String, String> records, boolean commit) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.transactionalProducer(bootstrap)) {
            producer.beginTransaction();
            records.forEach((k, v) -> producer.send(new ProducerRecord<>(topic, k, v)));
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    private static String bestRoute(String router, String viewPrefix, int version) {
        ObjectNode r = Commands.JSON.createObjectNode();
        String[] f = viewPrefix.split("\\|");
        r.put("router", router).put("rtmInstance", 0).put("family", f[1].contains(":") ? "ipv6" : "ipv4")
                .put("view", f[0]).put("prefix", f[1]).put("version", version).put("routeId", version)
                .putObject("owner").put("protocolId", 14).put("instanceId", 1);
        r.put("preference", 20).put("metric", version).put("interfaceMetric", 0).put("effectiveMetric", version)
                .putArray("nextHops");
        return r.put("numRoutes", 1).put("lastChanged", version).toString();
    }

    /** The best routes are exactly the live ones, each on its view|prefix partition; the rest of v1 is gone. */
    private static void assertMigrated(String bootstrap, RtmTestApp app, SortedMap<String, String> live)
            throws Exception {
        Topics topics = app.topics();
        List<OutputRecord> best;
        try (CommittedOutputs outputs = new CommittedOutputs(bootstrap, topics, List.of("best-routes",
                "dest-changes", "fleet-routes"))) {
            outputs.readToEnd();
            best = outputs.of("best-routes");
            assertThat(outputs.of("dest-changes")).isEmpty();
            assertThat(outputs.of("fleet-routes")).isEmpty();
        }
        Map<String, String> republished = new TreeMap<>();
        best.forEach(r -> republished.put(r.key(), r.value()));
        assertThat(best).as("one record per live best route").hasSize(live.size());
        assertThat(republished).isEqualTo(live);
        assertThat(best).allSatisfy(r -> assertThat(r.partition()).as(r.key()).isEqualTo(
                Utils.toPositive(Utils.murmur2(viewPrefix(r.key()).getBytes(StandardCharsets.UTF_8))) % PARTITIONS));
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            V1Topics v1 = new V1Topics(topics);
            assertThat(admin.listTopics().names().get()).doesNotContain(v1.fleetUpdates(), v1.staging(),
                    V1Topics.fleetStoreChangelog(app.applicationId()));
            assertThat(TopicAdmin.partitionCounts(admin, topics)).containsEntry(topics.bestRoutes(), PARTITIONS)
                    .containsEntry(topics.destChanges(), PARTITIONS).containsEntry(topics.fleetRoutes(), PARTITIONS);
        }
    }

    private static SortedMap<String, Integer> expectedCounts(SortedMap<String, String> live) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        live.keySet().forEach(k -> counts.merge(viewPrefix(k), 1, Integer::sum));
        return counts;
    }

    private static SortedMap<String, Integer> fleetCounts(List<OutputRecord> fleetRoutes) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        OutputComparison.finalState(fleetRoutes)
                .forEach((k, v) -> counts.put(k, OutputComparison.json(v).get("routerCount").asInt()));
        return counts;
    }

    private static String viewPrefix(String key) {
        String[] f = key.split("\\|");
        return f[f.length - 2] + "|" + f[f.length - 1];
    }

    private static String fleetPage(RtmRuntime runtime, String view, String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + runtime.api().port() + "/v1/fleet/prefixes?view=" + view
                + "&prefix=" + prefix);
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Waiting.until("a fleet page for " + view + "|" + prefix, () -> last.updateAndGet(r -> {
            try {
                return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("the query API did not answer " + uri, e);
            }
        }).statusCode() == 200, () -> "last: " + last.get().statusCode() + " " + last.get().body());
        return last.get().body();
    }
}
