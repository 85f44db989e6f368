package io.rtmstreams.net;

/** 128-bit helpers over a (hi, lo) pair of longs, most significant bit first. */
final class Bits {

    private Bits() {
    }

    static long maskHi(long hi, int length) {
        if (length >= 64) {
            return hi;
        }
        return length <= 0 ? 0 : hi & (-1L << (64 - length));
    }

    static long maskLo(long lo, int length) {
        if (length <= 64) {
            return 0;
        }
        return length >= 128 ? lo : lo & (-1L << (128 - length));
    }

    static int commonPrefix(long hi1, long lo1, long hi2, long lo2) {
        long x = hi1 ^ hi2;
        if (x != 0) {
            return Long.numberOfLeadingZeros(x);
        }
        x = lo1 ^ lo2;
        return x != 0 ? 64 + Long.numberOfLeadingZeros(x) : 128;
    }
}
