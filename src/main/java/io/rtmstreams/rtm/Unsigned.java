package io.rtmstreams.rtm;

/** Range checks for the unsigned 32-bit quantities of the API (R8, R68), held in Java longs. */
public final class Unsigned {

    /** 0xFFFFFFFF: the worst preference or metric, and INFINITE as a time (R12). */
    public static final long MAX_U32 = 0xFFFF_FFFFL;

    private Unsigned() {
    }

    public static long checkU32(String what, long value) {
        if (value < 0 || value > MAX_U32) {
            throw new IllegalArgumentException(what + " must be an unsigned 32-bit integer (got " + value + ")");
        }
        return value;
    }
}
