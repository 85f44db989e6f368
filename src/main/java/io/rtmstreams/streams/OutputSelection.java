package io.rtmstreams.streams;

import io.rtmstreams.contract.Ack;

/**
 * Which outputs the table processor writes (README, Configuration): an operator who does not consume a topic turns
 * it off, and its records are then neither built nor sent. Best routes, entity events, failed results and rejected
 * input are always written: the first is the table itself, the others are answers someone waits for.
 *
 * @param destChanges   write {@code rtm.dest-changes}
 * @param notifications write {@code rtm.notifications}
 * @param fleetView     feed the fleet view ({@code rtm.fleet-routes}, {@code /v1/fleet/prefixes})
 * @param results       ALL: every command's result (D20); ERRORS: only failures, as if every command said
 *                      {@code ack: ERRORS} (D26)
 */
public record OutputSelection(boolean destChanges, boolean notifications, boolean fleetView, Ack results) {

    /** Every output on: the default. */
    public static final OutputSelection ALL = new OutputSelection(true, true, true, Ack.ALL);

    public OutputSelection {
        java.util.Objects.requireNonNull(results, "results");
    }
}
