package io.rtmstreams.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canonical text (contract.md Conventions, R33): dotted quads without leading zeros, RFC 5952 for IPv6 (lower case,
 * no leading zeros, the longest run of two or more zero groups compressed, the first of equally long runs, a single
 * zero group never compressed, and the mixed notation of RFC 5952 §5 for IPv4-mapped addresses), prefixes as
 * {@code address/length} with the host bits zeroed.
 */
class CanonicalTextTest {

    @ParameterizedTest
    @CsvSource({
            "2001:DB8::1, 2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:db8:1:1:1:1:1:0, 2001:db8:1:1:1:1:1:0",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "1:0:0:0:0:0:0:0, 1::",
            "0:1:0:0:0:0:0:0, 0:1::",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:0:0:2:0:0:3, 1::2:0:0:3",
            "0:0:1:0:0:1:0:0, ::1:0:0:1:0:0",
            "FE80::ABCD:EF01, fe80::abcd:ef01",
            "ff02::0001:0002, ff02::1:2",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "::FFFF:0102:0304, ::ffff:1.2.3.4",
            "0:0:0:0:0:ffff:0:0, ::ffff:0.0.0.0",
            "::1.2.3.4, ::102:304",
            "64:ff9b::1.2.3.4, 64:ff9b::102:304",
            "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "192.0.2.10, 192.0.2.10"})
    void shouldFormatAddressesCanonically(String input, String canonical) {
        IpAddress a = IpAddress.parse(input);
        assertThat(a).hasToString(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(a);
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3/8, 10.0.0.0/8",
            "10.0.0.0/8, 10.0.0.0/8",
            "192.168.1.77/26, 192.168.1.64/26",
            "1.2.3.4/0, 0.0.0.0/0",
            "2001:DB8:0:0:1::1/64, 2001:db8::/64",
            "2001:db8:1:2:3:4:5:6/48, 2001:db8:1::/48",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/1, 8000::/1",
            "::ffff:10.1.2.3/104, ::ffff:10.0.0.0/104",
            "fe80::1/10, fe80::/10"})
    void shouldFormatPrefixesWithHostBitsZeroed(String input, String canonical) {
        assertThat(Prefix.parse(input)).hasToString(canonical);
        assertThat(Prefix.parse(canonical)).isEqualTo(Prefix.parse(input));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    /** Random IPv6 addresses with many zero groups, against an independent RFC 5952 formatter. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchAnIndependentRfc5952Formatter(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                int kind = rnd.nextInt(5);
                groups[g] = kind < 2 ? 0 : kind == 2 ? rnd.nextInt(16) : kind == 3 ? 0xffff : rnd.nextInt(0x10000);
            }
            if (rnd.nextInt(20) == 0) {
                groups = new int[] {0, 0, 0, 0, 0, 0xffff, rnd.nextInt(0x10000), rnd.nextInt(0x10000)};
            }
            byte[] b = new byte[16];
            StringBuilder full = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                b[2 * g] = (byte) (groups[g] >>> 8);
                b[2 * g + 1] = (byte) groups[g];
                full.append(g == 0 ? "" : ":").append(String.format("%04X", groups[g]));
            }
            String expected = rfc5952(groups);
            assertThat(IpAddress.ofBytes(b).toString()).as("seed %d: %s", seed, full).isEqualTo(expected);
            assertThat(IpAddress.parse(full.toString()).toString()).as("seed %d: %s", seed, full).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldFormatDottedQuadsWithoutLeadingZeros(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            int[] o = {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
            String text = o[0] + "." + o[1] + "." + o[2] + "." + o[3];
            IpAddress a = IpAddress.ofBytes(NetRandom.bytes(o));
            assertThat(a).hasToString(text);
            assertThat(IpAddress.parse(text)).isEqualTo(a);
        }
    }

    /** RFC 5952 §4 and §5 (IPv4-mapped only), written from the RFC. */
    private static String rfc5952(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (g[6] >>> 8) + "." + (g[6] & 0xff) + "." + (g[7] >>> 8) + "." + (g[7] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int s = 0; s < 8; s++) {
            int e = s;
            while (e < 8 && g[e] == 0) {
                e++;
            }
            if (e - s > bestLen) {
                bestStart = s;
                bestLen = e - s;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
