package io.rtmstreams.app.cli;

import io.rtmstreams.it.KafkaTestClients;
import io.rtmstreams.it.KafkaTestClients.KeyValue;
import io.rtmstreams.it.Waiting;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code rtm-streams run} in this JVM with no cluster given: it starts the embedded broker and the processor, says
 * where the broker listens, processes commands that {@code produce} sends from a file, and stops cleanly when asked.
 */
class RunCommandIT {

    /** Generous: broker start, topic creation and the first rebalance share two cores with the rest of the build. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final Pattern EMBEDDED_BROKER = Pattern.compile("Kafka\\s+(\\S+):(\\d+) \\(embedded broker");

    private static final String REGISTER = "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"reg-rip\",\"router\":\"r1\","
            + "\"entity\":{\"protocolId\":\"RIP\",\"instanceId\":1},\"family\":\"ipv4\"}";
    private static final String ADD_ROUTE = "{\"op\":\"ADD_ROUTE\",\"requestId\":\"rip-add\",\"router\":\"r1\","
            + "\"entity\":{\"protocolId\":8,\"instanceId\":1},\"dest\":\"10.0.0.0/8\","
            + "\"nextHops\":[{\"address\":\"192.0.2.1\",\"interfaceIndex\":1}],"
            + "\"neighbour\":{\"address\":\"192.0.2.1\",\"interfaceIndex\":1},"
            + "\"preference\":120,\"metric\":2,\"views\":[\"unicast\"]}";

    private final ExecutorService commandThread = Executors.newSingleThreadExecutor();

    @Test
    void runsOnTheEmbeddedBrokerProcessesProducedCommandsAndStopsCleanly(@TempDir Path dir) throws Exception {
        CliRunner runner = cli();
        CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> runner.run("run",
                "--data-dir", dir.resolve("data").toString(), "--embedded-port", "0", "--api-port", "0"),
                commandThread);
        try {
            String banner = awaitOutput(runner, run, "Stop with Ctrl-C or SIGTERM.");
            Matcher broker = EMBEDDED_BROKER.matcher(banner);
            assertThat(broker.find()).as(banner).isTrue();
            String bootstrap = broker.group(1) + ":" + broker.group(2);
            assertThat(banner).contains("new data in " + dir.resolve("data/kafka").toAbsolutePath(),
                    "rtm.route-adverts", "rtm.best-routes", "compact", "created", "query API  http://127.0.0.1:");
            assertThat(banner).as("the bound port, not the configured 0").doesNotContain("query API  http://127.0.0.1:0\n")
                    .containsPattern("query API  http://127\\.0\\.0\\.1:[1-9][0-9]*");

            Path commands = Files.writeString(dir.resolve("commands.jsonl"), REGISTER + "\n" + ADD_ROUTE + "\n");
            CliRunner.Result produced = cli().run("produce", "--bootstrap-servers", bootstrap, commands.toString());
            assertThat(produced.exitCode()).as(produced.err()).isZero();

            List<KeyValue> results = awaitRecords(bootstrap, "rtm.command-results", r -> r.size() >= 2);
            assertThat(results).extracting(KeyValue::key).containsExactly("r1", "r1");
            assertThat(results.get(0).value()).contains("\"requestId\":\"reg-rip\"", "\"status\":\"NO_ERROR\"");
            assertThat(results.get(1).value()).contains("\"requestId\":\"rip-add\"", "\"status\":\"NO_ERROR\"",
                    "\"changeFlags\":[\"NEW\",\"BEST\"]");
            assertThat(awaitRecords(bootstrap, "rtm.best-routes", r -> !r.isEmpty()))
                    .extracting(KeyValue::key).containsExactly("r1|0|unicast|10.0.0.0/8");

            runner.stopSignal().request();
            CliRunner.Result stopped = run.get(2, TimeUnit.MINUTES);
            assertThat(stopped.exitCode()).as(stopped.err()).isZero();
            assertThat(stopped.out()).contains("Stopping rtm-streams (leaving the consumer group, then stopping the "
                    + "embedded broker)...");
            assertThat(runner.stopSignal().awaitFinished(Duration.ZERO)).isTrue();
            assertThatThrownBy(() -> connect(broker.group(1), Integer.parseInt(broker.group(2))))
                    .isInstanceOf(ConnectException.class);
        } finally {
            runner.stopSignal().request();
            commandThread.shutdown();
            assertThat(commandThread.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** Waits until {@code run} printed {@code text}, failing early with its output if it ended instead. */
    private static String awaitOutput(CliRunner runner, CompletableFuture<CliRunner.Result> run, String text) {
        Waiting.until("run printing '" + text + "'", START_PATIENCE, () -> {
            if (runner.out().contains(text)) {
                return true;
            }
            if (run.isDone()) {
                throw new AssertionError("run ended before printing '" + text + "': " + run.join());
            }
            return false;
        }, () -> "it printed:\n" + runner.out() + runner.err());
        return runner.out();
    }

    private static List<KeyValue> awaitRecords(String bootstrap, String topic, Predicate<List<KeyValue>> enough) {
        AtomicReference<List<KeyValue>> records = new AtomicReference<>();
        Waiting.until(topic + " holding the records expected", () -> enough.test(records.updateAndGet(
                r -> KafkaTestClients.readAll(bootstrap, topic, IsolationLevel.READ_COMMITTED))),
                () -> topic + " holds only " + records.get());
        return records.get();
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
        }
    }
}
