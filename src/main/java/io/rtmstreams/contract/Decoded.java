package io.rtmstreams.contract;

import io.rtmstreams.rtm.Status;

/**
 * An input record as read (D20): not a command at all ({@link Rejected}, for the rejected topic), a command whose
 * fields are wrong ({@link Invalid}, answered with a Win32 status), or a command to execute ({@link Valid}).
 *
 * @param <C> the domain command type
 */
public sealed interface Decoded<C> {

    record Rejected<C>(String reason) implements Decoded<C> {
    }

    record Invalid<C>(Envelope envelope, Status status, String message) implements Decoded<C> {
    }

    record Valid<C>(Envelope envelope, C command) implements Decoded<C> {
    }
}
