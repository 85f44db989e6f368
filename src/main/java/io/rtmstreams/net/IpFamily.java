package io.rtmstreams.net;

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

    /** The contract's names, exactly as written there: "ipv4" or "ipv6". */
    public static IpFamily fromName(String name) {
        IpFamily f = named(name);
        if (f == null) {
            throw new IllegalArgumentException("'" + name + "' is neither ipv4 nor ipv6");
        }
        return f;
    }

    /**
     * A family as input gives it (contract.md, Conventions): its name, or the AF number 2 or 23. Anything else,
     * a JSON value of another type included, is an IllegalArgumentException.
     */
    public static IpFamily fromWire(Object value) {
        if (value instanceof Integer af) {
            return fromAfNumber(af);
        }
        IpFamily f = named(value);
        if (f == null) {
            throw new IllegalArgumentException("family must be \"ipv4\", \"ipv6\", 2 or 23");
        }
        return f;
    }

    private static IpFamily named(Object name) {
        for (IpFamily f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
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
