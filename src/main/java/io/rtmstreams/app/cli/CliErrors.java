package io.rtmstreams.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How errors reach the user: a usage error names the option, the value and, when the value came from the
 * environment, the variable, then points to {@code --help} instead of printing all of it; a failure prints one line
 * per distinct cause. Stack traces go to the log at DEBUG ({@code RTM_LOG_LEVEL=DEBUG}).
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(error.getMessage() + environmentSource(error)));
        if (!UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        LOG.debug("{} failed", name, error);
        PrintWriter err = command.getErr();
        List<String> causes = causes(error);
        err.println(command.getColorScheme().errorText(name + ": " + causes.get(0)));
        causes.subList(1, causes.size()).forEach(cause -> err.println("  caused by: " + cause));
        return ExitCodes.FAILURE;
    }

    /** Says which variable supplied a rejected value that was not given on the command line. */
    private static String environmentSource(ParameterException error) {
        if (!(error.getArgSpec() instanceof OptionSpec option) || error.getValue() == null
                || !(error.getCommandLine().getDefaultValueProvider() instanceof EnvironmentDefaults environment)) {
            return "";
        }
        return EnvironmentDefaults.variableOf(option)
                .filter(variable -> environment.value(variable).filter(error.getValue()::equals).isPresent())
                .filter(variable -> !givenOnCommandLine(error.getCommandLine(), option))
                .map(variable -> " (from environment variable " + variable + ")")
                .orElse("");
    }

    private static boolean givenOnCommandLine(CommandLine command, OptionSpec option) {
        ParseResult parsed = command.getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** The messages of the cause chain, without wrappers, causes without a message, and repeats. */
    static List<String> causes(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (isWrapper(cause) || !messages.isEmpty() && !hasMessage(cause)) {
                continue;
            }
            String message = describe(cause);
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static boolean isWrapper(Throwable error) {
        return (error instanceof ExecutionException || error instanceof CompletionException)
                && error.getCause() != null;
    }

    private static boolean hasMessage(Throwable error) {
        return error.getMessage() != null && !error.getMessage().isBlank();
    }

    /** The message, or the exception's name for the first error when it has none. */
    private static String describe(Throwable error) {
        return hasMessage(error) ? error.getMessage() : error.getClass().getSimpleName();
    }
}
