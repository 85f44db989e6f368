package io.rtmstreams.api;

/** The state a query needs cannot be read now; answered 503 with ERROR_NOT_READY and the reason. */
final class Unavailable extends RuntimeException {

    Unavailable(String reason) {
        super(reason, null, false, false);
    }
}
