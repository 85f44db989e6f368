package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.v6;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V rules applied to producer rows (§3, RowValidator): each failure is ERROR_INVALID_PARAMETER and leaves every
 * row, index and best route as it was (D20).
 */
class RowValidationTest {

    static final long LUID = NetLuid.of(6, 1);
    static final long LUID6 = NetLuid.of(6, 2);

    private IphlpFixture f;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(v4(LUID, 1, 25));
        f.add(v6(LUID6, 2, 25));
        f.route("10.0.0.0/8", 1, via("192.0.2.1", 1));
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, names = {"ADD_INSTANCE", "PARAMETER_CHANGE", "DELETE_INSTANCE"})
    void v1_shouldRejectAMissingRow(NotificationType type) {
        assertRejected(() -> f.change(type, null), "V1");
    }

    @Test
    void v2_shouldRejectAfUnspecEvenWithAValidLuid() {
        assertRejected(() -> f.put(v4(LUID, 1, 40).family(0)), "V2");
    }

    @Test
    void v2_shouldRejectLinuxNumberingForIpv6() {
        // A2: a producer must normalise AF_INET6 10 to 23
        assertRejected(() -> f.put(v6(LUID6, 2, 40).family(10)), "V2");
    }

    @Test
    void v3_shouldRejectARowWithNeitherLuidNorIndex() {
        assertRejected(() -> f.put(v4(0, 0, 40)), "V3");
        assertRejected(() -> f.delete(v4(0, 0, 40)), "V3");
    }

    @Test
    void v8_shouldBoundSitePrefixLengthBy32ForIpv4And128ForIpv6() {
        assertRejected(() -> f.put(v4(LUID, 1, 25).sitePrefixLength(33)), "V8");
        assertRejected(() -> f.put(v6(LUID6, 2, 25).sitePrefixLength(129)), "V8");
        assertRejected(() -> f.put(v6(LUID6, 2, 25).sitePrefixLength(255)), "V8");
        assertThat(f.put(v4(LUID, 1, 25).sitePrefixLength(32)).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.put(v6(LUID6, 2, 25).sitePrefixLength(128)).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    void v11_shouldRejectAnMtuBelowTheFamilyMinimum() {
        assertRejected(() -> f.put(v6(LUID6, 2, 25).nlMtu(1279)), "V11");
        assertRejected(() -> f.put(v4(LUID, 1, 25).nlMtu(575)), "V11");
        assertThat(f.put(v6(LUID6, 2, 25).nlMtu(1280)).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.put(v4(LUID, 1, 25).nlMtu(576)).status()).isEqualTo(Status.NO_ERROR);
        // F6: the loopback row reports NlMtu 0xFFFFFFFF
        assertThat(f.put(v4(LUID, 1, 25).nlMtu(0xFFFF_FFFFL)).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    void v12_shouldRejectBehavioursOutsideTheirEnums() {
        assertRejected(() -> f.put(v4(LUID, 1, 25).routerDiscoveryBehavior(7)), "V12");
        assertRejected(() -> f.put(v4(LUID, 1, 25).routerDiscoveryBehavior(-2)), "V12");
        assertRejected(() -> f.put(v4(LUID, 1, 25).linkLocalAddressBehavior(3)), "V12");
    }

    @Test
    void shouldRejectValuesWiderThanTheirCTypes() {
        assertRejected(() -> f.put(v4(LUID, 1, 0x1_0000_0000L)), "§2.1");
        assertRejected(() -> f.put(v4(LUID, 1, 25).dadTransmits(-1)), "§2.1");
        assertRejected(() -> f.put(v4(LUID, 0x1_0000_0000L, 25)), "§2.1");
        assertRejected(() -> f.put(v4(LUID, 1, 25).zoneIndices(Collections.nCopies(15, 0L))), "§2.1");
        assertRejected(() -> f.put(v4(LUID, 1, 25).zoneIndices(withFirst(-1L))), "§2.1");
    }

    @Test
    void d18_shouldRejectAddressesThatAreNotUnicastAddressesOfTheRowsFamily() {
        assertRejected(() -> f.put(v4(LUID, 1, 25).addresses("2001:db8::1")), "D18");
        assertRejected(() -> f.put(v4(LUID, 1, 25).addresses("224.0.0.1")), "D18");
        assertRejected(() -> f.put(v6(LUID6, 2, 25).addresses("::")), "D18");
    }

    @Test
    void n4_shouldCheckOnlyTheKeysOfADeleteRow() {
        // a delete notification's other fields are unreliable (N4): an IPv4 SitePrefixLength of 64 is no reason to fail
        assertThat(f.delete(v4(LUID, 1, 25).sitePrefixLength(64)).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    void v9_shouldStoreTheStackOwnedFieldsAsSent() {
        InterfaceRow sent = v4(LUID, 1, 25).reachableTime(12_345).supportsWakeUpPatterns(true)
                .maxReassemblySize(65_535).receiveOffload(new InterfaceOffload(true, true, true, true, true, true,
                        true, true)).build();
        assertThat(f.put(sent).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.ip.interfaces().row(IphlpFixture.ROUTER, IpFamily.IPV4, LUID)).isEqualTo(sent);
    }

    @Test
    void v10_shouldKeepTheCurrentBehaviourForTheUnchangedSentinel() {
        f.put(v4(LUID, 1, 25).routerDiscoveryBehavior(0).linkLocalAddressBehavior(2));
        f.put(v4(LUID, 1, 25).routerDiscoveryBehavior(-1).linkLocalAddressBehavior(-1));
        InterfaceRow stored = f.ip.interfaces().row(IphlpFixture.ROUTER, IpFamily.IPV4, LUID);
        assertThat(stored.routerDiscoveryBehavior()).isZero();
        assertThat(stored.linkLocalAddressBehavior()).isEqualTo(2);
    }

    @Test
    void v10_shouldGiveANewRowTheFamilyDefaultForTheUnchangedSentinel() {
        long luid = NetLuid.of(6, 9);
        f.add(v6(luid, 9, 25).routerDiscoveryBehavior(-1).linkLocalAddressBehavior(-1));
        InterfaceRow stored = f.ip.interfaces().row(IphlpFixture.ROUTER, IpFamily.IPV6, luid);
        assertThat(stored.routerDiscoveryBehavior()).isEqualTo(1);
        assertThat(stored.linkLocalAddressBehavior()).isEqualTo(2);
    }

    private static List<Long> withFirst(long v) {
        List<Long> zones = new ArrayList<>(Collections.nCopies(16, 0L));
        zones.set(0, v);
        return zones;
    }

    /** The change fails with ERROR_INVALID_PARAMETER citing {@code rule}, and nothing changed. */
    private void assertRejected(Supplier<IphlpFixture.Applied> change, String rule) {
        List<InterfaceRow> rowsBefore = f.ip.table(IphlpFixture.ROUTER, null);
        int slotsBefore = f.stores.size(IphlpStores.INTERFACE_INDEXES);
        var bestBefore = f.storedBest("10.0.0.0/8");
        IphlpFixture.Applied a = change.get();
        assertThat(a.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(a.result().message()).startsWith(rule);
        assertThat(a.result().row()).isNull();
        assertThat(a.effects().isEmpty()).isTrue();
        assertThat(f.ip.table(IphlpFixture.ROUTER, null)).isEqualTo(rowsBefore);
        assertThat(f.stores.size(IphlpStores.INTERFACE_INDEXES)).isEqualTo(slotsBefore);
        assertThat(f.storedBest("10.0.0.0/8")).isEqualTo(bestBefore);
    }
}
