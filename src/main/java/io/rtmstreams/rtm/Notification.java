package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A change queued for a notification registration (R105), delivered directly when the engine publishes changes
 * (the compacted notifications topic then coalesces them per destination, R111). {@code dest} is the destination
 * at the time of the change, with the one view concerned.
 */
public record Notification(ChangeRegistration registration, View view, Prefix prefix, int changeTypes, DestInfo dest) {
}
