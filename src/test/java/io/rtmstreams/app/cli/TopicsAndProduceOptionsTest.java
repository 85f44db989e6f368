package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.app.cli.RunCommandTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The options of the client commands {@code topics} and {@code produce}: defaults, variables, invalid values. */
class TopicsAndProduceOptionsTest {

    @Test
    void clientCommandsDefaultToTheBrokerThatRunEmbedsAndTheContractsTopics() {
        for (CommandLine command : new CommandLine[] {parse("topics"), parse("produce", "commands.jsonl")}) {
            assertThat((String) value(command, "--bootstrap-servers")).isEqualTo("localhost:9092");
            assertThat((String) value(command, "--topic-prefix")).isEqualTo("rtm.");
        }
        CommandLine topics = parse("topics");
        assertThat((int) value(topics, "--partitions")).isEqualTo(3);
        assertThat((int) value(topics, "--replication-factor")).isEqualTo(1);
        CommandLine produce = parse("produce", "commands.jsonl");
        assertThat((TopicChoice) value(produce, "--topic")).isEqualTo(TopicChoice.AUTO);
        assertThat((ProgressMode) value(produce, "--progress")).isEqualTo(ProgressMode.AUTO);
        assertThat((boolean) value(produce, "--strict")).isFalse();
    }

    @Test
    void clientCommandsReadTheSameVariablesAsRun() {
        Map<String, String> environment = Map.of("RTM_BOOTSTRAP_SERVERS", "kafka:9092", "RTM_TOPIC_PREFIX", "lab.",
                "RTM_PARTITIONS", "6", "RTM_KAFKA_PROPERTY_SECURITY_PROTOCOL", "SSL", "RTM_TOPIC",
                "interface-changes", "RTM_STRICT", "true", "RTM_PROGRESS", "never");
        CommandLine topics = parse(environment, "topics");
        CommandLine produce = parse(environment, "produce", "-");

        ClusterOptions cluster = (ClusterOptions) produce.getCommandSpec().mixins().get("cluster").userObject();
        KafkaClientOptions kafka = (KafkaClientOptions) produce.getCommandSpec().mixins().get("kafka").userObject();
        assertThat(cluster.clientProperties(kafka)).containsOnly(entry("bootstrap.servers", "kafka:9092"),
                entry("security.protocol", "SSL"));
        assertThat((String) value(topics, "--topic-prefix")).isEqualTo("lab.");
        assertThat((int) value(topics, "--partitions")).isEqualTo(6);
        assertThat((TopicChoice) value(produce, "--topic")).isEqualTo(TopicChoice.INTERFACE_CHANGES);
        assertThat((boolean) value(produce, "--strict")).isTrue();
        assertThat((ProgressMode) value(produce, "--progress")).isEqualTo(ProgressMode.NEVER);
    }

    @Test
    void topicsRejectsALayoutNoClusterCouldHave() {
        assertUsageError(cli().run("topics", "--partitions", "0"), "'--partitions': 0 (must be at least 1)");
        assertUsageError(cli().run("topics", "--replication-factor", "40000"),
                "'--replication-factor': 40000 (must be 1 to 32767)");
    }

    @Test
    void produceNeedsAnInputThatExists() {
        assertUsageError(cli().run("produce"), "Missing required parameter: 'FILE'");
        assertUsageError(cli().run("produce", "no-such-file.jsonl", "--bootstrap-servers", "localhost:1"),
                "FILE: no such file: no-such-file.jsonl");
    }

    @Test
    void produceTopicsAreTheInputTopicsOrAuto() {
        assertUsageError(cli().run("produce", "-", "--topic", "best-routes"),
                "expected one of [AUTO, ROUTE_ADVERTS, route-adverts, INTERFACE_CHANGES, interface-changes]");
        assertUsageError(cli().run("produce", "-", "--progress", "sometimes"), "'--progress'");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRunner.Result result = cli().run("topcs");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'topcs'", "rtm-streams topics");
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        CliRunner.Result result = cli().run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("Missing command: one of run, topics, produce, import, loadgen, follow, query, migrate-v1, help");
    }

    private static CommandLine parse(String... args) {
        return parse(Map.of(), args);
    }

    private static CommandLine parse(Map<String, String> environment, String... args) {
        return cli().withEnvironment(environment).commandLine().parseArgs(args).subcommand().commandSpec()
                .commandLine();
    }

    private static <T> T value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }
}
