package io.rtmstreams.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.app.AppConfig;
import io.rtmstreams.contract.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Calls the query API (contract.md, Query API) and prints its answer; HTTP errors become exit codes 4 and 5. */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = "Calls the query API of a running 'rtm-streams run' and prints its JSON answer (errors too, "
                + "with exit code 4 for 4xx and 5 for 5xx).",
        footerHeading = "%nPaths (contract.md, Query API):%n",
        footer = {
            "  /v1/routers/{router}/best-route             destination= source= interfaceLuid= interfaceIndex=",
            "  /v1/routers/{router}/destinations           prefix= views= protocol=",
            "  /v1/routers/{router}/destinations/most-specific   prefix=",
            "  /v1/routers/{router}/destinations/less-specific   prefix=",
            "  /v1/routers/{router}/destinations/enum      family= views= start= range= limit= cursor=",
            "  /v1/routers/{router}/routes                 prefix= entity= views=",
            "  /v1/routers/{router}/routes/{routeId}",
            "  /v1/routers/{router}/nexthops               entity=",
            "  /v1/routers/{router}/route-lists/{name}     entity=",
            "  /v1/routers/{router}/entities               family=",
            "  /v1/routers/{router}/interfaces             family=",
            "  /v1/fleet/prefixes                          prefix= view= limit= cursor=",
            "  /health, /metrics",
            "",
            "Examples:",
            "  rtm-streams query /v1/routers/r1/best-route destination=10.1.2.3 --pretty",
            "  rtm-streams query /v1/routers/r1/destinations prefix=10.0.0.0/8 views=unicast",
            "  rtm-streams query /health"})
final class QueryCommand implements Callable<Integer> {

    static final String DEFAULT_API = AppConfig.defaults().apiUrl();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The API path, starting with /.")
    private String path;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", showDefaultValue = Help.Visibility.NEVER,
            description = "Query parameters (URL-encoded for you), e.g. destination=10.1.2.3.")
    private List<String> parameters = new ArrayList<>();

    @Option(names = "--api", paramLabel = "URL", description = "Base URL of the query API.")
    private String api = DEFAULT_API;

    @Option(names = "--pretty", description = "Indent the JSON answer.")
    private boolean pretty;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the answer.")
    private int timeoutSeconds = 10;

    @Override
    public Integer call() throws Exception {
        URI uri = uri();
        Duration timeout = Duration.ofSeconds(OptionChecks.atLeast(spec, "--timeout", timeoutSeconds, 1));
        HttpResponse<String> response = get(uri, timeout);
        print(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            spec.commandLine().getErr().println("query: HTTP " + status + " from GET " + uri);
        }
        return exitCode(status);
    }

    /** {@code --api} + {@code PATH} + the parameters, each name and value URL-encoded. */
    URI uri() {
        if (!path.startsWith("/")) {
            throw new ParameterException(spec.commandLine(), "PATH must start with /: " + path);
        }
        String query = parameters.stream().map(this::encodeParameter).collect(Collectors.joining("&"));
        String separator = query.isEmpty() ? "" : path.contains("?") ? "&" : "?";
        String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        try {
            return URI.create(base + path + separator + query);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "not a valid URL: " + e.getMessage());
        }
    }

    private String encodeParameter(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals < 1) {
            throw new ParameterException(spec.commandLine(),
                    "a query parameter must be NAME=VALUE, not '" + parameter + "'");
        }
        return encode(parameter.substring(0, equals)) + "=" + encode(parameter.substring(equals + 1));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> get(URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot connect to the query API at " + api
                    + " (is 'rtm-streams run' running there?)", e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("no answer from " + uri + " within " + timeout.toSeconds() + " s", e);
        }
    }

    private void print(String body) {
        String text = pretty ? prettyJson(body) : body;
        if (!text.isEmpty()) {
            spec.commandLine().getOut().println(text.stripTrailing());
        }
    }

    /** The body indented, or as it is when it is not JSON (the Prometheus text of /metrics). */
    private static String prettyJson(String body) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    static int exitCode(int status) {
        return switch (status / 100) {
            case 2 -> ExitCodes.OK;
            case 4 -> ExitCodes.HTTP_CLIENT_ERROR;
            case 5 -> ExitCodes.HTTP_SERVER_ERROR;
            default -> ExitCodes.FAILURE;
        };
    }
}
