package io.rtmstreams.app.cli;

import io.rtmstreams.app.importer.CostMode;
import io.rtmstreams.app.importer.RecordTimes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.app.cli.RunCommandTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** The options of {@code import}: defaults (the broker {@code run} embeds, D28's distances, the import's clock),
 * variables, mistakes. */
class ImportOptionsTest {

    @Test
    void importDefaultsToTheEmbeddedBrokerPerPeerCostsAndTheAdministrativeDistances() {
        CommandLine command = parse(Map.of(), "rib.bz2");

        assertThat((String) value(command, "--bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat((String) value(command, "--router")).isEqualTo("mrt");
        assertThat((CostMode) value(command, "--cost")).isEqualTo(CostMode.PER_PEER);
        assertThat((long) value(command, "--ebgp-preference")).isEqualTo(20);
        assertThat((long) value(command, "--ibgp-preference")).isEqualTo(200);
        assertThat((boolean) value(command, "--interface-per-path")).isFalse();
        assertThat((RecordTimes) value(command, "--timestamps")).isEqualTo(RecordTimes.IMPORT);
    }

    @Test
    void importReadsItsVariablesAndTheCostModeByItsName() {
        CommandLine command = parse(Map.of("RTM_ROUTER", "rv-jinx", "RTM_RTM_INSTANCE", "3", "RTM_LOCAL_AS", "6447"),
                "--cost", "loc-rib", "--timestamps", "mrt", "rib.bz2");

        assertThat((String) value(command, "--router")).isEqualTo("rv-jinx");
        assertThat((int) value(command, "--rtm-instance")).isEqualTo(3);
        assertThat((Long) value(command, "--local-as")).isEqualTo(6447L);
        assertThat((CostMode) value(command, "--cost")).isEqualTo(CostMode.LOC_RIB);
        assertThat((RecordTimes) value(command, "--timestamps")).isEqualTo(RecordTimes.MRT);
    }

    @Test
    void importRefusesMissingFilesAndBadRoutersBeforeConnecting() {
        assertUsageError(cli().run("import"), "Missing required parameter: 'FILE'");
        assertUsageError(cli().run("import", "no-such.bz2", "--bootstrap-servers", "localhost:1"),
                "FILE: no such file: no-such.bz2");
        assertUsageError(cli().run("import", "--router", "a b", "x"), "Invalid value for option '--router'");
        assertUsageError(cli().run("import", "--rtm-instance", "70000", "x"), "'--rtm-instance': 70000");
    }

    private static CommandLine parse(Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli().withEnvironment(environment).commandLine().parseArgs(all).subcommand().commandSpec()
                .commandLine();
    }

    private static <T> T value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }
}
