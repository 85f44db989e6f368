package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A change queued for a notification registration (R105), delivered directly when the engine publishes changes
 * (the compacted notifications topic then coalesces them per destination, R111). {@code dest} is the destination
 * at the time of the change, with the one view concerned. A notification without a destination (and no change
 * types) withdraws the registration's entry for that destination and view, when the registration ends (R99).
 */
public record Notification(ChangeRegistration registration, View view, Prefix prefix, int changeTypes, DestInfo dest) {

    /** True for the withdrawal of a registration that ended. */
    public boolean isWithdrawal() {
        return dest == null;
    }
}
