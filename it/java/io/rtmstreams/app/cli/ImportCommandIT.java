package io.rtmstreams.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.RtmTestApp;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.it.Waiting;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.streams.OutputSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rtm-streams import} into a running processor on the embedded broker: the RouteViews route-views.jinx RIB
 * (503,590 entries from 14 peers), then an update file of the same collector 105 minutes later. The best route of
 * a sample of prefixes, and of every prefix the updates touch, is the one an oracle computes from the
 * bgpdump-normalized text with D28's per-peer encoding: the lowest (AS-path length, origin, MED) over the peers that
 * have the prefix (any of them on a tie, which RTM breaks by arrival), with one route per peer. The processor runs
 * with best routes and command results only (as {@code run --dest-changes=false --notifications=false
 * --fleet-view=false}): those are what is checked, and the other outputs would triple the time half a million
 * routes take on a CI machine.
 */
@ExtendWith(BrokerExtension.class)
class ImportCommandIT {

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final Path RIB = DATA.resolve(
            "raw/mrt/CAIDA-libbgpstream/test-dumps/routeviews.route-views.jinx.ribs.1401487200.bz2");
    private static final Path UPDATES = DATA.resolve(
            "raw/mrt/CAIDA-libbgpstream/test-dumps/routeviews.route-views.jinx.updates.1401493500.bz2");
    private static final Path RIB_TEXT = DATA.resolve("normalized/rib/routeviews-jinx.rib.20140530.2200.txt.gz");
    private static final Path UPDATES_TEXT = DATA.resolve(
            "normalized/updates/routeviews-jinx.updates.20140530.2345.txt.gz");
    private static final String ROUTER = "rv-jinx";
    private static final int SAMPLE_EVERY = 401;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importsTheRouteViewsRibAndThenItsUpdatesAsTheBestRoutesTheTextPredicts(TestBroker broker,
                                                                                @TempDir Path data)
            throws Exception {
        RtmTestApp unique = RtmTestApp.unique("import", 2);
        RtmTestApp app = new RtmTestApp(unique.name(), unique.applicationId(),
                unique.settings().withOutputs(new OutputSelection(false, false, false, Ack.ALL)), unique.partitions());
        try (RtmRuntime runtime = app.start(broker.bootstrapServers(), data, Map.of())) {
            CliRunner.Result rib = importFile(broker, app, RIB);
            assertThat(rib.out()).contains("Read 497,408 MRT records from 1 file and sent 503,590 routes",
                    "14 peer interfaces", "SYNC answered");
            Oracle oracle = Oracle.ofRib(RIB_TEXT);
            assertBestRoutes(runtime.api().port(), oracle, oracle.sample(SAMPLE_EVERY));
            assertBestRoutes(runtime.api().port(), oracle, oracle.ipv6());

            CliRunner.Result updates = importFile(broker, app, UPDATES);
            assertThat(updates.out()).contains("Read 644 MRT records", "SYNC answered");
            Set<String> touched = oracle.applyUpdates(UPDATES_TEXT);
            assertThat(touched).hasSizeGreaterThan(500);
            assertBestRoutes(runtime.api().port(), oracle, touched);
        }
    }

    @Test
    void failsOnlyWhenNothingCouldBeRead(TestBroker broker) {
        RtmTestApp app = RtmTestApp.unique("import-nothing", 1);
        CliRunner.Result created = cli().run("topics", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", app.topics().prefix(), "--partitions", "1");
        assertThat(created.exitCode()).as(created.err()).isZero();

        CliRunner.Result result = cli().run("import", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", app.topics().prefix(), "--progress", "never",
                DATA.resolve("README.md").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("README.md: offset 0: no MRT record header here",
                "import: no MRT record could be read");
        assertThat(result.out()).contains("Read 0 MRT records", "Skipped: damaged bytes to the end of the input 1");
    }

    private static CliRunner.Result importFile(TestBroker broker, RtmTestApp app, Path file) {
        CliRunner.Result result = cli().run("import", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", app.topics().prefix(), "--router", ROUTER, "--progress", "never", "--wait", "600",
                file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("Failures");
        return result;
    }

    /**
     * Each prefix's unicast view as the oracle predicts it. A mismatch is asked again until the harness's patience
     * runs out: while the group rebalances (a loaded CI machine), the instance may briefly answer from a store that
     * is not there yet.
     */
    private void assertBestRoutes(int port, Oracle oracle, Set<String> prefixes) {
        for (String prefix : prefixes) {
            String[] last = {mismatch(port, prefix, oracle.paths(prefix))};
            if (last[0] != null) {
                Waiting.until(prefix + " as predicted", () -> (last[0] = mismatch(port, prefix,
                        oracle.paths(prefix))) == null, () -> last[0]);
            }
        }
    }

    /** Why the router's unicast view of {@code prefix} is not what {@code paths} predict, or null when it is. */
    private String mismatch(int port, String prefix, Map<String, Long> paths) {
        JsonNode unicast = unicast(port, prefix);
        int routes = unicast == null ? 0 : unicast.path("numRoutes").asInt();
        if (paths.isEmpty()) {
            return routes == 0 ? null : prefix + " should have no route: " + unicast;
        }
        long best = paths.values().stream().min(Long::compare).orElseThrow();
        JsonNode route = unicast == null ? null : unicast.path("route");
        boolean ok = routes == paths.size() && route.path("metric").asLong() == best
                && Long.valueOf(best).equals(paths.get(route.path("neighbour").path("address").asText()));
        return ok ? null : prefix + " should have " + paths.size() + " routes, the best of metric " + best
                + " from one of " + paths + "; it has " + unicast;
    }

    /** The unicast view of the router's destination {@code prefix}, or null when it has none. */
    private JsonNode unicast(int port, String prefix) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/routers/" + ROUTER + "/destinations?prefix="
                + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            for (JsonNode view : JSON.readTree(response.body()).path("destination").path("views")) {
                if (view.path("view").asText().equals("unicast")) {
                    return view;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Per prefix, each peer's D28 metric, from the normalized text; updates applied in order. */
    private static final class Oracle {

        private final Map<String, Map<String, Long>> paths = new HashMap<>();
        private final List<String> order = new ArrayList<>();

        static Oracle ofRib(Path text) throws IOException {
            Oracle oracle = new Oracle();
            forEachLine(text, f -> oracle.announce(f[2], f[0], f[4], f[5], f[6]));
            return oracle;
        }

        /** Applies the updates; returns the prefixes they touched. */
        Set<String> applyUpdates(Path text) throws IOException {
            Set<String> touched = new LinkedHashSet<>();
            forEachLine(text, f -> {
                switch (f[1]) {
                    case "A" -> touched.add(announce(f[4], f[2], f[6], f[7], f[8]));
                    case "W" -> {
                        String prefix = canonical(f[4]);
                        paths.getOrDefault(prefix, new HashMap<>()).remove(IpAddress.parse(f[2]).toString());
                        touched.add(prefix);
                    }
                    default -> {
                        if (f[4].equals("6") && !f[5].equals("6")) {
                            String peer = IpAddress.parse(f[2]).toString();
                            paths.forEach((prefix, byPeer) -> {
                                if (byPeer.remove(peer) != null) {
                                    touched.add(prefix);
                                }
                            });
                        }
                    }
                }
            });
            return touched;
        }

        Set<String> sample(int every) {
            Set<String> sample = new LinkedHashSet<>();
            for (int i = 0; i < order.size(); i += every) {
                sample.add(order.get(i));
            }
            return sample;
        }

        /** The IPv6 prefixes, few in this table and so rarely in a sample. */
        Set<String> ipv6() {
            Set<String> ipv6 = new LinkedHashSet<>();
            order.stream().filter(p -> p.contains(":")).forEach(ipv6::add);
            return ipv6;
        }

        Map<String, Long> paths(String prefix) {
            return paths.getOrDefault(prefix, Map.of());
        }

        private String announce(String prefixText, String peer, String pathLength, String origin, String med) {
            String prefix = canonical(prefixText);
            long originCode = switch (origin) {
                case "IGP" -> 0;
                case "EGP" -> 1;
                default -> 2;
            };
            long metric = Math.min(Long.parseLong(pathLength), 255) << 24 | originCode << 22
                    | Math.min(Long.parseLong(med), (1L << 22) - 1);
            paths.computeIfAbsent(prefix, p -> {
                order.add(p);
                return new HashMap<>();
            }).put(IpAddress.parse(peer).toString(), metric);
            return prefix;
        }

        private static String canonical(String prefix) {
            return Prefix.parse(prefix).toString();
        }

        private static void forEachLine(Path text, Consumer<String[]> fields) throws IOException {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(text), 1 << 16), StandardCharsets.US_ASCII))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.startsWith("#")) {
                        fields.accept(line.split("\\|", -1));
                    }
                }
            }
        }
    }
}
