package io.rtmstreams.app.cli;

import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.app.loadgen.FleetModel;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.LoadPlan;
import io.rtmstreams.app.loadgen.LoadRun;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.CommittedOutputs;
import io.rtmstreams.it.OutputComparison;
import io.rtmstreams.it.RtmTestApp;
import io.rtmstreams.it.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rtm-streams loadgen} against a running processor on the real broker: a small fleet drawn from the
 * RouteViews table of ../shared/data is loaded and churned (updates, withdrawals, flaps), and the committed best
 * routes are then exactly those the generator's own model says must remain, route ids (D22) included.
 */
@ExtendWith(BrokerExtension.class)
class LoadgenCommandIT {

    @Test
    void aBatchedFleetLoadedAndChurnedEndsWithTheBestRoutesOfTheGeneratorsModel(TestBroker broker,
                                                                                @TempDir Path dir) throws Exception {
        RtmTestApp app = RtmTestApp.unique("loadgen", 2);
        String[] args = args(broker, app, "--routers", "3", "--prefixes", "2000", "--interfaces", "4", "--peers",
                "2", "--batch", "500", "--count", "3000", "--mix", "70:25:5", "--seed", "7");

        try (RtmRuntime runtime = app.start(broker.bootstrapServers(), dir, Map.of())) {
            CliRunner.Result result = cli().run(args);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("loadgen: 3 routers carrying 2,000 prefixes each (drawn from the "
                    + "peer's 497,321), 4 interfaces and 2 peers each: 12,000 routes")
                    .containsPattern("initial load: 42 records, 12,000 adverts sent in [\\d.]+ s; last SYNC "
                            + "result after [\\d.]+ s: [\\d,]+ adverts/s")
                    .containsPattern("churn of 3,000 events \\([\\d,]+ updates, [\\d,]+ withdrawals, [1-9][\\d,]* "
                            + "flaps\\)")
                    .contains("total: ").doesNotContain("failed");
            assertBestRoutesAsModelled(broker, app, args);
        }
    }

    @Test
    void singleCommandsPacedAtARateEndTheSameWay(TestBroker broker, @TempDir Path dir) throws Exception {
        RtmTestApp app = RtmTestApp.unique("loadgen-singles", 1);
        String[] args = args(broker, app, "--routers", "2", "--prefixes", "300", "--interfaces", "3", "--batch", "1",
                "--count", "600", "--rate", "1500", "--mix", "60:35:5", "--seed", "11");

        try (RtmRuntime runtime = app.start(broker.bootstrapServers(), dir, Map.of())) {
            CliRunner.Result result = cli().run(args);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("churn of 600 events").doesNotContain("failed");
            assertBestRoutesAsModelled(broker, app, args);
        }
    }

    private static String[] args(TestBroker broker, RtmTestApp app, String... options) {
        List<String> all = new ArrayList<>(List.of("loadgen", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", app.topics().prefix(), "--progress", "never"));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    /** The committed best routes, key by key, against the model a run of the same command line leaves. */
    private static void assertBestRoutesAsModelled(TestBroker broker, RtmTestApp app, String[] args)
            throws Exception {
        Map<String, String> expected = expected(args);
        Map<String, String> actual = new TreeMap<>();
        try (CommittedOutputs outputs = new CommittedOutputs(broker.bootstrapServers(), app.topics(),
                List.of("best-routes"))) {
            OutputComparison.finalState(outputs.readToEnd().of("best-routes"))
                    .forEach((key, value) -> actual.put(key, describe(read(value))));
        }
        List<String> differences = new ArrayList<>();
        expected.forEach((key, route) -> {
            if (!route.equals(actual.get(key))) {
                differences.add(key + ": " + actual.get(key) + " instead of " + route);
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differences.add(k + ": extra"));
        assertThat(differences.subList(0, Math.min(20, differences.size())))
                .as("%d best routes expected, %d committed, %d differ; the first", expected.size(), actual.size(),
                        differences.size()).isEmpty();
        assertThat(expected).hasSizeGreaterThan(100);
    }

    /** What the generator's model says must remain after the command line {@code args}. */
    private static Map<String, String> expected(String[] args) throws IOException, InterruptedException {
        LoadgenCommand command = cli().commandLine().parseArgs(args).subcommand().commandSpec().commandLine()
                .getCommand();
        LoadPlan plan = command.plan(command.table());
        FleetModel model = LoadRun.simulate(plan);
        Map<String, String> expected = new TreeMap<>();
        FleetShape shape = plan.shape();
        for (int r = 0; r < shape.routerCount(); r++) {
            String router = shape.router(r);
            model.expectedBest(r).forEach((prefix, route) -> expected.put(router + "|0|unicast|" + prefix,
                    summary(route.routeId(), route.metric(), route.effectiveMetric(), route.neighbour().toString(),
                            route.interfaceIndex())));
        }
        return expected;
    }

    private static String describe(OutputJson.BestRoute route) {
        assertThat(route.nextHops()).extracting(OutputJson.NextHop::address)
                .containsExactly(route.neighbour().address());
        return summary(route.routeId(), route.metric(), route.effectiveMetric(), route.neighbour().address(),
                route.neighbour().interfaceIndex());
    }

    private static String summary(long routeId, long metric, long effectiveMetric, String neighbour,
                                  long interfaceIndex) {
        return String.format("id %d, metric %d (%d), from %s on %d", routeId, metric, effectiveMetric, neighbour,
                interfaceIndex);
    }

    private static OutputJson.BestRoute read(String json) {
        try {
            return Json.MAPPER.readValue(json, OutputJson.BestRoute.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
