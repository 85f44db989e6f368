package io.rtmstreams.rtm;

/**
 * Why a view's best route won (contract v2, Selection reason): the step of {@link BestRouteSelector}'s chain that put
 * it ahead of its closest competitor, as GoBGP records why a path won. Declared in the order the steps are applied
 * after the trivial case, so that a later step (a larger ordinal) is a closer race. State stores the ordinal
 * ({@code RtmCodecs}): add new reasons at the end, never reorder.
 */
public enum SelectionReason {
    /** No other eligible route in the view (R70, D13). */
    ONLY_CANDIDATE,
    /** Lower preference, unsigned (R67, R68). */
    PREFERENCE,
    /** Equal preference, lower effective metric (route metric + interface metric, D11). */
    METRIC,
    /** Equal cost, and the route was the view's best before (D4, R72). */
    INCUMBENT,
    /** Equal cost, no incumbent among them: the route that has held its cost longest (D4). */
    LONGEST_HELD
}
