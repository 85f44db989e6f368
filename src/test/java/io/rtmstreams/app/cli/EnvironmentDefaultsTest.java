package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The naming rule of the environment variables and how map options take one variable per entry. */
class EnvironmentDefaultsTest {

    @Test
    void aVariableIsThePrefixAndTheLongNameInCapitalsWithUnderscores() {
        assertThat(EnvironmentDefaults.variableOf(OptionSpec.builder("-d", "--data-dir").build()))
                .contains("RTM_DATA_DIR");
        assertThat(EnvironmentDefaults.variableOf(OptionSpec.builder("--api").build())).contains("RTM_API");
    }

    @Test
    void helpAndVersionHaveNoVariable() {
        assertThat(EnvironmentDefaults.variableOf(OptionSpec.builder("--help").usageHelp(true).build())).isEmpty();
        assertThat(EnvironmentDefaults.variableOf(OptionSpec.builder("--version").versionHelp(true).build()))
                .isEmpty();
    }

    @Test
    void mapEntriesAreTheVariablesUnderTheOptionsVariableInNameOrderWithoutEmptyOnes() {
        EnvironmentDefaults environment = new EnvironmentDefaults(Map.of(
                "RTM_KAFKA_PROPERTY_SSL_KEY_PASSWORD", "secret",
                "RTM_KAFKA_PROPERTY_ACKS", "all",
                "RTM_KAFKA_PROPERTY_", "no key",
                "RTM_KAFKA_PROPERTY_LINGER_MS", "",
                "RTM_KAFKA_CONFIG", "/etc/client.properties"));

        assertThat(environment.entries("RTM_KAFKA_PROPERTY"))
                .containsExactly(entry("ACKS", "all"), entry("SSL_KEY_PASSWORD", "secret"));
        assertThat(KafkaClientOptions.propertyName("SSL_KEY_PASSWORD")).isEqualTo("ssl.key.password");
    }

    @Test
    void mapOptionsGetNoSingleDefaultValue() {
        OptionSpec map = OptionSpec.builder("--kafka-property").type(Map.class).build();
        EnvironmentDefaults environment = new EnvironmentDefaults(Map.of("RTM_KAFKA_PROPERTY", "acks=all"));

        assertThat(environment.defaultValue(map)).isNull();
    }
}
