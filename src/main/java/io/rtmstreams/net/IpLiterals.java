package io.rtmstreams.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

import java.util.regex.Pattern;

/**
 * The one place that turns text into address bits and back. Parsing accepts IP literals in their standard forms
 * only (dotted quad; RFC 4291 text with {@code ::} and an embedded dotted quad): no host names, no inet_aton
 * shorthands, no octal or hex IPv4 parts, no wildcards or ranges. Nothing here ever resolves a name.
 */
final class IpLiterals {

    private static final IPAddressStringParameters STRICT;
    /** A decimal prefix length without leading zeros. */
    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    static {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowPrefixOnly(false)
                .allowMask(false)
                .allowPrefix(true)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .allow_inet_aton(false);
        b.getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixLengthLeadingZeros(true) // the library also refuses "/0" this way: checked below
                .allowPrefixesBeyondAddressSize(false)
                .allowBinary(false);
        b.getIPv6AddressParametersBuilder()
                .allowZone(true)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowMixed(true)
                .allow_mixed_inet_aton(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixLengthLeadingZeros(true)
                .allowPrefixesBeyondAddressSize(false);
        // The dotted quad inside IPv6 text (::ffff:1.2.3.4) is held to the same rules as a plain one.
        b.getIPv6AddressParametersBuilder().getEmbeddedIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowBinary(false)
                .allow_inet_aton(false);
        STRICT = b.toParams();
    }

    private IpLiterals() {
    }

    /** The parsed form of {@code address}, {@code address%zone} or {@code address/length}. */
    record Parsed(IpFamily family, long hi, long lo, int prefixLength, String zone) {
    }

    static Parsed parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        Parsed quad = plainDottedQuad(text);
        return quad != null ? quad : parseGeneral(text);
    }

    /** Every literal form, through the library (and the checks it lacks). */
    static Parsed parseGeneral(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        int slash = text.indexOf('/');
        if (slash >= 0 && !PREFIX_LENGTH.matcher(text).region(slash + 1, text.length()).matches()) {
            throw new IllegalArgumentException("'" + text + "' has a malformed prefix length");
        }
        IPAddress address;
        try {
            address = new IPAddressString(requireNoWhitespace(text), STRICT).toAddress();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP literal: " + e.getMessage(), e);
        }
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP literal");
        }
        Integer len = address.getNetworkPrefixLength();
        String zone = null;
        long hi;
        long lo;
        IpFamily family;
        if (address.isIPv4()) {
            family = IpFamily.IPV4;
            hi = (((IPv4Address) address).longValue() & 0xFFFF_FFFFL) << 32;
            lo = 0;
        } else {
            family = IpFamily.IPV6;
            IPv6Address v6 = (IPv6Address) address;
            byte[] bytes = v6.getBytes();
            hi = toLong(bytes, 0);
            lo = toLong(bytes, 8);
            if (v6.hasZone()) {
                zone = v6.getZone();
            }
        }
        return new Parsed(family, hi, lo, len == null ? -1 : len, zone);
    }

    /**
     * The fast path for the commonest literal, a plain dotted quad with an optional length ({@code 10.0.0.0/8}):
     * every advert carries several, and the general parser costs a tenth of the processing of one. It accepts only
     * text the general parser also accepts (four decimal parts 0–255 and a length 0–32, without leading zeros) and
     * returns null for anything else, which then takes the general path and its error messages.
     */
    private static Parsed plainDottedQuad(String text) {
        int n = text.length();
        long value = 0;
        int i = 0;
        for (int part = 0; part < 4; part++) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + (text.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || v > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return null;
            }
            value = (value << 8) | v;
            if (part < 3) {
                if (i >= n || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        int length = -1;
        if (i < n) {
            if (text.charAt(i) != '/' || i + 1 >= n || n - i - 1 > 2) {
                return null;
            }
            length = 0;
            for (int j = i + 1; j < n; j++) {
                char c = text.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                length = length * 10 + (c - '0');
            }
            if (length > 32 || (n - i - 1 > 1 && text.charAt(i + 1) == '0')) {
                return null;
            }
        }
        return new Parsed(IpFamily.IPV4, value << 32, 0, length, null);
    }

    /** The library trims surrounding whitespace; a literal has none anywhere. */
    private static String requireNoWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch <= ' ' || Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                throw new IllegalArgumentException("'" + text + "' contains whitespace");
            }
        }
        return text;
    }

    /**
     * The canonical text: a dotted quad, or RFC 5952 for IPv6, including its section 5 mixed notation for
     * IPv4-mapped addresses ({@code ::ffff:192.0.2.1}), as Windows and glibc print them.
     */
    static String format(IpFamily family, long hi, long lo) {
        if (family == IpFamily.IPV4) {
            return dottedQuad(hi >>> 32);
        }
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            return "::ffff:" + dottedQuad(lo & 0xFFFF_FFFFL);
        }
        byte[] bytes = new byte[16];
        putLong(bytes, 0, hi);
        putLong(bytes, 8, lo);
        return new IPv6Address(bytes).toCanonicalString();
    }

    private static String dottedQuad(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    static long toLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
