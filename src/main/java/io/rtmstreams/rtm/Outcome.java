package io.rtmstreams.rtm;

import java.util.List;

/**
 * The answer to one command (D20): the Win32 status, a message for errors, the output change flags (NEW, BEST;
 * R44, R57, R78), the id of the route or next hop concerned (0 for none), and the effects. A failed command has no
 * effects and changed nothing.
 *
 * <p>A batch (D25) answers with the outcome of each of its routes in order ({@code routes}; empty for any other
 * command). Its own status is that of its first failed route, NO_ERROR when none failed; it has no flags or ids of
 * its own, and its effects are those of the routes that succeeded, even when others failed.
 *
 * <p>{@code deleted} counts the routes a DELETE_NEIGHBOUR_ROUTES deleted (D29); null for every other command.
 */
public record Outcome(Status status, String message, int changeFlags, long routeId, long nextHopId, Effects effects,
                      List<Outcome> routes, Long deleted) {

    public Outcome {
        routes = List.copyOf(routes);
    }

    public static Outcome ok(int changeFlags, long routeId, long nextHopId, Effects effects) {
        return new Outcome(Status.NO_ERROR, null, changeFlags, routeId, nextHopId, effects, List.of(), null);
    }

    public static Outcome ok(Effects effects) {
        return ok(0, 0, 0, effects);
    }

    public static Outcome error(Status status, String message) {
        return new Outcome(status, message, 0, 0, 0, Effects.NONE, List.of(), null);
    }

    /** A DELETE_NEIGHBOUR_ROUTES that deleted {@code n} routes (D29). */
    public static Outcome deleted(long n) {
        return new Outcome(Status.NO_ERROR, null, 0, 0, 0, Effects.NONE, List.of(), n);
    }

    /** A batch's outcome from its routes' (D25). */
    public static Outcome batch(List<Outcome> routes) {
        int failed = 0;
        Outcome first = null;
        int firstIndex = -1;
        for (int i = 0; i < routes.size(); i++) {
            if (!routes.get(i).succeeded()) {
                failed++;
                if (first == null) {
                    first = routes.get(i);
                    firstIndex = i;
                }
            }
        }
        return first == null ? new Outcome(Status.NO_ERROR, null, 0, 0, 0, Effects.NONE, routes, null)
                : new Outcome(first.status(), failed + " of " + routes.size() + " routes failed; the first, routes["
                        + firstIndex + "]: " + first.message(), 0, 0, 0, Effects.NONE, routes, null);
    }

    public boolean succeeded() {
        return status == Status.NO_ERROR;
    }

    public boolean isBatch() {
        return !routes.isEmpty();
    }

    /** The same answer with the effects it had. */
    Outcome withEffects(Effects fx) {
        return new Outcome(status, message, changeFlags, routeId, nextHopId, fx, routes, deleted);
    }
}
