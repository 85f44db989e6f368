package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Cause;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.iphlp.IphlpFixture.to;
import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked vectors E1–E15 of iphlp.md §10. Interfaces E (Ethernet, metric 25), W (Wi-Fi, 35) and V (VPN, 5);
 * routes 0/0 via E and via W (offset 0), 10/8 on-link via V (256) and 192.168.1/24 on-link via E (256).
 */
class TestVectorsTest {

    static final long E_LUID = NetLuid.of(6, 1);
    static final long W_LUID = NetLuid.of(71, 1);
    static final long V_LUID = NetLuid.of(131, 1);
    static final String W_ADDRESS = "192.168.2.10";

    private IphlpFixture f;
    private long viaE;
    private long viaW;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(e(25));
        f.add(w());
        f.add(v4(V_LUID, 3, 5).addresses("10.255.0.2"));
        viaE = f.route("0.0.0.0/0", 0, via("192.168.1.1", 1));
        viaW = f.route("0.0.0.0/0", 0, via("192.168.2.1", 2));
        f.route("10.0.0.0/8", 256, via("0.0.0.0", 3));
        f.route("192.168.1.0/24", 256, via("0.0.0.0", 1));
    }

    private static InterfaceRowBuilder e(long metric) {
        return v4(E_LUID, 1, metric).addresses("192.168.1.10");
    }

    private static InterfaceRowBuilder w() {
        return v4(W_LUID, 2, 35).addresses(W_ADDRESS);
    }

    @Test
    void e01_shouldRouteTheDefaultThroughTheCheaperInterface() {
        BestRouteResult r = f.best("8.8.8.8");
        assertThat(r.status()).isEqualTo(Status.NO_ERROR);
        assertThat(r.routeId()).isEqualTo(viaE);
        assertThat(r.interfaceLuid()).isEqualTo(E_LUID);
        assertThat(r.interfaceIndex()).isEqualTo(1);
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("192.168.1.1"));
        assertThat(r.effectiveMetric()).isEqualTo(25);
        assertThat(r.metric()).isZero(); // Q7: the route's offset, not the sum
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("192.168.1.10"));
    }

    @Test
    void e02_shouldPreferTheLongerPrefixWhateverItsMetric() {
        // G1: a /8 at effective metric 261 beats the /0 at 25
        BestRouteResult r = f.best("10.1.2.3");
        assertThat(r.prefix()).isEqualTo(Prefix.parse("10.0.0.0/8"));
        assertThat(r.interfaceLuid()).isEqualTo(V_LUID);
        assertThat(r.effectiveMetric()).isEqualTo(261);
        assertThat(r.metric()).isEqualTo(256);
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("0.0.0.0")); // on-link: zeros (B9)
    }

    @Test
    void e03_shouldMoveTheDefaultRouteWhenTheInterfaceMetricRises() {
        IphlpFixture.Applied a = f.put(e(40));
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.best("8.8.8.8").routeId()).isEqualTo(viaW);
        // M4: the stored best route followed, as an ordinary change caused by the interface
        DestChange c = single(a, "0.0.0.0/0");
        assertThat(c.cause()).isEqualTo(Cause.INTERFACE);
        assertThat(ChangeType.of(c.changeTypes())).contains(ChangeType.BEST, ChangeType.FORWARDING);
        assertThat(c.best().route().id()).isEqualTo(viaW);
    }

    @Test
    void e04_shouldIgnoreTheDefaultRouteOfAnInterfaceWithDisableDefaultRoutes() {
        f.put(e(40));
        f.put(w().disableDefaultRoutes(true));
        BestRouteResult r = f.best("8.8.8.8");
        assertThat(r.routeId()).isEqualTo(viaE);
        assertThat(r.effectiveMetric()).isEqualTo(40);
    }

    @Test
    void e05_shouldPinTheOutgoingInterfaceToTheSourceUnderStrongHost() {
        BestRouteResult r = f.best(to("8.8.8.8").from(W_ADDRESS));
        assertThat(r.routeId()).isEqualTo(viaW);
        assertThat(r.interfaceLuid()).isEqualTo(W_LUID);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of(W_ADDRESS));
    }

    @Test
    void e06_shouldLetWeakHostSendLeaveThroughTheCheaperInterfaceKeepingTheSource() {
        f.put(w().weakHostSend(true));
        BestRouteResult r = f.best(to("8.8.8.8").from(W_ADDRESS));
        assertThat(r.routeId()).isEqualTo(viaE);
        assertThat(r.interfaceLuid()).isEqualTo(E_LUID);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of(W_ADDRESS));
    }

    @Test
    void e07_shouldSkipADisconnectedInterfaceWhenUnconstrained() {
        f.put(e(25).connected(false));
        BestRouteResult r = f.best("8.8.8.8");
        assertThat(r.routeId()).isEqualTo(viaW);
        assertThat(r.stale()).isFalse();
    }

    @Test
    void e08_shouldAnswerAConstrainedLookupThroughADisconnectedInterfaceAsStale() {
        f.put(e(25).connected(false));
        BestRouteResult r = f.best(to("8.8.8.8").withLuid(E_LUID));
        assertThat(r.status()).isEqualTo(Status.NO_ERROR);
        assertThat(r.routeId()).isEqualTo(viaE);
        assertThat(r.interfaceLuid()).isEqualTo(E_LUID);
        assertThat(r.stale()).isTrue();
    }

    @Test
    void e09_shouldRefuseALoopbackSourceForARemoteDestination() {
        BestRouteResult r = f.best(to("8.8.8.8").from("127.0.0.1"));
        assertThat(r.status()).isEqualTo(Status.ERROR_NETWORK_UNREACHABLE);
        assertZeroed(r);
    }

    @Test
    void e10_shouldRefuseALoopbackDestinationConstrainedToANonLoopbackInterface() {
        BestRouteResult r = f.best(to("127.0.0.1").withLuid(E_LUID));
        assertThat(r.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertZeroed(r);
    }

    @Test
    void e11_shouldTreatALuidOfZeroAsNoConstraintAndIgnoreTheIndex() {
        BestRouteResult r = f.best(to("8.8.8.8").withLuid(0L).withIndex(0xDEADBEEFL));
        assertThat(r.status()).isEqualTo(Status.NO_ERROR);
        assertThat(r.routeId()).isEqualTo(viaE);
    }

    @Test
    void e12_shouldAnswerFileNotFoundForAnUnknownIndexWithoutLuid() {
        BestRouteResult r = f.best(to("8.8.8.8").withIndex(0xDEADBEEFL));
        assertThat(r.status()).isEqualTo(Status.ERROR_FILE_NOT_FOUND);
        assertZeroed(r);
    }

    @Test
    void e13_shouldAnswerNotFoundForAnUnknownLuid() {
        BestRouteResult r = f.best(to("8.8.8.8").withLuid(0xDEADBEEFL));
        assertThat(r.status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertZeroed(r);
    }

    @Test
    void e14_shouldBreakAnEqualCostTieByTheLowerLuidEveryTime() {
        // One route, two next hops on interfaces of equal metric 25 (ECMP inside a route). The higher-LUID
        // interface has the lower next hop address, so only the LUID step of B7 picks the lower LUID.
        long low = NetLuid.of(6, 1);
        long high = NetLuid.of(6, 2);
        for (boolean lowFirst : new boolean[] {true, false}) {
            IphlpFixture g = new IphlpFixture();
            g.add(v4(high, 5, 25));
            g.add(v4(low, 6, 25));
            if (lowFirst) {
                g.route("0.0.0.0/0", 0, via("10.0.1.1", 6), via("10.0.0.1", 5));
            } else {
                g.route("0.0.0.0/0", 0, via("10.0.0.1", 5), via("10.0.1.1", 6));
            }
            for (int run = 0; run < 5; run++) {
                BestRouteResult r = g.best("8.8.8.8");
                assertThat(r.interfaceLuid()).as("insertion low-first=%s, run %d", lowFirst, run).isEqualTo(low);
                assertThat(r.nextHop()).isEqualTo(IpAddress.parse("10.0.1.1"));
                assertThat(r.effectiveMetric()).isEqualTo(25);
            }
        }
    }

    @Test
    void e15_shouldRejectAnIpv4RowWithSitePrefixLength64AndAcceptZero() {
        IphlpFixture.Applied bad = f.put(e(25).sitePrefixLength(64));
        assertThat(bad.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(bad.result().message()).startsWith("V8");
        IphlpFixture.Applied good = f.put(e(25).sitePrefixLength(0));
        assertThat(good.status()).isEqualTo(Status.NO_ERROR);
    }

    private static DestChange single(IphlpFixture.Applied a, String prefix) {
        return a.effects().destChanges().stream().filter(c -> c.prefix().equals(IphlpFixture.prefix(prefix)))
                .reduce((x, y) -> {
                    throw new AssertionError("two changes for " + prefix);
                }).orElseThrow(() -> new AssertionError("no change for " + prefix));
    }

    /** B1: after an error every output is zero. */
    private static void assertZeroed(BestRouteResult r) {
        assertThat(r.route()).isNull();
        assertThat(r.interfaceLuid()).isZero();
        assertThat(r.interfaceIndex()).isZero();
        assertThat(r.bestSourceAddress()).isNull();
        assertThat(r.nextHop()).isNull();
    }
}
