package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.iphlp.IphlpFixture.ROUTER;
import static io.rtmstreams.iphlp.IphlpFixture.to;
import static io.rtmstreams.iphlp.IphlpFixture.v6;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetBestRoute2 for IPv6: scope ids of link-local destinations and sources (B3, B4), ::1 (B3, B9), global addresses
 * with scope ids, and the best source address (B9, RFC 6724). Interfaces: E6 (index 1, metric 25), W6 (index 2,
 * metric 35) and the loopback LO (index 9, ifType 24).
 */
class Ipv6BestRouteTest {

    static final long E6 = NetLuid.of(6, 1);
    static final long W6 = NetLuid.of(71, 1);
    static final long LO = NetLuid.of(NetLuid.IF_TYPE_SOFTWARE_LOOPBACK, 1);

    private IphlpFixture f;
    private long defaultViaE;
    private long linkViaE;
    private long linkViaW;
    private long loopback;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(v6(E6, 1, 25).addresses("fe80::1", "2001:db8:1::10"));
        f.add(v6(W6, 2, 35).addresses("fe80::2", "fd00::10", "2001:db8:2::10"));
        f.add(v6(LO, 9, 75).nlMtu(0xFFFF_FFFFL).addresses("::1"));
        defaultViaE = f.route("::/0", 0, via("fe80::a", 1));
        f.route("::/0", 0, via("fe80::b", 2));
        linkViaE = f.route("fe80::/64", 256, via("::", 1));
        linkViaW = f.route("fe80::/64", 256, via("::", 2));
        loopback = f.route("::1/128", 256, via("::", 9));
        f.route("2001:db8:2::/64", 256, via("::", 2));
    }

    @Test
    void b3_shouldTakeALinkLocalDestinationsScopeIdAsTheInterface() {
        BestRouteResult r = f.best(to("fe80::99", 2));
        assertThat(r.status()).isEqualTo(Status.NO_ERROR);
        assertThat(r.routeId()).isEqualTo(linkViaW); // although E6 is cheaper
        assertThat(r.interfaceLuid()).isEqualTo(W6);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("fe80::2", 2)); // B9: scope id = index
    }

    @Test
    void g3_shouldAnswerALinkLocalDestinationWithoutScopeDeterministically() {
        BestRouteResult r = f.best(to("fe80::99"));
        assertThat(r.routeId()).isEqualTo(linkViaE);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("fe80::1", 1));
    }

    @Test
    void b3_shouldRejectAScopeIdThatNamesNoInterface() {
        assertThat(f.best(to("fe80::99", 7)).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    void b3_shouldRejectAScopeIdThatDisagreesWithTheConstraint() {
        assertThat(f.best(to("fe80::99", 2).withLuid(E6)).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        BestRouteResult agreeing = f.best(to("fe80::99", 1).withIndex(1));
        assertThat(agreeing.status()).isEqualTo(Status.NO_ERROR);
        assertThat(agreeing.routeId()).isEqualTo(linkViaE);
    }

    @Test
    void b9_shouldAnswerLoopbackWithTheDestinationAsSource() {
        BestRouteResult r = f.best(to("::1"));
        assertThat(r.routeId()).isEqualTo(loopback);
        assertThat(r.interfaceLuid()).isEqualTo(LO);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("::1"));
    }

    @Test
    void b3_shouldRejectLoopbackWithAScopeIdOrOnAnotherInterface() {
        assertThat(f.best(to("::1", 1)).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.best(to("::1").withLuid(E6)).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.best(to("::1").withLuid(LO)).status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    void b3_shouldRejectAGlobalDestinationWithAScopeId() {
        assertThat(f.best(to("2001:db8:9::1", 1)).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    void b9_shouldPreferAGlobalSourceForAGlobalDestination() {
        BestRouteResult r = f.best(to("2001:db8:9::1"));
        assertThat(r.routeId()).isEqualTo(defaultViaE);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("2001:db8:1::10")); // global: scope id 0
    }

    @Test
    void b9_shouldPreferTheMatchingLabelAndLongestPrefixOnTheOutgoingInterface() {
        BestRouteResult r = f.best(to("2001:db8:2::5"));
        assertThat(r.prefix()).isEqualTo(Prefix.parse("2001:db8:2::/64"));
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("2001:db8:2::10"));
    }

    @Test
    void b4_shouldRejectAGlobalSourceWithAScopeId() {
        BestRouteResult r = f.best(to("2001:db8:9::1").from(SockAddrInet.of("2001:db8:1::10", 1)));
        assertThat(r.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    void b4_shouldMatchALinkLocalSourceByItsScopeId() {
        BestRouteResult wrong = f.best(to("2001:db8:9::1").from(SockAddrInet.of("fe80::2", 1)));
        assertThat(wrong.status()).isEqualTo(Status.ERROR_NOT_FOUND);
        BestRouteResult right = f.best(to("2001:db8:9::1").from(SockAddrInet.of("fe80::2", 2)));
        assertThat(right.interfaceLuid()).isEqualTo(W6); // strong host pins W6
        assertThat(right.bestSourceAddress()).isEqualTo(SockAddrInet.of("fe80::2", 2));
    }

    @Test
    void b4_shouldFindTheOwnerOfALinkLocalSourceWithoutScopeId() {
        BestRouteResult r = f.best(to("2001:db8:9::1").from("fe80::2"));
        assertThat(r.interfaceLuid()).isEqualTo(W6);
        assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("fe80::2", 2));
    }

    @Test
    void b4_shouldRefuseTheLoopbackSourceForARemoteDestination() {
        assertThat(f.best(to("2001:db8:9::1").from("::1")).status()).isEqualTo(Status.ERROR_NETWORK_UNREACHABLE);
    }

    @Test
    void b4_shouldAnswerNotFoundForASourceThisRouterDoesNotOwn() {
        assertThat(f.best(to("2001:db8:9::1").from("2001:db8:1::99")).status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    void b4_shouldIgnoreUnspecifiedForeignAndGarbageSources() {
        for (SockAddrInet ignored : new SockAddrInet[] {SockAddrInet.of("::"), SockAddrInet.of("192.0.2.1"),
            SockAddrInet.ofFamily(0x1234)}) {
            BestRouteResult r = f.best(to("2001:db8:9::1").from(ignored));
            assertThat(r.routeId()).as("source %s", ignored).isEqualTo(defaultViaE);
            assertThat(r.bestSourceAddress()).isEqualTo(SockAddrInet.of("2001:db8:1::10"));
        }
    }

    @Test
    void b4_aValidSourceShouldOverrideABogusLuidButNotABogusIndex() {
        BestRouteResult overridden = f.best(to("2001:db8:9::1").withLuid(0xDEADBEEFL).from("2001:db8:2::10"));
        assertThat(overridden.status()).isEqualTo(Status.NO_ERROR);
        assertThat(overridden.interfaceLuid()).isEqualTo(W6);
        BestRouteResult badIndex = f.best(to("2001:db8:9::1").withIndex(0xDEADBEEFL).from("2001:db8:2::10"));
        assertThat(badIndex.status()).isEqualTo(Status.ERROR_FILE_NOT_FOUND);
    }

    @Test
    void b5_shouldMatchTheUnspecifiedDestinationOnlyByDefaultRoutes() {
        f.route("::/8", 0, via("fe80::c", 1));
        BestRouteResult r = f.best(to("::"));
        assertThat(r.prefix()).isEqualTo(IphlpFixture.prefix("::/0"));
        assertThat(r.routeId()).isEqualTo(defaultViaE);
    }

    @Test
    void b0_shouldRejectAMissingOrNonInetDestination() {
        assertThat(f.best(BestRouteQuery.to(ROUTER, (SockAddrInet) null)).status())
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.best(BestRouteQuery.to(ROUTER, SockAddrInet.ofFamily(0))).status())
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.best(BestRouteQuery.to("bad router!", SockAddrInet.of("::1"))).status())
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    void b8_shouldAnswerNetworkUnreachableWhenTheConstrainedInterfaceHasNoRoute() {
        BestRouteResult r = f.best(to("2001:db8:9::1").withLuid(LO));
        assertThat(r.status()).isEqualTo(Status.ERROR_NETWORK_UNREACHABLE);
        assertThat(r.bestSourceAddress()).isNull();
    }

    @Test
    void shouldReportTheNextHopOfTheChosenRoute() {
        assertThat(f.best(to("2001:db8:9::1").withLuid(W6)).nextHop()).isEqualTo(IpAddress.parse("fe80::b"));
    }
}
