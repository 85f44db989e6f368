package io.rtmstreams.rtm;

import java.util.Objects;

/**
 * One route of a batch (D25): the single command it stands for, or, when the wire could not read it, the error
 * that answers it (exactly the answer the single command would have had).
 *
 * @param <C> the single command: {@link Command.AddRoute} or {@link Command.DeleteRoute}
 */
public record BatchRoute<C extends Command>(C command, Outcome unreadable) {

    public BatchRoute {
        if ((command == null) == (unreadable == null)) {
            throw new IllegalArgumentException("a batch route is a command or the error of one");
        }
    }

    public static <C extends Command> BatchRoute<C> of(C command) {
        return new BatchRoute<>(Objects.requireNonNull(command, "command"), null);
    }

    public static <C extends Command> BatchRoute<C> unreadable(Status status, String message) {
        return new BatchRoute<>(null, Outcome.error(status, message));
    }
}
