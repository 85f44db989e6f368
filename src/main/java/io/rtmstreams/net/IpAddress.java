package io.rtmstreams.net;

import java.util.Objects;

/**
 * An immutable IPv4 or IPv6 address. The bits are kept left-aligned in 128 bits ({@code hi}, {@code lo}) so that
 * both families share one set of bit operations; an IPv4 address occupies the top 32 bits of {@code hi}.
 * Addresses order by family, then numerically (unsigned), which is the order of their big-endian bytes.
 */
public final class IpAddress implements Comparable<IpAddress> {

    private final IpFamily family;
    private final long hi;
    private final long lo;
    /**
     * The canonical text, formatted on first use (as {@link Prefix} keeps its own). Not volatile: threads that race
     * each format the same immutable String, and a String is safely published without synchronisation.
     */
    private String text;

    IpAddress(IpFamily family, long hi, long lo) {
        this.family = Objects.requireNonNull(family, "family");
        this.hi = hi;
        this.lo = lo;
    }

    /**
     * Parses an IP literal ({@code 192.0.2.1}, {@code 2001:db8::1}). Host names, prefixes and zones are rejected;
     * nothing is ever resolved.
     *
     * @throws IllegalArgumentException if the text is not a plain IP literal
     */
    public static IpAddress parse(String text) {
        IpLiterals.Parsed p = IpLiterals.parse(text);
        if (p.prefixLength() >= 0) {
            throw new IllegalArgumentException("'" + text + "' is a prefix, not an address");
        }
        if (p.zone() != null) {
            throw new IllegalArgumentException("'" + text + "' carries a zone; a plain address is expected");
        }
        return new IpAddress(p.family(), p.hi(), p.lo());
    }

    /** The address whose big-endian bytes are {@code bytes} (4 for IPv4, 16 for IPv6). */
    public static IpAddress ofBytes(byte[] bytes) {
        if (bytes.length == 4) {
            long v = ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
            return new IpAddress(IpFamily.IPV4, v << 32, 0);
        }
        if (bytes.length == 16) {
            return new IpAddress(IpFamily.IPV6, IpLiterals.toLong(bytes, 0), IpLiterals.toLong(bytes, 8));
        }
        throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
    }

    /** An IPv4 address from its 32-bit value. */
    public static IpAddress ipv4(int value) {
        return new IpAddress(IpFamily.IPV4, (value & 0xFFFF_FFFFL) << 32, 0);
    }

    /** The all-zero address of a family (0.0.0.0 or ::). */
    public static IpAddress unspecified(IpFamily family) {
        return new IpAddress(family, 0, 0);
    }

    public IpFamily family() {
        return family;
    }

    long hi() {
        return hi;
    }

    long lo() {
        return lo;
    }

    /** Bit {@code i} counted from the most significant bit (0). */
    public boolean bit(int i) {
        return i < 64 ? (hi >>> (63 - i) & 1) != 0 : (lo >>> (127 - i) & 1) != 0;
    }

    /** The address with every bit beyond {@code length} cleared. */
    public IpAddress masked(int length) {
        return new IpAddress(family, Bits.maskHi(hi, length), Bits.maskLo(lo, length));
    }

    /** The big-endian bytes: 4 for IPv4, 16 for IPv6. */
    public byte[] toBytes() {
        byte[] out = new byte[family.bytes()];
        writeTo(out, 0);
        return out;
    }

    /** Writes the big-endian bytes into {@code dst} at {@code offset}; returns the number written. */
    public int writeTo(byte[] dst, int offset) {
        int n = family.bytes();
        for (int i = 0; i < n; i++) {
            long word = i < 8 ? hi : lo;
            dst[offset + i] = (byte) (word >>> (56 - 8 * (i & 7)));
        }
        return n;
    }

    /** Length of the common leading bits of two addresses of the same family. */
    public int commonPrefixLength(IpAddress other) {
        requireSameFamily(other);
        int n = Bits.commonPrefix(hi, lo, other.hi, other.lo);
        return Math.min(n, family.bits());
    }

    public boolean isUnspecified() {
        return hi == 0 && lo == 0;
    }

    /** 127.0.0.0/8 or ::1. */
    public boolean isLoopback() {
        return family == IpFamily.IPV4 ? (hi >>> 56) == 127 : hi == 0 && lo == 1;
    }

    /** 169.254.0.0/16 or fe80::/10. */
    public boolean isLinkLocal() {
        return family == IpFamily.IPV4 ? (hi >>> 48) == 0xA9FE : (hi >>> 54) == (0xFE80 >>> 6);
    }

    /** 224.0.0.0/4 or ff00::/8. */
    public boolean isMulticast() {
        return family == IpFamily.IPV4 ? (hi >>> 60) == 0xE : (hi >>> 56) == 0xFF;
    }

    void requireSameFamily(IpAddress other) {
        if (other.family != family) {
            throw new IllegalArgumentException("address families differ: " + family + " and " + other.family);
        }
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = family.compareTo(o.family);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.family == family && a.hi == hi && a.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi) * 31 + Long.hashCode(lo) + family.ordinal();
    }

    /** The canonical text: dotted quad, or RFC 5952 for IPv6. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = IpLiterals.format(family, hi, lo);
            text = t;
        }
        return t;
    }
}
