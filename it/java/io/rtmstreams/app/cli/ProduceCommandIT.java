package io.rtmstreams.app.cli;

import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.KafkaTestClients.KeyValue;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.it.KafkaTestClients.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code rtm-streams produce} against a real broker: what lands on which topic under which key. */
@ExtendWith(BrokerExtension.class)
class ProduceCommandIT {

    private static final String REGISTER = "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"reg\",\"router\":\"r1\","
            + "\"entity\":{\"protocolId\":\"RIP\",\"instanceId\":1},\"family\":\"ipv4\"}";
    private static final String INTERFACE = "{\"router\":\"r2\",\"notificationType\":\"ADD_INSTANCE\","
            + "\"interface\":{\"family\":\"ipv4\",\"interfaceLuid\":\"1\",\"interfaceIndex\":1}}";
    private static final String ADD_ROUTE = "{\"op\":\"ADD_ROUTE\",\"requestId\":\"add\",\"router\":\"r3\","
            + "\"entity\":{\"protocolId\":8,\"instanceId\":1},\"dest\":\"10.0.0.0/8\",\"nextHops\":[],"
            + "\"neighbour\":null,\"preference\":120,\"metric\":2,\"views\":[\"unicast\"]}";

    @Test
    void sendsAFileKeyedByRouterToTheInputTopicsAndReportsTheLinesItSkips(TestBroker broker, @TempDir Path dir)
            throws IOException {
        Topics topics = createTopics(broker);
        Path file = Files.writeString(dir.resolve("commands.jsonl"),
                String.join("\n", REGISTER, INTERFACE, "{\"op\":\"ADD_ROUTE\"}", "", ADD_ROUTE) + "\n");

        CliRunner.Result result = cli().run("produce", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", topics.prefix(), file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("Sent 3 records in [\\d.]+ s \\([\\d,]+ records/s\\): 1 to "
                + topics.interfaceChanges().replace(".", "\\.") + ", 2 to " + topics.routeAdverts().replace(".", "\\.")
                + "\\. Skipped 1 line\\.");
        assertThat(result.err()).contains("line 3 skipped: no \"router\" field");
        assertThat(readAll(broker.bootstrapServers(), topics.routeAdverts(), IsolationLevel.READ_COMMITTED))
                .containsExactlyInAnyOrder(new KeyValue("r1", REGISTER), new KeyValue("r3", ADD_ROUTE));
        assertThat(readAll(broker.bootstrapServers(), topics.interfaceChanges(), IsolationLevel.READ_COMMITTED))
                .containsExactly(new KeyValue("r2", INTERFACE));
    }

    @Test
    void readsStandardInputForADash(TestBroker broker) {
        Topics topics = createTopics(broker);

        CliRunner.Result result = cli().withStdin(REGISTER + "\n" + ADD_ROUTE + "\n").run("produce",
                "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", topics.prefix(), "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(readAll(broker.bootstrapServers(), topics.routeAdverts(), IsolationLevel.READ_COMMITTED))
                .extracting(KeyValue::key).containsExactlyInAnyOrder("r1", "r3");
    }

    @Test
    void strictStopsAtTheFirstBadLineWithExitCodeOne(TestBroker broker) {
        Topics topics = createTopics(broker);

        CliRunner.Result result = cli().withStdin(REGISTER + "\n[]\n" + ADD_ROUTE + "\n").run("produce", "--strict",
                "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", topics.prefix(), "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("produce: line 2: not a JSON object (stopped there: --strict)");
        assertThat(readAll(broker.bootstrapServers(), topics.routeAdverts(), IsolationLevel.READ_COMMITTED))
                .containsExactly(new KeyValue("r1", REGISTER));
    }

    @Test
    void missingTopicsFailBeforeAnythingIsSentAndSayHowToCreateThem(TestBroker broker) {
        String prefix = "it-" + UUID.randomUUID() + ".";

        CliRunner.Result result = cli().withStdin(REGISTER + "\n").run("produce", "--bootstrap-servers",
                broker.bootstrapServers(), "--topic-prefix", prefix, "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("do not all exist on " + broker.bootstrapServers(), "rtm-streams topics");
        assertThat(result.out()).isEmpty();
    }

    private static Topics createTopics(TestBroker broker) {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        CliRunner.Result created = cli().run("topics", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--partitions", "2");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return topics;
    }
}
