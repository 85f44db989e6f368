package io.rtmstreams.contract;

import io.rtmstreams.rtm.Status;

/**
 * Which results of commands are published (D26): a command's optional {@code ack}, and the operator's
 * {@code --results} for all of them.
 */
public enum Ack {
    /** One result per command (D20), and every route of a batch in it. */
    ALL,
    /** Only results whose status is not NO_ERROR, and in a batch's result only the failed routes. */
    ERRORS;

    /** The op whose result is always published (D26, D30): a barrier nobody could wait for otherwise. */
    public static final String SYNC = "SYNC";

    /** A command's {@code ack}: absent is ALL; anything but ALL and ERRORS is an invalid command. */
    static Ack fromWire(String v) {
        if (v == null) {
            return ALL;
        }
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ack must be ALL or ERRORS, not '" + v + "'");
        }
    }

    /** The {@code ack} of a command being answered whatever it holds: an invalid one publishes (its error). */
    static Ack lenient(String v) {
        return v == null || !v.equals(ERRORS.name()) ? ALL : ERRORS;
    }

    /** ERRORS when either is: the operator's setting narrows every command's, and a command can narrow its own. */
    public Ack and(Ack other) {
        return this == ERRORS || other == ERRORS ? ERRORS : ALL;
    }

    /**
     * Whether a result is published (D26), the one place this is decided: always with ALL; with ERRORS when its
     * status is not NO_ERROR (a batch has its first failed route's status, so a batch with a failure is published),
     * and always for SYNC. Metrics count every command either way.
     */
    public boolean publishes(String op, Status status) {
        return this == ALL || status != Status.NO_ERROR || SYNC.equals(op);
    }
}
