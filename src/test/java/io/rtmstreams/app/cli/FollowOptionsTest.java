package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.rtmstreams.app.cli.CliRunner.cli;
import static io.rtmstreams.app.cli.RunCommandTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** The options of {@code follow pmacct}: defaults, variables, and mistakes refused before connecting. */
class FollowOptionsTest {

    @Test
    void followDefaultsToTheEmbeddedBrokerOneAdapterNameAndTheAdministrativeDistances() {
        CommandLine command = parse(Map.of(), "--from-topic", "pmacct.bmp");

        assertThat((String) value(command, "--bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat((String) value(command, "--from-topic")).isEqualTo("pmacct.bmp");
        assertThat((String) value(command, "--dump-topic")).isNull();
        assertThat((String) value(command, "--name")).isEqualTo("rtm-follow-pmacct");
        assertThat((boolean) value(command, "--pre-policy")).isFalse();
        assertThat((long) value(command, "--ebgp-preference")).isEqualTo(20);
        assertThat((long) value(command, "--ibgp-preference")).isEqualTo(200);
        assertThat((long) value(command, "--loc-rib-preference")).isEqualTo(20);
        assertThat(value(command, "--start-at").toString()).isEqualTo("EARLIEST");
    }

    @Test
    void followReadsItsTopicsFromVariables() {
        CommandLine command = parse(Map.of("RTM_FROM_TOPIC", "bmp.log", "RTM_DUMP_TOPIC", "bmp.dump",
                "RTM_PRE_POLICY", "true"));

        assertThat((String) value(command, "--from-topic")).isEqualTo("bmp.log");
        assertThat((String) value(command, "--dump-topic")).isEqualTo("bmp.dump");
        assertThat((boolean) value(command, "--pre-policy")).isTrue();
    }

    @Test
    void followRefusesAMissingTopicOrCollectorAndABadRouterMapBeforeConnecting(@TempDir Path dir) throws IOException {
        assertUsageError(cli().run("follow", "pmacct"), "Missing required option: '--from-topic=TOPIC'");
        assertUsageError(cli().run("follow"), "Missing the collector: follow pmacct");
        Path map = Files.writeString(dir.resolve("routers.txt"), "# BMP routers\n192.0.2.61 edge-1\n"
                + "192.0.2.62 edge 2\n");
        assertUsageError(cli().run("follow", "pmacct", "--from-topic", "t", "--bootstrap-servers", "localhost:1",
                "--router-map", map.toString()), "line 3: expected 'ADDRESS NAME'");
        Files.writeString(map, "edge-1.example.net edge-1\n");
        assertUsageError(cli().run("follow", "pmacct", "--from-topic", "t", "--bootstrap-servers", "localhost:1",
                "--router-map", map.toString()), "line 1:");
    }

    private static CommandLine parse(Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "follow";
        all[1] = "pmacct";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli().withEnvironment(environment).commandLine().parseArgs(all).subcommand().subcommand()
                .commandSpec().commandLine();
    }

    private static <T> T value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }
}
