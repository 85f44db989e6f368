package io.rtmstreams.iphlp;

import java.util.Objects;

/**
 * One record of {@code rtm.interface-changes} (contract, D16): a notification type and the interface row it
 * carries. INITIAL carries no row (N3); the other types carry the full row, re-read by the producer (N4).
 */
public record InterfaceChange(String router, String requestId, NotificationType notificationType, InterfaceRow row) {

    public InterfaceChange {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(notificationType, "notificationType");
    }

    public static InterfaceChange of(String router, NotificationType type, InterfaceRow row) {
        return new InterfaceChange(router, null, type, row);
    }
}
