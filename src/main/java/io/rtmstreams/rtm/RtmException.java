package io.rtmstreams.rtm;

import java.util.Objects;

/**
 * A command that cannot be carried out, with the Win32 status the caller gets. Thrown only during validation,
 * before any state is written, so a failed command changes nothing (D20). The engine turns it into an
 * {@link Outcome} with that status; it never escapes to callers of the engine.
 */
public final class RtmException extends RuntimeException {

    private final Status status;

    public RtmException(Status status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status);
    }

    public Status status() {
        return status;
    }

    static RtmException invalidParameter(String message) {
        return new RtmException(Status.ERROR_INVALID_PARAMETER, message);
    }

    static RtmException invalidHandle(String message) {
        return new RtmException(Status.ERROR_INVALID_HANDLE, message);
    }

    static RtmException notFound(String message) {
        return new RtmException(Status.ERROR_NOT_FOUND, message);
    }

    static RtmException accessDenied(String message) {
        return new RtmException(Status.ERROR_ACCESS_DENIED, message);
    }

    static RtmException alreadyExists(String message) {
        return new RtmException(Status.ERROR_ALREADY_EXISTS, message);
    }

    static RtmException notSupported(String message) {
        return new RtmException(Status.ERROR_NOT_SUPPORTED, message);
    }
}
