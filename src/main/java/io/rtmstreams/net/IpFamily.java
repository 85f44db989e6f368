package io.rtmstreams.net;

import java.util.Locale;

/**
 * An address family, with the Windows numbering (AF_INET 2, AF_INET6 23; iphlp A1, A2) and the contract's names.
 */
public enum IpFamily {
    IPV4(2, 32, "ipv4"),
    IPV6(23, 128, "ipv6");

    private final int afNumber;
    private final int bits;
    private final String wireName;

    IpFamily(int afNumber, int bits, String wireName) {
        this.afNumber = afNumber;
        this.bits = bits;
        this.wireName = wireName;
    }

    /** The Windows ADDRESS_FAMILY value: 2 or 23. */
    public int afNumber() {
        return afNumber;
    }

    /** Address width in bits: 32 or 128. */
    public int bits() {
        return bits;
    }

    /** Address width in bytes: 4 or 16. */
    public int bytes() {
        return bits / 8;
    }

    /** {@code "ipv4"} or {@code "ipv6"}. */
    public String wireName() {
        return wireName;
    }

    /** Accepts the contract's names ("ipv4", "ipv6") in any case. */
    public static IpFamily fromName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "ipv4":
                return IPV4;
            case "ipv6":
                return IPV6;
            default:
                throw new IllegalArgumentException("unknown address family '" + name + "' (expected ipv4 or ipv6)");
        }
    }

    /** Accepts the Windows AF numbers 2 and 23 only (A2: Linux's 10 must be normalised by the producer). */
    public static IpFamily fromAfNumber(int af) {
        if (af == 2) {
            return IPV4;
        }
        if (af == 23) {
            return IPV6;
        }
        throw new IllegalArgumentException("unknown address family number " + af + " (expected 2 or 23)");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
