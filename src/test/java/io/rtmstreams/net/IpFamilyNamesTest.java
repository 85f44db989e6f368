package io.rtmstreams.net;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The contract's family names are exact (contract.md, Conventions); input may also give the AF number. */
class IpFamilyNamesTest {

    @Test
    @DisplayName("contract.md: fromName takes ipv4 and ipv6 exactly, and no other spelling")
    void shouldReadTheContractNamesExactly() {
        assertThat(IpFamily.fromName("ipv4")).isEqualTo(IpFamily.IPV4);
        assertThat(IpFamily.fromName("ipv6")).isEqualTo(IpFamily.IPV6);
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromName("IPv4"));
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromName(""));
    }

    @Test
    @DisplayName("contract.md, A2: fromWire takes a name or the AF numbers 2 and 23, nothing else")
    void shouldReadANameOrAnAfNumber() {
        assertThat(IpFamily.fromWire("ipv6")).isEqualTo(IpFamily.IPV6);
        assertThat(IpFamily.fromWire(2)).isEqualTo(IpFamily.IPV4);
        assertThat(IpFamily.fromWire(23)).isEqualTo(IpFamily.IPV6);
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromWire("IPV6"));
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromWire(10));
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromWire(2L));
        assertThatIllegalArgumentException().isThrownBy(() -> IpFamily.fromWire(true));
    }

    @Test
    @DisplayName("wireName and fromName agree for every family")
    void shouldReadBackItsOwnWireName() {
        for (IpFamily f : IpFamily.values()) {
            assertThat(IpFamily.fromName(f.wireName())).isEqualTo(f);
        }
    }
}
