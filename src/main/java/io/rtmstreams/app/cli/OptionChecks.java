package io.rtmstreams.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks of numeric options, failing as picocli's own conversion errors do: a usage error that names the
 * option and the value, so that {@link CliErrors} can add where the value came from.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    static int atLeast(CommandSpec command, String option, int value, int min) {
        if (value < min) {
            throw invalid(command, option, value, "must be at least " + min);
        }
        return value;
    }

    static int between(CommandSpec command, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(command, option, value, "must be " + min + " to " + max);
        }
        return value;
    }

    static int port(CommandSpec command, String option, int value) {
        return between(command, option, value, 0, 65_535);
    }

    private static ParameterException invalid(CommandSpec command, String option, int value, String rule) {
        return new ParameterException(command.commandLine(),
                "Invalid value for option '" + option + "': " + value + " (" + rule + ")",
                command.findOption(option), String.valueOf(value));
    }
}
