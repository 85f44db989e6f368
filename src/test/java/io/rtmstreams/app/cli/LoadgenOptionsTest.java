package io.rtmstreams.app.cli;

import io.rtmstreams.app.loadgen.ChurnMix;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.LoadPlan;
import io.rtmstreams.app.loadgen.RibEntry;
import io.rtmstreams.app.loadgen.RibText;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.app.cli.RunCommandTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** The options of {@code loadgen}: defaults, variables, the plan they describe, and what is refused. */
class LoadgenOptionsTest {

    private static final List<RibEntry> TABLE = table(1_000);

    @Test
    void defaultsAreThreeRoutersWithTheJinxPeersWholeTableInFullBatchesThenAHundredThousandEvents() {
        LoadgenCommand command = parse(Map.of());
        CommandLine line = command(Map.of());

        LoadPlan plan = command.plan(TABLE);

        assertThat((Path) value(line, "--rib")).isEqualTo(Path.of(RibText.DEFAULT_FILE));
        assertThat((String) value(line, "--peer")).isEqualTo("196.223.14.55");
        assertThat((String) value(line, "--bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat((boolean) value(line, "--wait")).isTrue();
        assertThat((ProgressMode) value(line, "--progress")).isEqualTo(ProgressMode.AUTO);
        assertThat(plan.shape().routers()).containsExactly("r1", "r2", "r3");
        assertThat(plan.shape().table(2)).isEqualTo(TABLE);
        assertThat(plan.shape().interfaces()).isEqualTo(4);
        assertThat(plan.shape().peers()).isEqualTo(1);
        assertThat(plan.batch()).isEqualTo(5_000);
        assertThat(plan.count()).isEqualTo(100_000);
        assertThat(plan.duration()).isNull();
        assertThat(plan.rate()).isZero();
        assertThat(plan.mix()).isEqualTo(new ChurnMix(90, 10, 0));
        assertThat(plan.seed()).isEqualTo(1);
    }

    @Test
    void everyOptionHasItsVariable() {
        Map<String, String> environment = Map.ofEntries(Map.entry("RTM_ROUTERS", "5"),
                Map.entry("RTM_ROUTER_PREFIX", "edge-"), Map.entry("RTM_PREFIXES", "100"),
                Map.entry("RTM_LAYOUT", "split"), Map.entry("RTM_INTERFACES", "2"), Map.entry("RTM_PEERS", "3"),
                Map.entry("RTM_BATCH", "1"), Map.entry("RTM_DURATION", "30"), Map.entry("RTM_RATE", "2500.5"),
                Map.entry("RTM_MIX", "1:2:3"), Map.entry("RTM_SEED", "42"), Map.entry("RTM_WAIT", "false"));

        LoadPlan plan = parse(environment).plan(TABLE);

        assertThat(plan.shape().routers()).containsExactly("edge-1", "edge-2", "edge-3", "edge-4", "edge-5");
        assertThat(plan.shape().layout()).isEqualTo(FleetShape.Layout.SPLIT);
        assertThat(plan.shape().routes()).isEqualTo(100 * 3);
        assertThat(plan.shape().interfaces()).isEqualTo(2);
        assertThat(plan.batch()).isEqualTo(1);
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.rate()).isEqualTo(2500.5);
        assertThat(plan.mix()).isEqualTo(new ChurnMix(1, 2, 3));
        assertThat(plan.seed()).isEqualTo(42);
        assertThat((boolean) value(command(environment), "--wait")).isFalse();
    }

    @Test
    void theSeedDrawsThePrefixes() {
        List<RibEntry> drawn = parse(Map.of(), "--prefixes", "50", "--seed", "3").plan(TABLE).shape().table(0);

        assertThat(drawn).hasSize(50).isSubsetOf(TABLE);
        assertThat(parse(Map.of(), "--prefixes", "50", "--seed", "3").plan(TABLE).shape().table(0)).isEqualTo(drawn);
        assertThat(parse(Map.of(), "--prefixes", "50", "--seed", "4").plan(TABLE).shape().table(0))
                .isNotEqualTo(drawn);
    }

    @Test
    void refusesWhatNoFleetCouldBe(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            text.append("196.223.14.55|1|10.").append(i).append(".0.0/16|10.0.0.1|1|IGP|0|0|1\n");
        }
        Path rib = Files.writeString(dir.resolve("rib.txt"), text);

        assertUsageError(run(rib, "--batch", "5001"), "'--batch': 5001 (must be 1 to 5000)");
        assertUsageError(run(rib, "--interfaces", "0"), "'--interfaces': 0 (must be 1 to 255)");
        assertUsageError(run(rib, "--peers", "17"), "'--peers': 17 (must be 1 to 16)");
        assertUsageError(run(rib, "--routers", "0"), "'--routers': 0 (must be at least 1)");
        assertUsageError(run(rib, "--mix", "1:2"), "is not UPDATES:WITHDRAWALS:FLAPS");
        assertUsageError(run(rib, "--rate", "-1"), "--count and --rate are not negative");
        assertUsageError(run(rib, "--interfaces", "9"), "at least one prefix per interface (9); it has 8");
        assertUsageError(run(dir.resolve("none.txt.gz")), "--rib: no such file: " + dir.resolve("none.txt.gz"));
    }

    private static CliRunner.Result run(Path rib, String... args) {
        List<String> all = new ArrayList<>(List.of("loadgen", "--bootstrap-servers", "localhost:1", "--rib",
                rib.toString()));
        all.addAll(List.of(args));
        return cli().run(all.toArray(String[]::new));
    }

    private static LoadgenCommand parse(Map<String, String> environment, String... args) {
        return command(environment, args).getCommand();
    }

    private static CommandLine command(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of("loadgen"));
        all.addAll(List.of(args));
        return cli().withEnvironment(environment).commandLine().parseArgs(all.toArray(String[]::new)).subcommand()
                .commandSpec().commandLine();
    }

    private static <T> T value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }

    private static List<RibEntry> table(int n) {
        List<RibEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RibEntry(Prefix.of(IpAddress.ipv4(0x0A00_0000 | i << 8), 24), IpAddress.parse("192.0.2.1"),
                    2, RibEntry.Origin.IGP, 0));
        }
        return out;
    }
}
