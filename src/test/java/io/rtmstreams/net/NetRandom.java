package io.rtmstreams.net;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Random addresses and prefixes for property tests, built only through the public API ({@link IpAddress#ofBytes}),
 * and a brute-force model of their bits (a {@link BigInteger} per address) that shares no code with the class
 * under test. Addresses are drawn near a few bases, so that equal, covering and nearly equal prefixes are common.
 */
final class NetRandom {

    private final SplittableRandom rnd;
    private final byte[][] v4Bases;
    private final byte[][] v6Bases;

    NetRandom(long seed) {
        rnd = new SplittableRandom(seed);
        v4Bases = new byte[][] {bytes(0, 0, 0, 0), bytes(10, 0, 0, 0), bytes(10, 1, 2, 3), bytes(255, 255, 255, 255),
                bytes(127, 255, 255, 255), bytes(128, 0, 0, 0), bytes(192, 0, 2, 128)};
        v6Bases = new byte[][] {new byte[16], bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                allOnes(16), bytes(0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                bytes(0, 0, 0, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
                bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4)};
    }

    SplittableRandom random() {
        return rnd;
    }

    IpFamily family() {
        return rnd.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    /** An address: uniformly random, or a base with a few bits flipped. */
    IpAddress address(IpFamily family) {
        int n = family.bytes();
        byte[] b;
        if (rnd.nextInt(4) == 0) {
            b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) rnd.nextInt(256);
            }
        } else {
            byte[][] bases = family == IpFamily.IPV4 ? v4Bases : v6Bases;
            b = bases[rnd.nextInt(bases.length)].clone();
            int flips = rnd.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int bit = rnd.nextInt(family.bits());
                b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            }
        }
        return IpAddress.ofBytes(b);
    }

    int length(IpFamily family) {
        int w = family.bits();
        switch (rnd.nextInt(5)) {
            case 0:
                return 0;
            case 1:
                return w;
            case 2:
                return rnd.nextInt(Math.max(1, w / 4), w + 1);
            default:
                return rnd.nextInt(w + 1);
        }
    }

    Prefix prefix(IpFamily family) {
        return Prefix.of(address(family), length(family));
    }

    Prefix prefix() {
        return prefix(family());
    }

    // ---- the brute-force model ----------------------------------------------------------------------------------

    /** The address as an unsigned number. */
    static BigInteger value(IpAddress a) {
        return new BigInteger(1, a.toBytes());
    }

    /** Bit {@code i} of the address, counted from the most significant (0). */
    static boolean bitOf(IpAddress a, int i) {
        return value(a).testBit(a.family().bits() - 1 - i);
    }

    /** The address with all bits from {@code length} on cleared. */
    static BigInteger maskedValue(IpAddress a, int length) {
        int w = a.family().bits();
        BigInteger v = value(a);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(w - length).subtract(BigInteger.ONE);
        return v.andNot(hostMask);
    }

    /** Number of leading bits two addresses of one family share: the width less the highest differing bit. */
    static int common(IpAddress a, IpAddress b) {
        return a.family().bits() - value(a).xor(value(b)).bitLength();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] allOnes(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0xFF);
        return b;
    }
}
