package io.rtmstreams.net;

import java.util.Objects;

/**
 * An immutable, canonical address prefix ({@code 10.0.0.0/8}, {@code 2001:db8::/32}): the bits beyond the length
 * are always zero (RTMv2 R33), so two prefixes are equal exactly when they name the same destination.
 *
 * <p>Prefixes order by family, then address bits, then length with the shorter first (R125), which is also the
 * order of their {@linkplain #writeKey byte keys}: {@code 10.0.0.0/8 < 10.0.0.0/16 < 10.1.0.0/16}.
 */
public final class Prefix implements Comparable<Prefix> {

    private final IpFamily family;
    private final long hi;
    private final long lo;
    private final int length;
    private String text;

    private Prefix(IpFamily family, long hi, long lo, int length) {
        this.family = family;
        this.hi = Bits.maskHi(hi, length);
        this.lo = Bits.maskLo(lo, length);
        this.length = length;
    }

    /**
     * The prefix of {@code address} with {@code length} bits; bits beyond the length are cleared (R33).
     *
     * @throws IllegalArgumentException if the length is negative or longer than the family's width
     */
    public static Prefix of(IpAddress address, int length) {
        Objects.requireNonNull(address, "address");
        checkLength(address.family(), length);
        return new Prefix(address.family(), address.hi(), address.lo(), length);
    }

    /** The host prefix (/32 or /128) of an address. */
    public static Prefix host(IpAddress address) {
        return of(address, address.family().bits());
    }

    /** 0.0.0.0/0 or ::/0. */
    public static Prefix defaultRoute(IpFamily family) {
        return new Prefix(family, 0, 0, 0);
    }

    /**
     * Parses {@code address/length} with an IP literal address. Host bits beyond the length are zeroed (R33).
     *
     * @throws IllegalArgumentException if the text is not an IP literal with a valid length
     */
    public static Prefix parse(String text) {
        IpLiterals.Parsed p = IpLiterals.parse(text);
        if (p.prefixLength() < 0) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length (expected address/length)");
        }
        if (p.zone() != null) {
            throw new IllegalArgumentException("'" + text + "' carries a zone; prefixes have none");
        }
        checkLength(p.family(), p.prefixLength());
        return new Prefix(p.family(), p.hi(), p.lo(), p.prefixLength());
    }

    private static void checkLength(IpFamily family, int length) {
        if (length < 0 || length > family.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + family.bits() + " for " + family);
        }
    }

    public IpFamily family() {
        return family;
    }

    public int length() {
        return length;
    }

    /** The network address (all host bits zero). */
    public IpAddress address() {
        return new IpAddress(family, hi, lo);
    }

    public boolean isDefault() {
        return length == 0;
    }

    /** True when {@code address} lies inside this prefix. */
    public boolean contains(IpAddress address) {
        return address.family() == family
                && Bits.maskHi(address.hi(), length) == hi
                && Bits.maskLo(address.lo(), length) == lo;
    }

    /** True when {@code other} is this prefix or a more specific one inside it. */
    public boolean covers(Prefix other) {
        return other.family == family && other.length >= length
                && Bits.maskHi(other.hi, length) == hi
                && Bits.maskLo(other.lo, length) == lo;
    }

    /** This prefix shortened to {@code newLength} bits (at most the current length). */
    public Prefix truncate(int newLength) {
        if (newLength > length || newLength < 0) {
            throw new IllegalArgumentException("cannot truncate /" + length + " to /" + newLength);
        }
        return newLength == length ? this : new Prefix(family, hi, lo, newLength);
    }

    /** Length of the bits this prefix and {@code address} share, capped at this prefix's length. */
    public int commonLength(IpAddress address) {
        requireFamily(address.family());
        return Math.min(length, Bits.commonPrefix(hi, lo, address.hi(), address.lo()));
    }

    /** Length of the bits two prefixes share, capped at the shorter length. */
    public int commonLength(Prefix other) {
        requireFamily(other.family);
        return Math.min(Math.min(length, other.length), Bits.commonPrefix(hi, lo, other.hi, other.lo));
    }

    private void requireFamily(IpFamily other) {
        if (other != family) {
            throw new IllegalArgumentException("address families differ: " + family + " and " + other);
        }
    }

    /** Number of bytes {@link #writeKey} writes: the address bytes plus one length byte. */
    public int keySize() {
        return family.bytes() + 1;
    }

    /** Writes the sortable key: big-endian address bytes, then the length. Returns the bytes written. */
    public int writeKey(byte[] dst, int offset) {
        int n = address().writeTo(dst, offset);
        dst[offset + n] = (byte) length;
        return n + 1;
    }

    /** Reads a key written by {@link #writeKey}. */
    public static Prefix readKey(IpFamily family, byte[] src, int offset) {
        int n = family.bytes();
        long hi;
        long lo = 0;
        if (n == 4) {
            hi = (((src[offset] & 0xFFL) << 24) | ((src[offset + 1] & 0xFFL) << 16)
                    | ((src[offset + 2] & 0xFFL) << 8) | (src[offset + 3] & 0xFFL)) << 32;
        } else {
            hi = IpLiterals.toLong(src, offset);
            lo = IpLiterals.toLong(src, offset + 8);
        }
        int length = src[offset + n] & 0xFF;
        checkLength(family, length);
        return new Prefix(family, hi, lo, length);
    }

    @Override
    public int compareTo(Prefix o) {
        int c = family.compareTo(o.family);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(hi, o.hi);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(lo, o.lo);
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && p.family == family && p.length == length && p.hi == hi && p.lo == lo;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(hi) * 31 + Long.hashCode(lo)) * 131 + length + family.ordinal();
    }

    /** The canonical text {@code address/length} (R33). */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = IpLiterals.format(family, hi, lo) + "/" + length;
            text = t;
        }
        return t;
    }
}
