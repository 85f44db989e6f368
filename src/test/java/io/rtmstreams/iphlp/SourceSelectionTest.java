package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Best source address selection, RFC 6724 §5 rules 1, 2, 6 and 8 (B9). */
class SourceSelectionTest {

    @Test
    void rule1_shouldPreferTheDestinationItself() {
        assertThat(select("2001:db8::5", "2001:db8::1", "2001:db8::5", "fe80::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void rule2_shouldPreferTheSmallestScopeThatReachesTheDestination() {
        assertThat(select("2001:db8::9", "fe80::1", "fec0::1", "2001:db8:ffff::1")).isEqualTo("2001:db8:ffff::1");
        assertThat(select("fe80::9", "2001:db8::1", "fec0::1", "fe80::1")).isEqualTo("fe80::1");
        assertThat(select("fec0::9", "2001:db8::1", "fe80::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void rule2_shouldTakeTheLargestScopeWhenNoneReachesTheDestination() {
        assertThat(select("2001:db8::9", "fe80::1", "fec0::1")).isEqualTo("fec0::1");
    }

    @Test
    void rule2_shouldScopeIpv4LinkLocalAndLoopbackAsLinkLocal() {
        assertThat(select("8.8.8.8", "169.254.1.1", "192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(select("169.254.9.9", "192.0.2.1", "169.254.1.1")).isEqualTo("169.254.1.1");
    }

    @Test
    void rule6_shouldPreferAMatchingLabel() {
        // 2001:1::1 has the default label 1; the Teredo source 2001::1 (label 5) shares 31 leading bits with it,
        // 2400::1 (label 1) only 5: the label decides before the common prefix
        assertThat(select("2001:1::1", "2001::1", "2400::1")).isEqualTo("2400::1");
        assertThat(select("fd00::1", "2001:db8::1", "fc00::1")).isEqualTo("fc00::1");
    }

    @Test
    void rule8_shouldPreferTheLongestCommonPrefix() {
        assertThat(select("2001:db8:5::1", "2001:db8:4::1", "2001:db8:5::2", "2001:db8:6::1"))
                .isEqualTo("2001:db8:5::2");
        assertThat(select("192.0.2.77", "198.51.100.1", "192.0.2.1", "203.0.113.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void rule8_shouldCompareIpv6OnlyUpToTheSubnetPrefix() {
        // both share the /64 with the destination; the interface identifiers do not count, the lower address wins
        assertThat(select("2001:db8::ffff", "2001:db8::ff00", "2001:db8::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void shouldIgnoreAddressesOfTheOtherFamilyAndAnswerTheSameWhateverTheOrder() {
        List<String> addresses = new ArrayList<>(List.of("192.0.2.1", "2001:db8::1", "fe80::1", "2001:db8::2"));
        String first = select("2001:db8::9", addresses.toArray(String[]::new));
        Collections.reverse(addresses);
        assertThat(select("2001:db8::9", addresses.toArray(String[]::new))).isEqualTo(first).isEqualTo("2001:db8::1");
        assertThat(SourceSelection.select(List.of(IpAddress.parse("192.0.2.1")), IpAddress.parse("2001:db8::9")))
                .isNull();
    }

    private static String select(String destination, String... candidates) {
        List<IpAddress> list = new ArrayList<>();
        for (String c : candidates) {
            list.add(IpAddress.parse(c));
        }
        return SourceSelection.select(list, IpAddress.parse(destination)).toString();
    }
}
