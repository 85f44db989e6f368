package io.rtmstreams.rtm;

import java.util.Comparator;
import java.util.List;

/**
 * Best-route selection in one view, as a chain of named comparisons (R67–R72, D4, D11):
 * <ol>
 *   <li>{@link SelectionReason#PREFERENCE}: lower preference wins, unsigned (R67, R68);</li>
 *   <li>{@link SelectionReason#METRIC}: lower effective metric (route metric + interface metric, D11) wins,
 *   unsigned;</li>
 *   <li>{@link SelectionReason#INCUMBENT}: on equal cost the current best keeps its place (D4, R72);</li>
 *   <li>{@link SelectionReason#LONGEST_HELD}: otherwise the route that has held its cost longest wins (D4).</li>
 * </ol>
 * Only eligible routes of the view compete (R70, D13). Each selection records the step that decided it against
 * the closest competitor ({@link SelectionReason#ONLY_CANDIDATE} when there is none).
 */
final class BestRouteSelector {

    /** A view's winner (null if no route is eligible) and why it won. */
    record Selection(Route best, SelectionReason reason) {
        static final Selection NONE = new Selection(null, null);
    }

    /**
     * The order of a destination's routes (R72, R125): preference, then effective metric; on equal cost a route that
     * is best in some view keeps its place ahead of the others (R72, D4), then the one held longest. It is the order
     * of route enumerations and decides which route "ranks first" (A6, R54, A27), so that the route a flags-0 add
     * updates is the one consumers see as best whenever that one matches.
     */
    static Comparator<Route> ranking(Destination d) {
        return Comparator.comparingLong(Route::preference)
                .thenComparingLong(Route::effectiveMetric)
                .thenComparing(r -> d.bestViews(r.id()) == 0)
                .thenComparingLong(Route::seq)
                .thenComparingLong(Route::id);
    }

    private BestRouteSelector() {
    }

    static Selection select(List<Route> routes, View view, long incumbentId) {
        Route best = null;
        for (Route r : routes) {
            if (r.eligibleIn(view)
                    && (best == null || prefers(r, best, decidingStep(best, r, incumbentId), incumbentId))) {
                best = r;
            }
        }
        if (best == null) {
            return Selection.NONE;
        }
        // The reason is judged against the winner only: the closest competitor is the one it beat latest in the chain.
        SelectionReason reason = SelectionReason.ONLY_CANDIDATE;
        for (Route r : routes) {
            if (r.id() != best.id() && r.eligibleIn(view)) {
                SelectionReason step = decidingStep(best, r, incumbentId);
                if (step.ordinal() > reason.ordinal()) {
                    reason = step;
                }
            }
        }
        return new Selection(best, reason);
    }

    /** The first step of the chain at which {@code a} and {@code b} differ. */
    static SelectionReason decidingStep(Route a, Route b, long incumbentId) {
        if (a.preference() != b.preference()) {
            return SelectionReason.PREFERENCE;
        }
        if (a.effectiveMetric() != b.effectiveMetric()) {
            return SelectionReason.METRIC;
        }
        if (a.id() == incumbentId || b.id() == incumbentId) {
            return SelectionReason.INCUMBENT;
        }
        return SelectionReason.LONGEST_HELD;
    }

    /** True when {@code a} beats {@code b} at {@code step}. */
    private static boolean prefers(Route a, Route b, SelectionReason step, long incumbentId) {
        switch (step) {
            case PREFERENCE:
                return a.preference() < b.preference();
            case METRIC:
                return a.effectiveMetric() < b.effectiveMetric();
            case INCUMBENT:
                return a.id() == incumbentId;
            default:
                return a.seq() != b.seq() ? a.seq() < b.seq() : a.id() < b.id();
        }
    }
}
