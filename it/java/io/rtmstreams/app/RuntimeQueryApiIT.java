package io.rtmstreams.app;

import io.rtmstreams.it.KafkaTestClients;
import io.rtmstreams.it.KafkaTestClients.KeyValue;
import io.rtmstreams.it.Waiting;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime with its query API on a real (embedded) broker: the API starts on a free port, Kafka Streams
 * advertises that port, the instance recognises itself as the owner of every router (so queries are answered
 * here, not forwarded to itself), and {@code /metrics} carries Kafka Streams' metrics and the processor's counters.
 */
class RuntimeQueryApiIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerQueriesFromItsOwnStateOnceRunning(@TempDir Path data) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig config = new AppConfig(null, data, 0, "rtm-api-it", d.settings(), 3, (short) 1, true,
                Failover.defaults(), 1, "127.0.0.1", 0, null, Map.of());
        try (RtmRuntime runtime = RtmRuntime.start(config)) {
            int port = runtime.api().port();
            assertThat(port).isPositive();
            awaitAnswer(port, "/health/ready", r -> r.statusCode() == 200);

            try (KafkaProducer<String, String> producer =
                         KafkaTestClients.transactionalProducer(runtime.bootstrapServers())) {
                KafkaTestClients.sendInTransaction(producer, config.settings().topics().routeAdverts(), List.of(
                        new KeyValue("r1", "{\"op\": \"REGISTER_ENTITY\", \"requestId\": \"reg\", \"router\": \"r1\", "
                                + "\"entity\": {\"protocolId\": 3, \"instanceId\": 1}, \"family\": \"ipv4\"}"),
                        new KeyValue("r1", "{\"op\": \"ADD_ROUTE\", \"requestId\": \"add\", \"router\": \"r1\", "
                                + "\"entity\": {\"protocolId\": 3, \"instanceId\": 1}, \"dest\": \"10.0.0.0/8\", "
                                + "\"nextHops\": [], \"neighbour\": null, \"preference\": 1, \"metric\": 1, "
                                + "\"views\": [\"unicast\"]}")), true);
            }

            HttpResponse<String> best = awaitAnswer(port, "/v1/routers/r1/best-route?destination=10.1.2.3",
                    r -> r.statusCode() == 200);
            assertThat(best.body()).contains("\"dest\":\"10.0.0.0/8\"");
            assertThat(best.headers().firstValue("X-Rtm-Served-By")).hasValue("127.0.0.1:" + port);

            HttpResponse<String> metrics = awaitAnswer(port, "/metrics",
                    r -> r.body().contains("rtm_commands_total{op=\"ADD_ROUTE\",status=\"NO_ERROR\"} 1.0"));
            assertThat(metrics.body()).contains("kafka_stream_", "rtm_best_route_changes_total 1.0");
        }
    }

    private HttpResponse<String> awaitAnswer(int port, String path, Predicate<HttpResponse<String>> done) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Waiting.until(path + " answering as expected", () -> done.test(last.updateAndGet(r -> get(port, path))),
                () -> "last: " + last.get().statusCode() + " " + last.get().body());
        return last.get();
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
