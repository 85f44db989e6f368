package io.rtmstreams.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Addresses and prefixes are IP literals only (contract.md Conventions; R32, R33): the standard dotted quad and RFC
 * 4291 IPv6 text are accepted, everything that a resolver or inet_aton would also take is rejected, and nothing is
 * ever resolved.
 */
class IpLiteralParsingTest {

    // ---- accepted ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "1.2.3.4", "10.0.0.1", "192.0.2.255", "255.255.255.255"})
    void shouldAcceptDottedQuads(String text) {
        IpAddress a = IpAddress.parse(text);
        assertThat(a.family()).isEqualTo(IpFamily.IPV4);
        assertThat(a.toString()).isEqualTo(text);
    }

    @Test
    void shouldReadDottedQuadBytesBigEndian() {
        assertThat(IpAddress.parse("192.0.2.1").toBytes()).containsExactly(192, 0, 2, 1);
        assertThat(IpAddress.parse("1.2.3.4")).isEqualTo(IpAddress.ipv4(0x01020304));
        assertThat(IpAddress.parse("255.255.255.255")).isEqualTo(IpAddress.ipv4(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::1", "2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001",
            "fe80::1", "FE80::ABCD:ef01", "1:2:3:4:5:6:7:8", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "64:ff9b::192.0.2.33", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void shouldAcceptRfc4291Text(String text) {
        assertThat(IpAddress.parse(text).family()).isEqualTo(IpFamily.IPV6);
    }

    @Test
    void shouldReadIpv6TextToTheSameBitsWhateverItsForm() {
        IpAddress expected = IpAddress.ofBytes(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 1});
        assertThat(IpAddress.parse("2001:db8::1")).isEqualTo(expected);
        assertThat(IpAddress.parse("2001:DB8::1")).isEqualTo(expected);
        assertThat(IpAddress.parse("2001:0db8:0:0:0:0:0:1")).isEqualTo(expected);
        assertThat(IpAddress.parse("2001:db8::0.0.0.1")).isEqualTo(expected);
    }

    @Test
    void shouldKeepIpv4MappedAddressesIpv6() {
        IpAddress mapped = IpAddress.parse("::ffff:1.2.3.4");
        assertThat(mapped.family()).isEqualTo(IpFamily.IPV6);
        assertThat(mapped.toBytes()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4);
        assertThat(mapped).isNotEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(IpAddress.parse("::FFFF:0102:0304")).isEqualTo(mapped);
        assertThat(Prefix.parse("::ffff:1.2.3.4/128").family()).isEqualTo(IpFamily.IPV6);
    }

    @Test
    void shouldAcceptTheDefaultRouteOfBothFamilies() {
        assertThat(Prefix.parse("0.0.0.0/0")).isEqualTo(Prefix.defaultRoute(IpFamily.IPV4));
        assertThat(Prefix.parse("::/0")).isEqualTo(Prefix.defaultRoute(IpFamily.IPV6));
        assertThat(Prefix.parse("10.1.2.3/0")).isEqualTo(Prefix.defaultRoute(IpFamily.IPV4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4/32", "10.0.0.0/8", "0.0.0.0/1", "128.0.0.0/1", "::/128", "2001:db8::/32",
            "::1/128", "ff00::/8", "::ffff:0.0.0.0/96"})
    void shouldAcceptPrefixesWithEveryLegalLength(String text) {
        assertThat(Prefix.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void shouldAcceptEveryLengthUpToTheFamilyWidth() {
        for (int len = 0; len <= 32; len++) {
            assertThat(Prefix.parse("255.255.255.255/" + len).length()).isEqualTo(len);
        }
        for (int len = 0; len <= 128; len++) {
            assertThat(Prefix.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/" + len).length()).isEqualTo(len);
        }
    }

    // ---- rejected ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "dead", "beef", "beef::x", "router1", "a.b.c.d", "host.example."})
    void shouldRejectHostNames(String text) {
        assertRejectedAsAddress(text);
        assertRejectedAsPrefix(text + "/8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1.2", "1", "0", "4294967295", "0x0a.0.0.1", "0xa.0.0.1", "010.0.0.1",
            "1.2.3.04", "01.2.3.4", "0.0.0.00", "0x01020304", "017700000001", "1.2.3.0x4", "1.2.0x10.4"})
    void shouldRejectInetAtonShorthands(String text) {
        assertRejectedAsAddress(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.*", "*", "1.2.*.*", "1.2.3.1-5", "1-2.2.3.4", "::1-2", "2001:db8::*",
            "1_2.3.4", "1.2.3._"})
    void shouldRejectWildcardsAndRanges(String text) {
        assertRejectedAsAddress(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " 1.2.3.4", "1.2.3.4 ", "\t1.2.3.4", "1.2.3.4\n", "1.2. 3.4", " ::1",
            "::1 ", "1.2.3.4\u00a0"})
    void shouldRejectEmptyTextAndWhitespace(String text) {
        assertRejectedAsAddress(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 10.0.0.0/8", "10.0.0.0/8 ", "10.0.0.0 /8", "10.0.0.0/ 8", "\t::/0", "::/0\n"})
    void shouldRejectWhitespaceAroundPrefixes(String text) {
        assertRejectedAsPrefix(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.256", "256.0.0.0", "1.2.3.-1", "1.2.3.4.5", "1.2.3.4.", ".1.2.3", "12345::",
            "00001::", "1:2:3:4:5:6:7:8:9", "1::2::3", "::ffff:256.1.1.1", "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
            "g::1", ":::", "1:2:3:4:5:6:7", "[::1]", "1.2.3.4:80", "::ffff:01.2.3.4", "::ffff:1.2.3.04",
            "+1.2.3.4", "\u0661.2.3.4"})
    void shouldRejectOutOfRangeOrMalformedParts(String text) {
        assertRejectedAsAddress(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4/33", "0.0.0.0/64", "::/129", "::/200", "1.2.3.4/-1", "10.0.0.0/08",
            "10.0.0.0/008", "0.0.0.0/00", "::/00", "2001:db8::/032", "1.2.3.4/000032", "10.0.0.0/",
            "10.0.0.0/+8", "10.0.0.0/0x8", "10.0.0.0/8/8", "10.0.0.0/255.0.0.0", "/8", "10.0.0.0",
            "2001:db8::", "1.2.3/24", "10.*/8", "1.2.3.4/\u0668"})
    void shouldRejectBadPrefixLengths(String text) {
        assertRejectedAsPrefix(text);
    }

    @Test
    void shouldRejectAPrefixWhereAnAddressIsExpected() {
        assertRejectedAsAddress("1.2.3.4/32");
        assertRejectedAsAddress("::1/128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%eth0", "fe80::1%1", "::ffff:1.2.3.4%eth0", "fe80::1%", "1.2.3.4%eth0"})
    void shouldRejectZonesWhereAPlainAddressIsExpected(String text) {
        assertRejectedAsAddress(text);
        assertRejectedAsPrefix(text + "/64");
    }

    @Test
    void shouldRejectNullText() {
        assertThatThrownBy(() -> IpAddress.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Prefix.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- never resolved ---------------------------------------------------------------------------------------

    @Test
    void shouldRejectNamesAsSyntaxWithoutAskingAResolver() {
        for (String name : List.of("localhost", "example.com", "nonexistent.invalid", "dead")) {
            assertThatThrownBy(() -> IpAddress.parse(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an IP literal")
                    .hasRootCauseInstanceOf(inet.ipaddr.AddressStringException.class);
        }
    }

    /**
     * Java 17 still routes every name lookup through {@code SecurityManager.checkConnect(host, -1)}: a recording
     * security manager sees the lookup of "localhost" (proving the probe works) and none while literals are
     * parsed or names rejected. Only this thread's lookups count, and the previous manager is restored.
     */
    @Test
    @SuppressWarnings("removal")
    void shouldNeverResolveANameWhileParsing() throws Exception {
        List<String> lookups = new ArrayList<>();
        Thread self = Thread.currentThread();
        SecurityManager recorder = new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                if (port == -1 && Thread.currentThread() == self) {
                    synchronized (lookups) {
                        lookups.add(host);
                    }
                }
            }

            @Override
            public void checkPermission(java.security.Permission perm) {
            }

            @Override
            public void checkPermission(java.security.Permission perm, Object context) {
            }
        };
        SecurityManager previous = System.getSecurityManager();
        try {
            System.setSecurityManager(recorder);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "this JVM forbids installing a security manager");
        }
        List<String> duringParse;
        List<String> duringProbe;
        try {
            for (String s : List.of("localhost", "example.com", "nonexistent.invalid", "dead", "beef::x", "router1")) {
                assertThatThrownBy(() -> IpAddress.parse(s)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> Prefix.parse(s + "/24")).isInstanceOf(IllegalArgumentException.class);
            }
            IpAddress.parse("192.0.2.1");
            IpAddress.parse("2001:db8::1");
            Prefix.parse("10.0.0.0/8");
            synchronized (lookups) {
                duringParse = new ArrayList<>(lookups);
            }
            InetAddress.getByName("localhost");
            synchronized (lookups) {
                duringProbe = new ArrayList<>(lookups);
            }
        } finally {
            System.setSecurityManager(previous);
        }
        assertThat(duringParse).isEmpty();
        assertThat(duringProbe).contains("localhost");
    }

    private static void assertRejectedAsAddress(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .as("IpAddress.parse(\"%s\")", text)
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejectedAsPrefix(String text) {
        assertThatThrownBy(() -> Prefix.parse(text))
                .as("Prefix.parse(\"%s\")", text)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
