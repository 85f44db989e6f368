package io.rtmstreams.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client settings passed through to every client a command creates (admin, producer, Kafka Streams): TLS,
 * SASL and tuning. Sources, later ones winning: the {@code --kafka-config} file, {@code RTM_KAFKA_PROPERTY_<NAME>}
 * variables, {@code --kafka-property} flags.
 */
final class KafkaClientOptions {

    static final String PROPERTY_OPTION = "--kafka-property";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = PROPERTY_OPTION, paramLabel = "KEY=VALUE",
            description = {"A Kafka client property for every client (TLS, SASL, tuning); repeatable.",
                    "In the environment the key is in capitals with dots as underscores: "
                            + "RTM_KAFKA_PROPERTY_SASL_MECHANISM=PLAIN."})
    private Map<String, String> properties;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "A Java properties file of Kafka client settings (TLS key stores, SASL JAAS config, "
                    + "tuning); --kafka-property entries win over it.")
    private Path configFile;

    /** The merged client properties. Fails as a usage error when the file cannot be read. */
    Map<String, String> resolve() {
        Map<String, String> merged = new LinkedHashMap<>(fromFile());
        merged.putAll(fromEnvironment());
        if (properties != null) {
            merged.putAll(properties);
        }
        return merged;
    }

    private Map<String, String> fromFile() {
        if (configFile == null) {
            return Map.of();
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw usageError("--kafka-config: no such file: " + configFile);
        } catch (IOException | IllegalArgumentException e) {
            throw usageError("--kafka-config: cannot read " + configFile + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().sorted().forEach(name -> settings.put(name, loaded.getProperty(name)));
        return settings;
    }

    private Map<String, String> fromEnvironment() {
        if (!(command.defaultValueProvider() instanceof EnvironmentDefaults environment)) {
            return Map.of();
        }
        String variable = EnvironmentDefaults.variableOf(command.findOption(PROPERTY_OPTION)).orElseThrow();
        Map<String, String> settings = new LinkedHashMap<>();
        environment.entries(variable).forEach((suffix, value) -> settings.put(propertyName(suffix), value));
        return settings;
    }

    /** {@code SASL_MECHANISM} is {@code sasl.mechanism}: Kafka's client property names are lower-case words joined
     * by dots. */
    static String propertyName(String variableSuffix) {
        return variableSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private ParameterException usageError(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
