package io.rtmstreams.mrt;

/** A record (or an entry of one) whose bytes do not decode; the reader reports it with its offset and skips it. */
final class MalformedRecordException extends RuntimeException {

    MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
