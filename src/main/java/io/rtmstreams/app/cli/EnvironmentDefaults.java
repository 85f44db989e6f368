package io.rtmstreams.app.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment-variable equivalent of every option, as in bakdata streams-bootstrap: an option's variable is
 * {@value #PREFIX} followed by its long name in upper case with dashes as underscores ({@code --data-dir} is
 * {@code RTM_DATA_DIR}), so containers and CI configure the CLI without flags. A flag on the command line wins over
 * the variable, the variable over the built-in default. Empty variables count as unset.
 *
 * <p>Map options ({@code --kafka-property}) cannot carry arbitrary entries in one variable (a JAAS configuration
 * holds spaces, quotes, {@code =} and {@code ;}), so they take one variable per entry, named
 * {@code <VARIABLE>_<KEY>}; the command that owns the option reads them through {@link #entries}.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String PREFIX = "RTM_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || isMap(option)) {
            return null;
        }
        return variableOf(option).flatMap(this::value).orElse(null);
    }

    /** The value of {@code variable}, unless it is unset or empty. */
    Optional<String> value(String variable) {
        return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isEmpty());
    }

    /** The variable of an option; none for {@code --help} and {@code --version}. */
    static Optional<String> variableOf(OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) {
            return Optional.empty();
        }
        String name = option.longestName().replaceFirst("^-+", "");
        return Optional.of(PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** What {@code --help} says about an option's variable. */
    static Optional<String> helpText(OptionSpec option) {
        return variableOf(option).map(variable -> isMap(option)
                ? "  Env: " + variable + "_<KEY>, one variable per entry"
                : "  Env: " + variable);
    }

    /**
     * The entries of a map option set through the environment: every non-empty variable named
     * {@code <variable>_<SUFFIX>}, by suffix, in name order.
     */
    Map<String, String> entries(String variable) {
        String prefix = variable + "_";
        Map<String, String> entries = new LinkedHashMap<>();
        environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
                .filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> entries.put(e.getKey().substring(prefix.length()), e.getValue()));
        return entries;
    }

    private static boolean isMap(OptionSpec option) {
        return Map.class.isAssignableFrom(option.type());
    }
}
