package io.rtmstreams.app.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Help that names each option's environment variable on a line of its own under the option's description, taken
 * from {@link EnvironmentDefaults}, so the help and the variables the CLI reads cannot disagree.
 */
final class EnvironmentHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec command, ColorScheme colors) {
        return new Help(command, colors) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                return withVariables(super.createDefaultOptionRenderer());
            }
        };
    }

    private static IOptionRenderer withVariables(IOptionRenderer standard) {
        return (option, labels, colors) -> {
            Text[][] rows = standard.render(option, labels, colors);
            Optional<String> variable = EnvironmentDefaults.helpText(option);
            return variable.isEmpty() || rows.length == 0 ? rows
                    : appendRow(rows, colors.text(""), colors.text(variable.get()));
        };
    }

    /** Adds a row that only fills the description column, as picocli does for a description's further lines. */
    private static Text[][] appendRow(Text[][] rows, Text empty, Text description) {
        int columns = rows[0].length;
        Text[] row = new Text[columns];
        Arrays.fill(row, empty);
        row[columns - 1] = description;
        Text[][] extended = Arrays.copyOf(rows, rows.length + 1);
        extended[rows.length] = row;
        return extended;
    }
}
