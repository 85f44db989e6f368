package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.Status;

/** GetIpInterfaceEntry's answer: the status and, on success, the row as Windows reports it (F8). */
public record InterfaceEntry(Status status, String message, InterfaceRow row) {

    static InterfaceEntry failure(Status status, String message) {
        return new InterfaceEntry(status, message, null);
    }

    public boolean succeeded() {
        return status == Status.NO_ERROR;
    }
}
