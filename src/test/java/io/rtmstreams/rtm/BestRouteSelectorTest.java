package io.rtmstreams.rtm;

import io.rtmstreams.rtm.BestRouteSelector.Selection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per step of the selection chain (R67–R72, D4, D11, D13), on bare routes. */
class BestRouteSelectorTest {

    private static final int U = View.UNICAST.mask();
    private static final int M = View.MULTICAST.mask();
    private static final long NO_INCUMBENT = 0;

    private static Route route(long id, long preference, long metric, long seq) {
        return RtmFixture.bareRoute(id, preference, metric, seq);
    }

    private static Route route(long id, long preference, long metric, long seq, int views, RouteCost cost) {
        return new Route(id, RtmFixture.RIP, null, 0, preference, metric, views, List.of(), null, null, 0, seq, cost, 0);
    }

    @Test
    @DisplayName("R70: a lone eligible route wins as ONLY_CANDIDATE; no route gives no best")
    void shouldPickTheOnlyCandidate() {
        Selection s = BestRouteSelector.select(List.of(route(1, 9, 9, 1)), View.UNICAST, NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(1);
        assertThat(s.reason()).isEqualTo(SelectionReason.ONLY_CANDIDATE);
        assertThat(BestRouteSelector.select(List.of(), View.UNICAST, NO_INCUMBENT).best()).isNull();
    }

    @Test
    @DisplayName("R67: lower preference wins before metric is looked at")
    void shouldPreferTheLowerPreference() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 1, 1), route(2, 3, 100, 2)), View.UNICAST,
                NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.PREFERENCE);
    }

    @Test
    @DisplayName("R68, T13: preference is unsigned; 0xFFFFFFFF is the worst, not -1")
    void shouldComparePreferenceUnsigned() {
        Selection s = BestRouteSelector.select(List.of(route(1, 0xFFFF_FFFFL, 0, 1), route(2, 1, 0, 2)),
                View.UNICAST, NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(2);
    }

    @Test
    @DisplayName("R67: on equal preference the lower metric wins")
    void shouldPreferTheLowerMetricOnEqualPreference() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 7, 1), route(2, 5, 6, 2)), View.UNICAST, 1);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.METRIC);
    }

    @Test
    @DisplayName("R68: metric is unsigned; 0xFFFFFFFF is the worst")
    void shouldCompareMetricUnsigned() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 0xFFFF_FFFFL, 1), route(2, 5, 2, 2)),
                View.UNICAST, NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(2);
    }

    @Test
    @DisplayName("D11: the metric compared is route metric plus interface metric")
    void shouldCompareTheEffectiveMetric() {
        Route slowLink = route(1, 5, 1, 1, U, new RouteCost(true, 50, 0));
        Route fastLink = route(2, 5, 10, 2, U, new RouteCost(true, 5, 0));

        Selection s = BestRouteSelector.select(List.of(slowLink, fastLink), View.UNICAST, NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.METRIC);
    }

    @Test
    @DisplayName("D4, R72: on equal cost the incumbent keeps its place, even if another has held the cost longer")
    void shouldKeepIncumbentBestOnEqualCost() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 5, 1), route(2, 5, 5, 9)), View.UNICAST, 2);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.INCUMBENT);
    }

    @Test
    @DisplayName("D4, R72: without the incumbent among the tied, the route that has held the cost longest wins")
    void shouldPickTheLongestHeldRouteOnEqualCost() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 5, 7), route(2, 5, 5, 3), route(3, 5, 5, 4)),
                View.UNICAST, 99);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.LONGEST_HELD);
    }

    @Test
    @DisplayName("D4: an incumbent that costs more than a challenger loses on cost")
    void shouldNotKeepAnIncumbentThatCostsMore() {
        Selection s = BestRouteSelector.select(List.of(route(1, 5, 6, 1), route(2, 5, 5, 9)), View.UNICAST, 1);

        assertThat(s.best().id()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo(SelectionReason.METRIC);
    }

    @Test
    @DisplayName("R70, D13: routes outside the view or not eligible do not compete")
    void shouldIgnoreRoutesOutsideTheViewAndIneligibleRoutes() {
        Route multicastOnly = route(1, 1, 1, 1, M, RouteCost.plain(0));
        Route unusable = route(2, 1, 1, 2, U, new RouteCost(false, 0, 0));
        Route plain = route(3, 9, 9, 3);

        Selection s = BestRouteSelector.select(List.of(multicastOnly, unusable, plain), View.UNICAST, NO_INCUMBENT);

        assertThat(s.best().id()).isEqualTo(3);
        assertThat(s.reason()).isEqualTo(SelectionReason.ONLY_CANDIDATE);
    }

    @Test
    @DisplayName("R72: the winner and the reason do not depend on the order routes are stored in")
    void shouldRecordTheStepThatBeatTheClosestCompetitorWhateverTheOrder() {
        List<Route> routes = new ArrayList<>(List.of(route(1, 2, 1, 1), route(2, 2, 2, 2), route(3, 1, 9, 3)));
        for (int i = 0; i < 3; i++) {
            Collections.rotate(routes, 1);
            Selection s = BestRouteSelector.select(routes, View.UNICAST, NO_INCUMBENT);
            assertThat(s.best().id()).as("order %s", routes).isEqualTo(3);
            assertThat(s.reason()).as("order %s", routes).isEqualTo(SelectionReason.PREFERENCE);
        }
    }

    @Test
    @DisplayName("R72, R125: with no best route the ranking orders by preference, effective metric, then time held")
    void shouldRankByPreferenceMetricThenSeq() {
        Route a = route(1, 2, 1, 5);
        Route b = route(2, 1, 9, 6);
        Route c = route(3, 2, 1, 4);
        Route d = route(4, 2, 0, 7);
        Destination noBest = Destination.empty(io.rtmstreams.net.Prefix.parse("10.0.0.0/8"))
                .withRoutes(List.of(a, b, c, d));
        List<Route> ranked = new ArrayList<>(noBest.routes());

        ranked.sort(BestRouteSelector.ranking(noBest));

        assertThat(ranked).extracting(Route::id).containsExactly(2L, 4L, 3L, 1L);
    }

    @Test
    @DisplayName("R72, D4: on equal cost the destination's ranking keeps a current best ahead of an older route")
    void shouldRankTheIncumbentFirstAmongEqualCosts() {
        Route older = route(1, 2, 1, 5);
        Route incumbent = route(2, 2, 1, 9);
        Route cheaper = route(3, 1, 0, 10);
        Destination d = Destination.empty(io.rtmstreams.net.Prefix.parse("10.0.0.0/8"))
                .withRoutes(List.of(older, incumbent, cheaper))
                .withSlot(View.MULTICAST, ViewSlot.EMPTY.withBest(2, SelectionReason.INCUMBENT));
        List<Route> ranked = new ArrayList<>(d.routes());

        ranked.sort(BestRouteSelector.ranking(d));

        assertThat(ranked).extracting(Route::id).containsExactly(3L, 2L, 1L);
    }
}
