package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.iphlp.MetricTable;
import io.rtmstreams.streams.OutputSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** How {@code run}'s flags and environment variables become the runtime's configuration. */
class RunCommandTest {

    @Test
    void withoutFlagsOrVariablesRunsOnTheEmbeddedBrokerWithTheDocumentedDefaults() {
        AppConfig config = parse(Map.of());

        assertThat(config).isEqualTo(AppConfig.defaults());
        assertThat(config.embedded()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("rtm-data"));
        assertThat(config.embeddedPort()).isEqualTo(9092);
        assertThat(config.apiHost()).isEqualTo("127.0.0.1");
        assertThat(config.apiPort()).isEqualTo(8080);
        assertThat(config.exactlyOnce()).isTrue();
    }

    @Test
    void everyFlagReachesTheConfiguration() {
        AppConfig config = parse(Map.of(), "--bootstrap-servers", "k1:9092,k2:9092", "--data-dir", "/var/rtm",
                "--embedded-port", "0", "--application-id", "rtm-lab", "--topic-prefix", "lab.", "--partitions", "12",
                "--replication-factor", "3", "--processing-guarantee", "at_least_once", "--standby-replicas", "2",
                "--session-timeout-ms", "6000", "--heartbeat-interval-ms", "1500", "--transaction-timeout-ms", "20000",
                "--stream-threads", "4", "--max-next-hops", "32", "--auto-register", "--strict-interfaces",
                "--metric-table", "VISTA", "--dest-changes=false", "--notifications", "false", "--fleet-view=false",
                "--results", "ERRORS", "--api-host", "0.0.0.0", "--api-port", "9000",
                "--advertised-host", "rtm-1.internal", "--kafka-property", "security.protocol=SSL");

        assertThat(config.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(config.embedded()).isFalse();
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/rtm"));
        assertThat(config.embeddedPort()).isZero();
        assertThat(config.applicationId()).isEqualTo("rtm-lab");
        assertThat(config.settings().topics().routeAdverts()).isEqualTo("lab.route-adverts");
        assertThat(config.partitions()).isEqualTo(12);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.exactlyOnce()).isFalse();
        assertThat(config.failover()).isEqualTo(new Failover(2, Duration.ofSeconds(6), Duration.ofMillis(1500),
                Duration.ofSeconds(20)));
        assertThat(config.streamThreads()).isEqualTo(4);
        assertThat(config.settings().rtm().maxNextHopsInRoute()).isEqualTo(32);
        assertThat(config.settings().rtm().autoRegister()).isTrue();
        assertThat(config.settings().iphlp().strictInterfaces()).isTrue();
        assertThat(config.settings().iphlp().metricTable()).isEqualTo(MetricTable.VISTA);
        assertThat(config.settings().outputs()).isEqualTo(new OutputSelection(false, false, false, Ack.ERRORS));
        assertThat(config.apiHost()).isEqualTo("0.0.0.0");
        assertThat(config.apiPort()).isEqualTo(9000);
        assertThat(config.apiAdvertisedHost()).isEqualTo("rtm-1.internal");
        assertThat(config.kafkaProperties()).containsExactly(entry("security.protocol", "SSL"));
    }

    @Test
    void everyOptionHasAnEnvironmentVariable() {
        AppConfig config = parse(Map.ofEntries(
                entry("RTM_BOOTSTRAP_SERVERS", "kafka:9092"),
                entry("RTM_DATA_DIR", "/data"),
                entry("RTM_EMBEDDED_PORT", "19092"),
                entry("RTM_APPLICATION_ID", "rtm-env"),
                entry("RTM_TOPIC_PREFIX", "env."),
                entry("RTM_PARTITIONS", "6"),
                entry("RTM_REPLICATION_FACTOR", "2"),
                entry("RTM_PROCESSING_GUARANTEE", "AT_LEAST_ONCE"),
                entry("RTM_STANDBY_REPLICAS", "2"),
                entry("RTM_SESSION_TIMEOUT_MS", "15000"),
                entry("RTM_HEARTBEAT_INTERVAL_MS", "3000"),
                entry("RTM_TRANSACTION_TIMEOUT_MS", "8000"),
                entry("RTM_STREAM_THREADS", "3"),
                entry("RTM_MAX_NEXT_HOPS", "8"),
                entry("RTM_AUTO_REGISTER", "true"),
                entry("RTM_STRICT_INTERFACES", "true"),
                entry("RTM_METRIC_TABLE", "vista"),
                entry("RTM_DEST_CHANGES", "false"),
                entry("RTM_NOTIFICATIONS", "false"),
                entry("RTM_FLEET_VIEW", "false"),
                entry("RTM_RESULTS", "errors"),
                entry("RTM_API_HOST", "0.0.0.0"),
                entry("RTM_API_PORT", "8081"),
                entry("RTM_ADVERTISED_HOST", "rtm-streams"),
                entry("RTM_KAFKA_PROPERTY_SASL_MECHANISM", "PLAIN")));

        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(config.embeddedPort()).isEqualTo(19092);
        assertThat(config.applicationId()).isEqualTo("rtm-env");
        assertThat(config.settings().topics().prefix()).isEqualTo("env.");
        assertThat(config.partitions()).isEqualTo(6);
        assertThat(config.replicationFactor()).isEqualTo((short) 2);
        assertThat(config.exactlyOnce()).isFalse();
        assertThat(config.failover()).isEqualTo(new Failover(2, Duration.ofSeconds(15), Duration.ofSeconds(3),
                Duration.ofSeconds(8)));
        assertThat(config.streamThreads()).isEqualTo(3);
        assertThat(config.settings().rtm().maxNextHopsInRoute()).isEqualTo(8);
        assertThat(config.settings().rtm().autoRegister()).isTrue();
        assertThat(config.settings().iphlp().strictInterfaces()).isTrue();
        assertThat(config.settings().iphlp().metricTable()).isEqualTo(MetricTable.VISTA);
        assertThat(config.settings().outputs()).isEqualTo(new OutputSelection(false, false, false, Ack.ERRORS));
        assertThat(config.apiHost()).isEqualTo("0.0.0.0");
        assertThat(config.apiPort()).isEqualTo(8081);
        assertThat(config.apiAdvertisedHost()).isEqualTo("rtm-streams");
        assertThat(config.kafkaProperties()).containsExactly(entry("sasl.mechanism", "PLAIN"));
    }

    @Test
    void aFlagWinsOverItsVariableAndEmptyVariablesCountAsUnset() {
        AppConfig config = parse(Map.of("RTM_API_PORT", "8081", "RTM_BOOTSTRAP_SERVERS", "", "RTM_AUTO_REGISTER",
                "true"), "--api-port", "9000", "--auto-register=false");

        assertThat(config.apiPort()).isEqualTo(9000);
        assertThat(config.embedded()).isTrue();
        assertThat(config.settings().rtm().autoRegister()).isFalse();
    }

    @Test
    void kafkaPropertiesComeFromTheFileThenTheEnvironmentThenTheFlags(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                ssl.truststore.location=/etc/kafka/truststore.jks
                """);

        AppConfig config = parse(Map.of("RTM_KAFKA_PROPERTY_SASL_MECHANISM", "PLAIN",
                        "RTM_KAFKA_PROPERTY_SSL_TRUSTSTORE_LOCATION", "/env/truststore.jks"),
                "--kafka-config", file.toString(), "--kafka-property", "ssl.truststore.location=/flag/ts.jks",
                "--kafka-property", "client.rack=eu-1");

        assertThat(config.kafkaProperties()).containsOnly(
                entry("security.protocol", "SASL_SSL"),
                entry("sasl.mechanism", "PLAIN"),
                entry("ssl.truststore.location", "/flag/ts.jks"),
                entry("client.rack", "eu-1"));
    }

    @Test
    void theKafkaConfigFileCanComeFromItsVariable(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");

        AppConfig config = parse(Map.of("RTM_KAFKA_CONFIG", file.toString()));

        assertThat(config.kafkaProperties()).containsExactly(entry("security.protocol", "SSL"));
    }

    @Test
    void aMissingKafkaConfigFileIsAUsageError(@TempDir Path dir) {
        CliRunner.Result result = cli().run("run", "--kafka-config", dir.resolve("absent.properties").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--kafka-config: no such file:", "absent.properties");
    }

    @Test
    void outOfRangeNumbersAreUsageErrorsNamingTheOptionAndTheRule() {
        assertUsageError(cli().run("run", "--partitions", "0"), "'--partitions': 0 (must be at least 1)");
        assertUsageError(cli().run("run", "--replication-factor", "0"),
                "'--replication-factor': 0 (must be 1 to 32767)");
        assertUsageError(cli().run("run", "--max-next-hops", "65"), "'--max-next-hops': 65 (must be 1 to 64)");
        assertUsageError(cli().run("run", "--api-port", "65536"), "'--api-port': 65536 (must be 0 to 65535)");
        assertUsageError(cli().run("run", "--embedded-port", "-1"), "'--embedded-port': -1 (must be 0 to 65535)");
        assertUsageError(cli().run("run", "--stream-threads", "0"), "'--stream-threads': 0 (must be at least 1)");
        assertUsageError(cli().run("run", "--standby-replicas", "-1"),
                "'--standby-replicas': -1 (must be at least 0)");
        assertUsageError(cli().run("run", "--transaction-timeout-ms", "0"),
                "'--transaction-timeout-ms': 0 (must be at least 1)");
    }

    @Test
    void theHeartbeatMustBeShorterThanTheSession() {
        assertUsageError(cli().run("run", "--session-timeout-ms", "6000", "--heartbeat-interval-ms", "6000"),
                "'--heartbeat-interval-ms': 6000 (must be 1 to 5999)");
        assertThat(parse(Map.of(), "--session-timeout-ms", "30000", "--heartbeat-interval-ms", "5000").failover())
                .isEqualTo(Failover.defaults().withSessionTimeout(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    @Test
    void invalidValuesFromVariablesNameTheVariable() {
        CliRunner.Result result = cli().withEnvironment(Map.of("RTM_API_PORT", "eighty")).run("run");

        assertUsageError(result, "Invalid value for option '--api-port': 'eighty' is not an int "
                + "(from environment variable RTM_API_PORT)");
    }

    @Test
    void rangeErrorsFromVariablesNameTheVariableButFlagsDoNot() {
        assertUsageError(cli().withEnvironment(Map.of("RTM_PARTITIONS", "0")).run("run"),
                "'--partitions': 0 (must be at least 1) (from environment variable RTM_PARTITIONS)");
        assertThat(cli().withEnvironment(Map.of("RTM_PARTITIONS", "0")).run("run", "--partitions", "0").err())
                .doesNotContain("environment variable");
    }

    @Test
    void unknownChoicesListTheAllowedOnes() {
        assertUsageError(cli().run("run", "--processing-guarantee", "exactly_once"),
                "expected one of [EXACTLY_ONCE_V2, AT_LEAST_ONCE]");
        assertUsageError(cli().run("run", "--metric-table", "XP"), "expected one of [WINDOWS_10, VISTA]");
        assertUsageError(cli().run("run", "--results", "SOME"), "expected one of [ALL, ERRORS]");
    }

    @Test
    void choicesAreAcceptedInKafkasSpellingAndInAnyCase() {
        assertThat(parse(Map.of(), "--processing-guarantee", "exactly_once_v2").exactlyOnce()).isTrue();
        assertThat(parse(Map.of(), "--processing-guarantee", "At_Least_Once").exactlyOnce()).isFalse();
        assertThat(parse(Map.of(), "--metric-table", "windows_10").settings().iphlp().metricTable())
                .isEqualTo(MetricTable.WINDOWS_10);
    }

    @Test
    void theStartupReportNamesTheOutputsTurnedOff() {
        assertThat(StartupReport.turnedOff(parse(Map.of()).settings())).isEmpty();
        assertThat(StartupReport.turnedOff(parse(Map.of("RTM_RESULTS", "ERRORS"), "--topic-prefix", "lab.",
                "--dest-changes=false", "--fleet-view=false").settings()))
                .containsExactly("lab.dest-changes", "lab.fleet-routes (fleet view)", "successful results");
    }

    static void assertUsageError(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(message).contains("--help");
        assertThat(result.out()).isEmpty();
    }

    /** Parses {@code run} with {@code args} and returns the configuration it would start with. */
    private static AppConfig parse(Map<String, String> environment, String... args) {
        CommandLine cli = cli().withEnvironment(environment).commandLine();
        String[] runArgs = new String[args.length + 1];
        runArgs[0] = "run";
        System.arraycopy(args, 0, runArgs, 1, args.length);
        CommandLine.ParseResult parsed = cli.parseArgs(runArgs);
        RunCommand run = parsed.subcommand().commandSpec().commandLine().getCommand();
        return run.appConfig();
    }
}
