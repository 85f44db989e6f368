package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Destination enumeration: positions, paging, cursors, views and scope (R122, R125–R128, R93). */
class DestinationEnumTest {

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void table() {
        f.register(RIP);
        f.register(STATIC);
        f.route(RIP, "10.1.0.0/16").add();
        f.route(RIP, "10.0.0.0/8").add();
        f.route(RIP, "10.0.0.0/16").add();
        f.route(RIP, "11.0.0.0/8").views(M).add();
        f.route(STATIC, "192.168.0.0/16").add();
        f.route(RIP, DEFAULT_V4).add();
    }

    private Page<DestInfo, Prefix> page(DestEnum e) {
        return f.engine.queries().enumDests(V4, e, null);
    }

    private static List<String> prefixes(Page<DestInfo, Prefix> p) {
        return p.items().stream().map(d -> d.prefix().toString()).toList();
    }

    /** Every batch of an enumeration, following its cursor. */
    private List<Page<DestInfo, Prefix>> all(DestEnum e) {
        List<Page<DestInfo, Prefix>> pages = new ArrayList<>();
        Page<DestInfo, Prefix> p = page(e);
        pages.add(p);
        while (p.next() != null) {
            p = page(e.resume(p.next()));
            pages.add(p);
        }
        return pages;
    }

    @Test
    @DisplayName("R122, R125: START walks the table in address order, shorter prefix first")
    void shouldEnumerateFromTheStartInAddressOrder() {
        Page<DestInfo, Prefix> p = page(DestEnum.all(View.MASK_ANY, 100));

        assertThat(prefixes(p)).containsExactly("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16",
                "11.0.0.0/8", "192.168.0.0/16");
        assertThat(p.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(p.items()).allSatisfy(d -> assertThat(d.views()).isEmpty());
    }

    @Test
    @DisplayName("R126: batches page through the table; the last batch comes with ERROR_NO_MORE_ITEMS")
    void shouldPageWithTheLastBatchCarryingNoMoreItems() {
        List<Page<DestInfo, Prefix>> pages = all(DestEnum.all(View.MASK_ANY, 4));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).status()).isEqualTo(Status.NO_ERROR);
        assertThat(prefixes(pages.get(0))).hasSize(4);
        assertThat(pages.get(1).status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(prefixes(pages.get(1))).containsExactly("11.0.0.0/8", "192.168.0.0/16");
    }

    @Test
    @DisplayName("R126: a batch that ends exactly at the end of the table is ERROR_NO_MORE_ITEMS")
    void shouldEndWithNoMoreItemsWhenTheBatchIsExactlyFull() {
        List<Page<DestInfo, Prefix>> pages = all(DestEnum.all(View.MASK_ANY, 3));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).items()).hasSize(3);
        assertThat(pages.get(1).status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
    }

    @Test
    @DisplayName("R126: a batch larger than MaxHandlesInEnum, or empty, is ERROR_INVALID_PARAMETER")
    void shouldRejectBadBatchSizes() {
        assertThat(statusOf(() -> page(DestEnum.all(View.MASK_ANY, RtmConfig.DEFAULTS.maxHandlesInEnum() + 1))))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> page(DestEnum.all(View.MASK_ANY, 0)))).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> page(DestEnum.all(0x10, 10)))).isEqualTo(Status.ERROR_NOT_SUPPORTED);
    }

    @Test
    @DisplayName("R122, R123, R124: RANGE without a prefix to range over is ERROR_INVALID_PARAMETER")
    void shouldRejectARangeWithoutAPrefix() {
        DestEnum range = new DestEnum(View.MASK_ANY, null, null, true, 0, null, 100);
        RouteEnum routes = new RouteEnum(null, View.MASK_ANY, null, null, true, RouteMatch.ANY, null, 100);

        assertThat(statusOf(() -> page(range))).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> f.engine.queries().enumRoutes(V4, routes))).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(statusOf(() -> f.engine.queries().enumNextHops(V4, RIP, null, true, null, 100)))
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    @DisplayName("R122, R125: NEXT starts at the given prefix, inclusive, and runs to the end of the table")
    void shouldEnumerateFromAGivenPrefix() {
        DestEnum next = new DestEnum(View.MASK_ANY, null, p("10.0.0.0/16"), false, 0, null, 100);

        assertThat(prefixes(page(next))).containsExactly("10.0.0.0/16", "10.1.0.0/16", "11.0.0.0/8",
                "192.168.0.0/16");
    }

    @Test
    @DisplayName("R122: RANGE returns only prefixes inside the given one")
    void shouldEnumerateOnlyInsideARange() {
        DestEnum range = new DestEnum(View.MASK_ANY, null, p("10.0.0.0/8"), true, 0, null, 100);

        assertThat(prefixes(page(range))).containsExactly("10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16");
    }

    @Test
    @DisplayName("R122, R126: RANGE pages too and ends with ERROR_NO_MORE_ITEMS inside the range")
    void shouldPageThroughARange() {
        DestEnum range = new DestEnum(View.MASK_ANY, null, p("10.0.0.0/8"), true, 0, null, 2);

        List<Page<DestInfo, Prefix>> pages = all(range);

        assertThat(pages).extracting(DestinationEnumTest::prefixes)
                .containsExactly(List.of("10.0.0.0/8", "10.0.0.0/16"), List.of("10.1.0.0/16"));
        assertThat(pages.get(1).status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
    }

    @Test
    @DisplayName("R127, R39: explicit views include only destinations with a route there, with per-view data")
    void shouldFilterByViews() {
        Page<DestInfo, Prefix> mcast = page(DestEnum.all(M, 100));

        assertThat(prefixes(mcast)).containsExactly("11.0.0.0/8");
        assertThat(mcast.items().get(0).views()).extracting(ViewInfo::view).containsExactly(View.MULTICAST);
        assertThat(prefixes(page(DestEnum.all(U, 100)))).doesNotContain("11.0.0.0/8").hasSize(5);
    }

    @Test
    @DisplayName("R93, R127: a hold-only destination is enumerated with ANY only")
    void shouldListHoldOnlyDestinationsWithAnyOnly() {
        long id = f.addOk(f.route(RIP, "172.16.0.0/12"));
        f.hold(RIP, "172.16.0.0/12", U, 30_000);
        f.delete(RIP, id);

        assertThat(prefixes(page(DestEnum.all(View.MASK_ANY, 100)))).contains("172.16.0.0/12");
        assertThat(prefixes(page(DestEnum.all(View.MASK_ALL, 100)))).doesNotContain("172.16.0.0/12");
        assertThat(prefixes(page(DestEnum.all(U, 100)))).doesNotContain("172.16.0.0/12");
    }

    @Test
    @DisplayName("R122: OWN_DESTS lists destinations where the caller owns the best route in a requested view")
    void shouldListOnlyDestinationsWhoseBestTheCallerOwns() {
        f.route(STATIC, "10.0.0.0/8").cost(0, 0).add();
        DestEnum own = new DestEnum(View.MASK_ALL, STATIC, null, false, 0, null, 100);

        assertThat(prefixes(page(own))).containsExactly("10.0.0.0/8", "192.168.0.0/16");
    }

    @Test
    @DisplayName("R122, R77: the protocol id selects the reported route, never which destinations match")
    void shouldReportTheProtocolsBestRouteInAnEnumeration() {
        f.route(STATIC, "10.0.0.0/8").cost(0, 0).add();
        DestEnum ripView = new DestEnum(U, null, null, false, RIP.protocolId(), null, 100);

        List<DestInfo> items = page(ripView).items();

        assertThat(items).hasSize(5);
        assertThat(items.get(1).views().get(0).owner()).isEqualTo(RIP);
        assertThat(items.get(4).views().get(0).route()).isNull();
    }

    @Test
    @DisplayName("R128, A28: a cursor resumes after its last key; changes behind it are not seen, ahead of it are")
    void shouldResumeAfterTheLastKeyWithoutASnapshot() {
        Page<DestInfo, Prefix> first = page(DestEnum.all(View.MASK_ANY, 2));
        f.route(RIP, "9.0.0.0/8").add();
        f.delete(RIP, "10.0.0.0/8", null, 0);
        f.route(RIP, "10.0.128.0/17").add();
        f.delete(RIP, "10.1.0.0/16", null, 0);

        Page<DestInfo, Prefix> second = page(DestEnum.all(View.MASK_ANY, 100).resume(first.next()));

        assertThat(prefixes(first)).containsExactly("0.0.0.0/0", "10.0.0.0/8");
        assertThat(prefixes(second)).containsExactly("10.0.0.0/16", "10.0.128.0/17", "11.0.0.0/8",
                "192.168.0.0/16");
    }
}
