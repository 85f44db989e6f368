package io.rtmstreams.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Address predicates of both families: loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16, fe80::/10),
 * multicast (224.0.0.0/4, ff00::/8) and unspecified (0.0.0.0, ::), with the addresses on either side of every
 * boundary, and against a prefix-membership model for random addresses.
 */
class IpAddressPredicatesTest {

    @ParameterizedTest(name = "{0}: loopback {1}, link-local {2}, multicast {3}, unspecified {4}")
    @CsvSource({
            "0.0.0.0,          false, false, false, true",
            "0.0.0.1,          false, false, false, false",
            "126.255.255.255,  false, false, false, false",
            "127.0.0.0,        true,  false, false, false",
            "127.0.0.1,        true,  false, false, false",
            "127.255.255.255,  true,  false, false, false",
            "128.0.0.0,        false, false, false, false",
            "169.253.255.255,  false, false, false, false",
            "169.254.0.0,      false, true,  false, false",
            "169.254.255.255,  false, true,  false, false",
            "169.255.0.0,      false, false, false, false",
            "223.255.255.255,  false, false, false, false",
            "224.0.0.0,        false, false, true,  false",
            "239.255.255.255,  false, false, true,  false",
            "240.0.0.0,        false, false, false, false",
            "255.255.255.255,  false, false, false, false",
            "::,               false, false, false, true",
            "::1,              true,  false, false, false",
            "::2,              false, false, false, false",
            "1::1,             false, false, false, false",
            "::ffff:127.0.0.1, false, false, false, false",
            "::ffff:0.0.0.0,   false, false, false, false",
            "::ffff:224.0.0.1, false, false, false, false",
            "::1:0:0:0:1,      false, false, false, false",
            "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false, false, false, false",
            "fe80::,           false, true,  false, false",
            "fe80::1,          false, true,  false, false",
            "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false, true,  false, false",
            "fec0::,           false, false, false, false",
            "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false, false, false, false",
            "ff00::,           false, false, true,  false",
            "ff02::1,          false, false, true,  false",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false, false, true,  false"})
    void shouldClassifyAddressesOnTheBoundaries(String text, boolean loopback, boolean linkLocal, boolean multicast,
                                                boolean unspecified) {
        IpAddress a = IpAddress.parse(text);
        assertThat(a.isLoopback()).as("loopback").isEqualTo(loopback);
        assertThat(a.isLinkLocal()).as("link-local").isEqualTo(linkLocal);
        assertThat(a.isMulticast()).as("multicast").isEqualTo(multicast);
        assertThat(a.isUnspecified()).as("unspecified").isEqualTo(unspecified);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldAgreeWithPrefixMembership(long seed) {
        NetRandom g = new NetRandom(seed);
        byte[][] nearV4 = {NetRandom.bytes(127, 0, 0, 0), NetRandom.bytes(169, 254, 0, 0), NetRandom.bytes(224, 0, 0, 0),
                NetRandom.bytes(0, 0, 0, 0)};
        byte[][] nearV6 = {NetRandom.bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                NetRandom.bytes(0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                NetRandom.bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), new byte[16]};
        for (int i = 0; i < 3000; i++) {
            IpFamily f = g.family();
            IpAddress a;
            if (g.random().nextBoolean()) {
                a = g.address(f);
            } else {
                byte[][] near = f == IpFamily.IPV4 ? nearV4 : nearV6;
                byte[] b = near[g.random().nextInt(near.length)].clone();
                int bit = g.random().nextInt(Math.min(f.bits(), 24));
                b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                if (g.random().nextBoolean()) {
                    b[b.length - 1] ^= (byte) g.random().nextInt(256);
                }
                a = IpAddress.ofBytes(b);
            }
            boolean v4 = f == IpFamily.IPV4;
            String why = "seed " + seed + ": " + a;
            assertThat(a.isLoopback()).as(why).isEqualTo(v4 ? in(a, "127.0.0.0/8") : in(a, "::1/128"));
            assertThat(a.isLinkLocal()).as(why).isEqualTo(v4 ? in(a, "169.254.0.0/16") : in(a, "fe80::/10"));
            assertThat(a.isMulticast()).as(why).isEqualTo(v4 ? in(a, "224.0.0.0/4") : in(a, "ff00::/8"));
            assertThat(a.isUnspecified()).as(why).isEqualTo(NetRandom.value(a).signum() == 0);
        }
    }

    /** Membership by brute-force arithmetic (not through {@link Prefix#contains}). */
    private static boolean in(IpAddress a, String prefix) {
        String[] parts = prefix.split("/");
        IpAddress net = IpAddress.parse(parts[0]);
        int len = Integer.parseInt(parts[1]);
        return NetRandom.maskedValue(a, len).equals(NetRandom.value(net));
    }
}
