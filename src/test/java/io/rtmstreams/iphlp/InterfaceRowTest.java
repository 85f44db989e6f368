package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The row model: per-family defaults (§2.1) and the LUID bit-fields (L1). */
class InterfaceRowTest {

    @Test
    void shouldDefaultAnIpv4RowAsSection21Says() {
        InterfaceRow r = InterfaceRow.builder(IpFamily.IPV4).interfaceLuid(1).interfaceIndex(1).build();
        assertThat(r.family()).isEqualTo(2);
        assertThat(r.weakHostSend()).isFalse();
        assertThat(r.weakHostReceive()).isFalse();
        assertThat(r.useAutomaticMetric()).isTrue();
        assertThat(r.useNeighborUnreachabilityDetection()).isTrue();
        assertThat(r.routerDiscoveryBehavior()).isEqualTo(2); // Dhcp
        assertThat(r.dadTransmits()).isEqualTo(3);
        assertThat(r.linkLocalAddressBehavior()).isEqualTo(1); // Delayed
        assertThat(r.minRouterAdvertisementInterval()).isEqualTo(200);
        assertThat(r.maxRouterAdvertisementInterval()).isEqualTo(600);
        assertThat(r.baseReachableTime()).isEqualTo(30_000);
        assertThat(r.retransmitTime()).isEqualTo(1_000);
        assertThat(r.sitePrefixLength()).isZero(); // what V8 demands on input
        assertThat(r.disableDefaultRoutes()).isFalse();
        assertThat(r.forwardingEnabled()).isFalse();
        assertThat(r.connected()).isTrue();
        assertThat(r.zoneIndices()).isEqualTo(Collections.nCopies(16, 0L));
        assertThat(r.transmitOffload()).isEqualTo(InterfaceOffload.NONE);
        assertThat(r.mediaType()).isEqualTo(MediaType.OTHER);
        assertThat(r.unicastAddresses()).isEmpty();
        assertThat(RowValidator.checkRow(r)).isNull();
    }

    @Test
    void shouldDefaultAnIpv6RowWithItsOwnBehaviours() {
        InterfaceRow r = InterfaceRow.builder(IpFamily.IPV6).interfaceLuid(1).interfaceIndex(1).build();
        assertThat(r.family()).isEqualTo(23);
        assertThat(r.routerDiscoveryBehavior()).isEqualTo(1); // Enabled
        assertThat(r.dadTransmits()).isEqualTo(1);
        assertThat(r.linkLocalAddressBehavior()).isEqualTo(2); // AlwaysOn
        assertThat(r.nlMtu()).isGreaterThanOrEqualTo(1280);
        assertThat(RowValidator.checkRow(r)).isNull();
    }

    @Test
    void shouldKeepEveryFieldThroughTheBuilder() {
        InterfaceRow r = InterfaceRow.builder(IpFamily.IPV6).interfaceLuid(NetLuid.of(71, 3)).interfaceIndex(9)
                .forwardingEnabled(true).weakHostSend(true).metric(17).nlMtu(9000).connected(false)
                .transmitOffload(new InterfaceOffload(true, false, true, false, true, false, true, false))
                .linkSpeed(54_000_000L).mediaType(MediaType.WIRELESS).addresses("fe80::1", "2001:db8::1")
                .build();
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }

    @Test
    void shouldSplitTheLuidIntoIfTypeAndNetLuidIndex() {
        long luid = NetLuid.of(71, 0x123456) | 0xABCDEFL; // reserved bits set too
        assertThat(NetLuid.ifType(luid)).isEqualTo(71);
        assertThat(NetLuid.netLuidIndex(luid)).isEqualTo(0x123456);
        assertThat(NetLuid.isLoopback(NetLuid.of(24, 1))).isTrue();
        assertThat(NetLuid.isLoopback(NetLuid.of(6, 1))).isFalse();
        // ifType 0xFFFF puts the sign bit on: the value is still unsigned (L1)
        assertThat(NetLuid.ifType(NetLuid.of(0xFFFF, 1))).isEqualTo(0xFFFF);
        assertThat(NetLuid.toString(NetLuid.of(0xFFFF, 0))).isEqualTo("18446462598732840960");
    }
}
