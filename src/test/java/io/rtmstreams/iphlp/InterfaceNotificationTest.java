package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Cause;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectsCollector;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static io.rtmstreams.iphlp.IphlpFixture.ROUTER;
import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.v6;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interface notifications (N1–N8) with D16's snapshot semantics and name resolution (V4, V5, V6, Q5, L4). Interface
 * E (index 1, metric 25) carries 10/8 and 0/0; W (index 2, metric 35) carries 10/8 and 172.16/12.
 */
class InterfaceNotificationTest {

    static final long E = NetLuid.of(6, 1);
    static final long W = NetLuid.of(71, 1);

    private IphlpFixture f;
    private long tenViaE;
    private long tenViaW;
    private long defaultViaE;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(v4(E, 1, 25));
        f.add(v4(W, 2, 35));
        tenViaE = f.route("10.0.0.0/8", 1, via("192.0.2.1", 1));
        tenViaW = f.route("10.0.0.0/8", 1, via("198.51.100.1", 2));
        defaultViaE = f.route("0.0.0.0/0", 0, via("192.0.2.1", 1));
        f.route("172.16.0.0/12", 1, via("198.51.100.1", 2));
    }

    private InterfaceRow stored(IpFamily family, long luid) {
        return f.ip.interfaces().row(ROUTER, family, luid);
    }

    @Test
    void d16_addShouldCreateTheRowAndPriceTheRoutesAlreadyThroughIt() {
        IphlpFixture g = new IphlpFixture();
        long id = g.route("10.0.0.0/8", 1, via("192.0.2.1", 4));
        assertThat(g.storedBest("10.0.0.0/8").cost().interfaceMetric()).isZero(); // D12: unknown interface
        IphlpFixture.Applied a = g.add(v4(E, 4, 25));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(a.result().recomputedDestinations()).isEqualTo(1);
        assertThat(g.storedBest("10.0.0.0/8").id()).isEqualTo(id);
        assertThat(g.storedBest("10.0.0.0/8").effectiveMetric()).isEqualTo(26);
    }

    @Test
    void d16_parameterChangeShouldReplaceTheWholeRowWithDefaultsForWhatItLeavesOut() {
        f.put(v4(E, 1, 25).disableDefaultRoutes(true).forwardingEnabled(true).weakHostSend(true));
        assertThat(f.storedBest("0.0.0.0/0")).isNull();
        f.put(v4(E, 1, 25));
        InterfaceRow row = stored(IpFamily.IPV4, E);
        assertThat(row.disableDefaultRoutes()).isFalse();
        assertThat(row.forwardingEnabled()).isFalse();
        assertThat(row.weakHostSend()).isFalse();
        assertThat(f.storedBest("0.0.0.0/0").id()).isEqualTo(defaultViaE);
    }

    @Test
    void d16_addForAnExistingRowShouldReplaceItToo() {
        f.add(v4(E, 1, 50));
        assertThat(stored(IpFamily.IPV4, E).metric()).isEqualTo(50);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
    }

    @Test
    void n5_parameterChangeForAnUnknownRowShouldCreateIt() {
        long v = NetLuid.of(131, 1);
        IphlpFixture.Applied a = f.put(v4(v, 3, 5));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(stored(IpFamily.IPV4, v).metric()).isEqualTo(5);
    }

    @Test
    void n7_aRepeatedSnapshotShouldChangeNothing() {
        // the same change arriving on the interface and the address stream (N7) is deduplicated by the diff
        assertThat(f.put(v4(E, 1, 30)).result().recomputedDestinations()).isEqualTo(2);
        IphlpFixture.Applied again = f.add(v4(E, 1, 30));
        assertThat(again.status()).isEqualTo(Status.NO_ERROR);
        assertThat(again.result().recomputedDestinations()).isZero();
        assertThat(again.effects().isEmpty()).isTrue();
    }

    @Test
    void n6_deleteShouldRemoveTheRowAndMakeItsNextHopsUnusable() {
        IphlpFixture.Applied a = f.delete(v4(E, 1, 0));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(a.result().row().metric()).isEqualTo(25); // the row that was removed
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(stored(IpFamily.IPV4, E)).isNull();
        assertThat(f.ip.getEntry(ROUTER, 2, E, 0).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
        assertThat(f.storedBest("0.0.0.0/0")).isNull();
        assertThat(a.effects().destChanges()).extracting(DestChange::cause).containsOnly(Cause.INTERFACE);
        assertThat(prefixes(a)).containsExactlyInAnyOrder("10.0.0.0/8", "0.0.0.0/0");
    }

    @Test
    void n6_deleteOfAnUnknownRowShouldAnswerNotFoundAndChangeNothing() {
        IphlpFixture.Applied a = f.delete(v4(NetLuid.of(6, 99), 9, 0));
        assertThat(a.status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(a.effects().isEmpty()).isTrue();
        assertThat(f.ip.table(ROUTER, null)).hasSize(2);
    }

    @Test
    void d16_addAfterDeleteShouldMakeTheNextHopsUsableAgain() {
        f.delete(v4(E, 1, 0));
        IphlpFixture.Applied a = f.add(v4(E, 1, 25));
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaE);
        assertThat(f.storedBest("0.0.0.0/0").id()).isEqualTo(defaultViaE);
    }

    @Test
    void shouldRejectAChangeForAMalformedRouterId() {
        InterfaceChangeResult r = f.ip.apply(InterfaceChange.of("bad router!", NotificationType.ADD_INSTANCE,
                v4(E, 1, 1).build()), f.now, new EffectsCollector().sink());
        assertThat(r.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.ip.interfaces().row("bad router!", IpFamily.IPV4, E)).isNull();
    }

    @Test
    void n3_initialShouldChangeNothingEvenWithARow() {
        var before = f.ip.table(ROUTER, null);
        IphlpFixture.Applied empty = f.change(NotificationType.INITIAL, null);
        IphlpFixture.Applied withRow = f.change(NotificationType.INITIAL, v4(E, 1, 99).connected(false).build());
        for (IphlpFixture.Applied a : new IphlpFixture.Applied[] {empty, withRow}) {
            assertThat(a.status()).isEqualTo(Status.NO_ERROR);
            assertThat(a.result().row()).isNull();
            assertThat(a.effects().isEmpty()).isTrue();
        }
        assertThat(f.ip.table(ROUTER, null)).isEqualTo(before);
    }

    @Test
    void v5_aRowNamedByIndexShouldGetItsLuidFilledIn() {
        IphlpFixture.Applied a = f.put(v4(0, 1, 40));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(a.result().row().interfaceLuid()).isEqualTo(E); // V15
        assertThat(stored(IpFamily.IPV4, E).metric()).isEqualTo(40);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
    }

    @Test
    void q5_anUnknownIndexShouldAnswerFileNotFound() {
        assertThat(f.put(v4(0, 77, 40)).status()).isEqualTo(Status.ERROR_FILE_NOT_FOUND);
        assertThat(f.delete(v4(0, 77, 40)).status()).isEqualTo(Status.ERROR_FILE_NOT_FOUND);
    }

    @Test
    void v6_anIndexWithARowOnlyInTheOtherFamilyShouldAnswerNotFound() {
        f.add(v6(NetLuid.of(6, 7), 7, 10));
        assertThat(f.put(v4(0, 7, 40)).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    void shouldRefuseANewRowWithoutItsIndex() {
        IphlpFixture.Applied a = f.add(v4(NetLuid.of(6, 50), 0, 10));
        assertThat(a.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(stored(IpFamily.IPV4, NetLuid.of(6, 50))).isNull();
    }

    @Test
    void shouldKeepTheStoredIndexWhenAKnownLuidComesWithoutOne() {
        IphlpFixture.Applied a = f.put(v4(E, 0, 40));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(stored(IpFamily.IPV4, E).interfaceIndex()).isEqualTo(1);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
    }

    @Test
    void l4_aRenumberedInterfaceShouldRecomputeTheDestinationsOfBothIndexes() {
        long onFive = f.route("192.168.0.0/16", 1, via("192.0.2.9", 5));
        IphlpFixture.Applied a = f.put(v4(E, 5, 25));
        assertThat(a.result().recomputedDestinations()).isEqualTo(3);
        assertThat(prefixes(a)).containsExactlyInAnyOrder("10.0.0.0/8", "0.0.0.0/0", "192.168.0.0/16");
        assertThat(f.ip.interfaces().rowAtIndex(ROUTER, IpFamily.IPV4, 1)).isNull();
        assertThat(f.ip.interfaces().rowAtIndex(ROUTER, IpFamily.IPV4, 5).interfaceLuid()).isEqualTo(E);
        // next hops still naming the old index are unusable, like a deleted interface's (D12)
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
        assertThat(f.storedBest("0.0.0.0/0")).isNull();
        assertThat(f.storedBest("192.168.0.0/16").id()).isEqualTo(onFive);
        assertThat(f.storedBest("192.168.0.0/16").effectiveMetric()).isEqualTo(26);
    }

    @Test
    void n5_aNewLuidOnAnIndexInUseShouldTakeTheIndexOver() {
        long x = NetLuid.of(6, 42);
        IphlpFixture.Applied a = f.add(v4(x, 2, 5));
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(f.ip.interfaces().rowAtIndex(ROUTER, IpFamily.IPV4, 2).interfaceLuid()).isEqualTo(x);
        assertThat(f.storedBest("10.0.0.0/8").id()).isEqualTo(tenViaW);
        assertThat(f.storedBest("10.0.0.0/8").effectiveMetric()).isEqualTo(6);
        // the superseded row keeps its LUID key; deleting it leaves the index with its new owner
        f.delete(v4(W, 2, 0));
        assertThat(f.ip.interfaces().rowAtIndex(ROUTER, IpFamily.IPV4, 2).interfaceLuid()).isEqualTo(x);
    }

    @Test
    void shouldLeaveTheOtherFamilysDestinationsAloneWhenARowChanges() {
        f.add(v6(E, 1, 25));
        long six = f.route("2001:db8::/32", 1, via("fe80::1", 1));
        IphlpFixture.Applied a = f.put(v4(E, 1, 90));
        assertThat(prefixes(a)).containsExactlyInAnyOrder("10.0.0.0/8", "0.0.0.0/0");
        assertThat(f.storedBest("2001:db8::/32").id()).isEqualTo(six);
        assertThat(f.storedBest("2001:db8::/32").effectiveMetric()).isEqualTo(26);
    }

    @Test
    void getEntryShouldReportTheAutomaticMetricAndResolveByIndex() {
        f.put(v4(E, 1, 3).useAutomaticMetric(true).linkSpeed(1_000_000_000L));
        InterfaceEntry byIndex = f.ip.getEntry(ROUTER, 2, 0, 1);
        assertThat(byIndex.status()).isEqualTo(Status.NO_ERROR);
        assertThat(byIndex.row().interfaceLuid()).isEqualTo(E);
        assertThat(byIndex.row().metric()).isEqualTo(25); // F8: reads return the automatic value
        assertThat(f.ip.getEntry(ROUTER, 0, E, 0).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.ip.getEntry(ROUTER, 2, 0, 0).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.ip.getEntry(ROUTER, 2, 0xDEADBEEFL, 1).status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(f.ip.getEntry(ROUTER, 2, 0, 0xDEADBEEFL).status()).isEqualTo(Status.ERROR_FILE_NOT_FOUND);
        assertThat(f.ip.getEntry(ROUTER, 23, E, 0).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    void v14_tableShouldListIpv4RowsBeforeIpv6Rows() {
        f.add(v6(NetLuid.of(6, 7), 7, 10));
        assertThat(f.ip.table(ROUTER, null)).extracting(InterfaceRow::family).containsExactly(2, 2, 23);
        assertThat(f.ip.table(ROUTER, IpFamily.IPV6)).hasSize(1);
    }

    static Set<String> prefixes(IphlpFixture.Applied a) {
        return a.effects().destChanges().stream().map(c -> c.prefix().toString()).collect(Collectors.toSet());
    }
}
