package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Exact, most-specific and less-specific destination lookups (R115–R119, A26, A32). */
class DestinationLookupTest {

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void register() {
        f.register(RIP);
        f.register(RIP, IpFamily.IPV6);
    }

    private RtmQueries q() {
        return f.engine.queries();
    }

    private Prefix most(String prefix, int views) {
        return q().mostSpecific(V4, p(prefix), views, 0, null).prefix();
    }

    private Prefix less(String prefix, int views) {
        return q().lessSpecific(V4, p(prefix), views, 0, null).prefix();
    }

    @Test
    @DisplayName("R116: exact match finds only the identical prefix")
    void shouldMatchExactlyTheGivenPrefix() {
        f.route(RIP, "10.0.0.0/8").add();

        assertThat(q().exactMatch(V4, p("10.0.0.0/8"), View.MASK_ALL, 0, null).prefix()).isEqualTo(p("10.0.0.0/8"));
        assertThat(statusOf(() -> q().exactMatch(V4, p("10.0.0.0/16"), View.MASK_ALL, 0, null)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(statusOf(() -> q().exactMatch(V4, p("10.0.0.0/7"), View.MASK_ALL, 0, null)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R33: host bits beyond the length do not matter; a prefix is canonical")
    void shouldCanonicalisePrefixes() {
        f.route(RIP, "10.1.2.3/8").add();

        assertThat(q().exactMatch(V4, p("10.0.0.0/8"), View.MASK_ALL, 0, null).prefix().toString())
                .isEqualTo("10.0.0.0/8");
    }

    @Test
    @DisplayName("R117: most specific is the exact match, else the longest covering destination, else NOT_FOUND")
    void shouldFindTheMostSpecificCoveringDestination() {
        f.route(RIP, "10.0.0.0/8").add();
        f.route(RIP, "10.1.0.0/16").add();
        f.route(RIP, "10.1.2.0/24").add();

        assertThat(most("10.1.2.0/24", View.MASK_ALL)).isEqualTo(p("10.1.2.0/24"));
        assertThat(most("10.1.3.7/32", View.MASK_ALL)).isEqualTo(p("10.1.0.0/16"));
        assertThat(most("10.200.0.0/16", View.MASK_ALL)).isEqualTo(p("10.0.0.0/8"));
        assertThat(statusOf(() -> most("11.0.0.0/32", View.MASK_ALL))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R118, A32, T12: less specific walks up the tree, returns 0/0, and fails only when called on it")
    void shouldWalkUpThePrefixTree() {
        f.route(RIP, DEFAULT_V4).add();
        f.route(RIP, "10.0.0.0/8").add();
        f.route(RIP, "10.1.0.0/16").add();
        f.route(RIP, "10.1.2.0/24").add();

        assertThat(less("10.1.0.0/16", View.MASK_ALL)).isEqualTo(p("10.0.0.0/8"));
        assertThat(less("10.0.0.0/8", View.MASK_ALL)).isEqualTo(DEFAULT_V4);
        assertThat(less("10.1.99.0/24", View.MASK_ALL)).isEqualTo(p("10.1.0.0/16"));
        assertThat(statusOf(() -> q().lessSpecific(V4, DEFAULT_V4, View.MASK_ALL, 0, null)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R118: without a default route the walk ends with NOT_FOUND at the shortest destination")
    void shouldEndTheWalkWithoutADefaultRoute() {
        f.route(RIP, "10.0.0.0/8").add();

        assertThat(statusOf(() -> less("10.0.0.0/8", View.MASK_ALL))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R119, A26: lookups skip destinations with no route in the requested views")
    void shouldSkipDestinationsOutsideTheRequestedViews() {
        f.route(RIP, "10.0.0.0/8").views(U).add();
        f.route(RIP, "10.1.0.0/16").views(M).add();

        assertThat(most("10.1.2.3/32", U)).isEqualTo(p("10.0.0.0/8"));
        assertThat(most("10.1.2.3/32", M)).isEqualTo(p("10.1.0.0/16"));
        assertThat(most("10.1.2.3/32", View.MASK_ANY)).isEqualTo(p("10.1.0.0/16"));
        assertThat(statusOf(() -> less("10.1.0.0/16", M))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R116, R39: exact match is not filtered by views; they only choose the ViewInfo entries returned")
    void shouldFindAnExactMatchOutsideTheRequestedViews() {
        f.route(RIP, "10.1.0.0/16").views(M).add();

        DestInfo d = q().exactMatch(V4, p("10.1.0.0/16"), U, 0, null);

        assertThat(d.belongsToViews()).isEqualTo(M);
        assertThat(d.views()).singleElement().satisfies(v -> {
            assertThat(v.view()).isEqualTo(View.UNICAST);
            assertThat(v.numRoutes()).isZero();
            assertThat(v.route()).isNull();
        });
    }

    @Test
    @DisplayName("R119, R93: a hold-only destination is a candidate for ANY only; explicit views read its HoldRoute")
    void shouldConsiderHoldOnlyDestinationsForAnyOnly() {
        f.route(RIP, "10.0.0.0/8").add();
        long held = f.addOk(f.route(RIP, "10.1.0.0/16"));
        f.hold(RIP, "10.1.0.0/16", U, 30_000);
        f.delete(RIP, held);

        assertThat(most("10.1.2.3/32", View.MASK_ANY)).isEqualTo(p("10.1.0.0/16"));
        assertThat(most("10.1.2.3/32", U)).isEqualTo(p("10.0.0.0/8"));
        assertThat(q().exactMatch(V4, p("10.1.0.0/16"), View.MASK_ANY, 0, null).views()).isEmpty();
        assertThat(q().exactMatch(V4, p("10.1.0.0/16"), U, 0, null).views().get(0).holdRoute().id())
                .isEqualTo(held);
    }

    @Test
    @DisplayName("R34, R39: the destination record: views it belongs to, LastChanged, one ViewInfo per requested view")
    void shouldDescribeTheDestination() {
        f.advance(10);
        long id = f.addOk(f.route(RIP, "10.0.0.0/8").views(M).flags(RouteFlags.MCAST));

        DestInfo d = q().exactMatch(V4, p("10.0.0.0/8"), U | M, 0, null);

        assertThat(d.table()).isEqualTo(V4);
        assertThat(d.belongsToViews()).isEqualTo(M);
        assertThat(d.lastChanged()).isEqualTo(f.now);
        assertThat(d.views()).extracting(ViewInfo::view).containsExactly(View.UNICAST, View.MULTICAST);
        assertThat(d.views().get(0).route()).isNull();
        assertThat(d.views().get(1).route().route().id()).isEqualTo(id);
        assertThat(d.views().get(1).owner()).isEqualTo(RIP);
        assertThat(d.views().get(1).destFlags()).isEqualTo(RouteFlags.MCAST);
        assertThat(q().exactMatch(V4, p("10.0.0.0/8"), M, 0, null).views()).hasSize(1);
    }

    @Test
    @DisplayName("D1, R33: tables are per family; a prefix of the other family is ERROR_INVALID_PARAMETER")
    void shouldKeepFamiliesApart() {
        f.route(RIP, "2001:db8::/32").add();

        assertThat(q().mostSpecific(V6, p("2001:db8:1::/48"), View.MASK_ALL, 0, null).prefix())
                .isEqualTo(p("2001:db8::/32"));
        assertThat(statusOf(() -> q().mostSpecific(V4, p("2001:db8:1::/48"), View.MASK_ALL, 0, null)))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> q().mostSpecific(V4, DEFAULT_V4, View.MASK_ALL, 0, null)))
                .isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R117, R118: most- and less-specific agree with a brute-force search over random tables")
    void shouldAgreeWithABruteForceOracle() {
        Random rnd = new Random(42);
        List<Prefix> table = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Prefix pfx = Prefix.of(IpAddress.ipv4(0x0A00_0000 | rnd.nextInt(1 << 12) << 12), 8 + rnd.nextInt(17));
            table.add(pfx);
            f.route(RIP, pfx.toString()).views(rnd.nextBoolean() ? U : M).add();
        }
        for (int i = 0; i < 500; i++) {
            Prefix probe = Prefix.of(IpAddress.ipv4(0x0A00_0000 | rnd.nextInt(1 << 12) << 12), 8 + rnd.nextInt(25));
            Prefix expected = oracle(table, probe, probe.length());
            assertThat(statusOrPrefix(() -> q().mostSpecific(V4, probe, View.MASK_ANY, 0, null)))
                    .as("most specific %s", probe).isEqualTo(expected == null ? Status.ERROR_NOT_FOUND : expected);
            Prefix shorter = oracle(table, probe, probe.length() - 1);
            assertThat(statusOrPrefix(() -> q().lessSpecific(V4, probe, View.MASK_ANY, 0, null)))
                    .as("less specific %s", probe).isEqualTo(shorter == null ? Status.ERROR_NOT_FOUND : shorter);
        }
    }

    private static Prefix oracle(List<Prefix> table, Prefix target, int maxLength) {
        Prefix best = null;
        for (Prefix c : table) {
            if (c.length() <= maxLength && c.covers(target) && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    private static Object statusOrPrefix(java.util.function.Supplier<DestInfo> query) {
        try {
            return query.get().prefix();
        } catch (RtmException e) {
            return e.status();
        }
    }
}
