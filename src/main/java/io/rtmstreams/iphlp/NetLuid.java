package io.rtmstreams.iphlp;

/**
 * NET_LUID helpers (L1, L2). A LUID is one unsigned 64-bit value: {@code Reserved} in bits 0–23,
 * {@code NetLuidIndex} in bits 24–47 and the IANA {@code IfType} in bits 48–63. Java keeps it in a {@code long}
 * and compares it unsigned (B7).
 */
public final class NetLuid {

    /** IANA ifType softwareLoopback (L2): the loopback interface, which B3 checks against. */
    public static final int IF_TYPE_SOFTWARE_LOOPBACK = 24;

    private NetLuid() {
    }

    /** The LUID with this ifType and NetLuidIndex, reserved bits zero. */
    public static long of(int ifType, int netLuidIndex) {
        if (ifType < 0 || ifType > 0xFFFF || netLuidIndex < 0 || netLuidIndex > 0xFF_FFFF) {
            throw new IllegalArgumentException("ifType is 16 bits and NetLuidIndex 24 bits (L1)");
        }
        return ((long) ifType << 48) | ((long) netLuidIndex << 24);
    }

    public static int ifType(long luid) {
        return (int) (luid >>> 48);
    }

    public static int netLuidIndex(long luid) {
        return (int) ((luid >>> 24) & 0xFF_FFFF);
    }

    public static boolean isLoopback(long luid) {
        return ifType(luid) == IF_TYPE_SOFTWARE_LOOPBACK;
    }

    /** The contract writes a LUID as an unsigned decimal string. */
    public static String toString(long luid) {
        return Long.toUnsignedString(luid);
    }
}
