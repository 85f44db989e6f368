package io.rtmstreams.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.app.cli.RunCommandTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code query} against a stand-in HTTP server that answers like the query API (contract.md, Query API). */
class QueryCommandTest {

    private static final String BEST_ROUTE = "{\"route\":{\"routeId\":1},\"effectiveMetric\":27,\"stale\":false}";
    private static final String NOT_FOUND = "{\"status\":\"ERROR_NOT_FOUND\",\"code\":1168,\"message\":\"no route\"}";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/routers/r1/best-route", exchange -> answer(exchange, 200, BEST_ROUTE));
        server.createContext("/v1/routers/r9/best-route", exchange -> answer(exchange, 404, NOT_FOUND));
        server.createContext("/v1/fleet/prefixes", exchange -> answer(exchange, 503, "{\"status\":\"unavailable\"}"));
        server.createContext("/metrics", exchange -> answer(exchange, 200, "rtm_commands_total 12\n"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void printsTheAnswerOfAPathWithEncodedParameters() {
        CliRunner.Result result = cli().run("query", "--api", api(), "/v1/routers/r1/best-route",
                "destination=10.1.2.3", "source=2001:db8::1", "note=a b&c");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(BEST_ROUTE + System.lineSeparator());
        assertThat(requests).containsExactly(
                "GET /v1/routers/r1/best-route?destination=10.1.2.3&source=2001%3Adb8%3A%3A1&note=a%20b%26c");
    }

    @Test
    void prettyIndentsTheJson() {
        CliRunner.Result result = cli().run("query", "--api", api() + "/", "/v1/routers/r1/best-route", "--pretty");

        assertThat(result.out()).contains("{" + System.lineSeparator(), "  \"effectiveMetric\" : 27");
    }

    @Test
    void prettyLeavesTextThatIsNotJsonAsItIs() {
        CliRunner.Result result = cli().run("query", "--api", api(), "/metrics", "--pretty");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("rtm_commands_total 12" + System.lineSeparator());
    }

    @Test
    void parametersAddToAQueryStringInThePath() {
        cli().run("query", "--api", api(), "/v1/routers/r1/best-route?destination=10.1.2.3", "interfaceIndex=3");

        assertThat(requests).containsExactly("GET /v1/routers/r1/best-route?destination=10.1.2.3&interfaceIndex=3");
    }

    @Test
    void aClientErrorPrintsTheErrorAnswerAndExitsWithFour() {
        CliRunner.Result result = cli().run("query", "--api", api(), "/v1/routers/r9/best-route",
                "destination=10.1.2.3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.HTTP_CLIENT_ERROR);
        assertThat(result.out()).contains(NOT_FOUND);
        assertThat(result.err()).contains("HTTP 404 from GET " + api() + "/v1/routers/r9/best-route");
    }

    @Test
    void aServerErrorExitsWithFive() {
        CliRunner.Result result = cli().run("query", "--api", api(), "/v1/fleet/prefixes", "prefix=10.0.0.0/8");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.HTTP_SERVER_ERROR);
        assertThat(result.err()).contains("HTTP 503");
    }

    @Test
    void theApiComesFromItsVariable() {
        CliRunner.Result result = cli().withEnvironment(Map.of("RTM_API", api())).run("query", "/metrics");

        assertThat(result.exitCode()).isZero();
        assertThat(requests).containsExactly("GET /metrics");
    }

    @Test
    void anUnreachableApiIsAFailureThatSaysWhere() throws IOException {
        String closed = "http://127.0.0.1:" + freePort();

        CliRunner.Result result = cli().run("query", "--api", closed, "/health");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("rtm-streams query: cannot connect to the query API at " + closed);
    }

    @Test
    void pathsAndParametersAreChecked() {
        assertUsageError(cli().run("query", "v1/fleet/prefixes"), "PATH must start with /: v1/fleet/prefixes");
        assertUsageError(cli().run("query", "/v1/fleet/prefixes", "10.0.0.0/8"),
                "a query parameter must be NAME=VALUE, not '10.0.0.0/8'");
        assertUsageError(cli().run("query", "/health", "--timeout", "0"), "'--timeout': 0 (must be at least 1)");
    }

    private String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
