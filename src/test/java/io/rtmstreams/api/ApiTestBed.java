package io.rtmstreams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real topology on a {@link TopologyTestDriver} counting into {@link ApiMetrics}, and the query server over it
 * on a free port of 127.0.0.1, reached with the JDK's HTTP client. Inputs are written with single quotes for
 * readability ({@code {'op': 'ADD_ROUTE'}}); every command's result is kept by request id.
 */
final class ApiTestBed implements AutoCloseable {

    /** An HTTP answer: status, content type, served-by header, body text and the body as JSON (null if not JSON). */
    record Reply(int status, String contentType, String servedBy, String text, JsonNode json) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final StreamsSettings settings;
    final ApiMetrics metrics = new ApiMetrics();
    final TopologyTestDriver driver;
    final DriverState state;
    final QueryServer server;
    private final Path stateDir;
    private final TestInputTopic<String, String> adverts;
    private final TestInputTopic<String, String> interfaces;
    private final TestOutputTopic<String, String> results;
    private final Map<String, JsonNode> resultsById = new LinkedHashMap<>();
    private long clock;

    ApiTestBed(StreamsSettings settings) {
        this.settings = settings;
        try {
            stateDir = Files.createTempDirectory("rtm-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = StreamsProperties.of(settings, "rtm-api-test", "unused:9092", stateDir.toString(), true,
                Map.of());
        driver = new TopologyTestDriver(RtmTopology.build(settings, metrics.processor()), p, Instant.EPOCH);
        Topics t = settings.topics();
        adverts = driver.createInputTopic(t.routeAdverts(), new StringSerializer(), new StringSerializer());
        interfaces = driver.createInputTopic(t.interfaceChanges(), new StringSerializer(), new StringSerializer());
        results = driver.createOutputTopic(t.commandResults(), new StringDeserializer(), new StringDeserializer());
        state = new DriverState(driver);
        server = QueryServer.start("127.0.0.1", 0, "127.0.0.1", settings, metrics);
        server.serve(state);
    }

    ApiTestBed() {
        this(StreamsSettings.defaults());
    }

    /** Sends commands (single-quoted JSON) keyed by their router, and returns their results. */
    List<JsonNode> advert(String... commands) {
        Stream.of(commands).forEach(c -> pipe(adverts, c));
        return drainResults();
    }

    /** Sends interface changes (single-quoted JSON) keyed by their router, and returns their results. */
    List<JsonNode> iface(String... changes) {
        Stream.of(changes).forEach(c -> pipe(interfaces, c));
        return drainResults();
    }

    /** The result of the command with this request id. */
    JsonNode result(String requestId) {
        JsonNode r = resultsById.get(requestId);
        if (r == null) {
            throw new IllegalArgumentException("no result for " + requestId);
        }
        return r;
    }

    /** The route id the command with this request id was given. */
    long routeId(String requestId) {
        return result(requestId).get("routeId").asLong();
    }

    /** Advances the driver's wall clock (punctuations fire timers, D8). */
    void advance(Duration d) {
        clock += d.toMillis();
        driver.advanceWallClockTime(d);
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    Reply send(String method, String pathAndQuery) {
        return request(server.port(), method, pathAndQuery, Map.of());
    }

    /** A request to the server on {@code port} of 127.0.0.1. */
    static Reply request(int port, String method, String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") ? Json.MAPPER.readTree(r.body()) : null;
            return new Reply(r.statusCode(), type, r.headers().firstValue(Forwarder.SERVED_BY).orElse(null), r.body(),
                    json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private void pipe(TestInputTopic<String, String> topic, String singleQuoted) {
        String value = json(singleQuoted);
        try {
            topic.pipeInput(Json.MAPPER.readTree(value).get("router").asText(), value, Instant.ofEpochMilli(clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> drainResults() {
        return results.readValuesToList().stream().map(v -> {
            try {
                JsonNode n = Json.MAPPER.readTree(v);
                if (n.hasNonNull("requestId")) {
                    resultsById.put(n.get("requestId").asText(), n);
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        server.close();
        driver.close();
        metrics.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
