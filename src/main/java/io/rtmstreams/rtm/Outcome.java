package io.rtmstreams.rtm;

/**
 * The answer to one command (D20): the Win32 status, a message for errors, the output change flags (NEW, BEST;
 * R44, R57, R78), the id of the route or next hop concerned (0 for none), and the effects. A failed command has no
 * effects and changed nothing.
 */
public record Outcome(Status status, String message, int changeFlags, long routeId, long nextHopId, Effects effects) {

    public static Outcome ok(int changeFlags, long routeId, long nextHopId, Effects effects) {
        return new Outcome(Status.NO_ERROR, null, changeFlags, routeId, nextHopId, effects);
    }

    public static Outcome ok(Effects effects) {
        return ok(0, 0, 0, effects);
    }

    public static Outcome error(Status status, String message) {
        return new Outcome(status, message, 0, 0, 0, Effects.NONE);
    }

    public boolean succeeded() {
        return status == Status.NO_ERROR;
    }
}
