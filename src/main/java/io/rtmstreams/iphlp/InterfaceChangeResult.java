package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.Status;

/**
 * The one result of an interface change (D20): the Win32 status, a message for errors, the row as stored (with the
 * LUID filled in when the producer named the interface by index, V5, V15; for a delete, the row that was removed;
 * null for INITIAL and on failure) and how many destinations were recomputed (D14) in the call that applied it (all of
 * them, unless part of the recomputation was left pending, D24).
 */
public record InterfaceChangeResult(String requestId, Status status, String message, InterfaceRow row,
                                    long recomputedDestinations) {

    static InterfaceChangeResult ok(String requestId, InterfaceRow row, long recomputed) {
        return new InterfaceChangeResult(requestId, Status.NO_ERROR, null, row, recomputed);
    }

    static InterfaceChangeResult error(String requestId, Status status, String message) {
        return new InterfaceChangeResult(requestId, status, message, null, 0);
    }

    public boolean succeeded() {
        return status == Status.NO_ERROR;
    }
}
