package io.rtmstreams.app.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} explains every option and names its environment variable; {@code --version} says what runs. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "topics", "produce", "loadgen", "query", "migrate-v1"})
    void helpNamesTheVariableOfEveryOptionExceptHelpAndVersion(String command) {
        CliRunner.Result result = cli().run(command, "--help");
        List<OptionSpec> options = cli().commandLine().getSubcommands().get(command).getCommandSpec().options();

        assertThat(result.exitCode()).isZero();
        for (OptionSpec option : options) {
            assertThat(result.out()).contains(option.longestName());
            EnvironmentDefaults.variableOf(option).ifPresentOrElse(
                    variable -> assertThat(result.out()).contains("Env: " + variable),
                    () -> assertThat(option.usageHelp() || option.versionHelp()).isTrue());
            assertThat(option.description()).as(option.longestName()).isNotEmpty();
        }
    }

    @Test
    void runHelpNamesItsVariablesAndDefaults() {
        String help = cli().run("run", "--help").out();

        assertThat(help).contains("Env: RTM_BOOTSTRAP_SERVERS", "Env: RTM_DATA_DIR", "Env: RTM_EMBEDDED_PORT",
                "Env: RTM_APPLICATION_ID", "Env: RTM_TOPIC_PREFIX", "Env: RTM_PARTITIONS",
                "Env: RTM_REPLICATION_FACTOR", "Env: RTM_PROCESSING_GUARANTEE", "Env: RTM_STANDBY_REPLICAS",
                "Env: RTM_STREAM_THREADS", "Env: RTM_MAX_NEXT_HOPS", "Env: RTM_AUTO_REGISTER",
                "Env: RTM_STRICT_INTERFACES", "Env: RTM_METRIC_TABLE", "Env: RTM_DEST_CHANGES",
                "Env: RTM_NOTIFICATIONS", "Env: RTM_FLEET_VIEW", "Env: RTM_RESULTS", "Env: RTM_API_HOST",
                "Env: RTM_API_PORT",
                "Env: RTM_ADVERTISED_HOST", "Env: RTM_KAFKA_PROPERTY_<KEY>", "Env: RTM_KAFKA_CONFIG");
        assertThat(help).contains("Default: rtm-data", "Default: 9092", "Default: 127.0.0.1", "Default: 8080",
                "Default: exactly_once_v2", "exactly_once_v2, at_least_once", "WINDOWS_10, VISTA");
    }

    @Test
    void helpShowsDefaultsAsTheEnvironmentSetsThem() {
        String help = cli().withEnvironment(java.util.Map.of("RTM_API_PORT", "8181")).run("run", "--help").out();

        assertThat(help).contains("Default: 8181");
    }

    @Test
    void rootHelpListsTheCommandsTheEnvironmentAndTheExitCodes() {
        CliRunner.Result result = cli().run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "topics", "produce", "loadgen", "query", "migrate-v1")
                .contains("RTM_DATA_DIR", "RTM_KAFKA_PROPERTY_<NAME>", "RTM_LOG_LEVEL")
                .containsPattern("Exit codes:\\s+0\\s+success")
                .containsPattern("4\\s+the query API answered 4xx").containsPattern("143\\s+run stopped by SIGTERM");
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        assertThat(cli().run("help", "produce").out()).contains("Usage: rtm-streams produce", "Env: RTM_STRICT");
    }

    @Test
    void versionNamesTheBuildKafkaAndJava() {
        CliRunner.Result result = cli().run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("rtm-streams " + VersionProvider.version())
                .contains("Kafka 4.4.0", "Java " + Runtime.version().feature());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void everyCommandHasHelpAndVersionFlags() {
        for (String command : List.of("run", "topics", "produce", "loadgen", "query", "migrate-v1")) {
            assertThat(cli().run(command, "-h").out()).startsWith("Usage: rtm-streams " + command);
            assertThat(cli().run(command, "-V").out()).startsWith("rtm-streams " + VersionProvider.version());
        }
    }
}
