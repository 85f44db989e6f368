package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/** Route change I/O flags (rtmv2.md §1.2): FIRST and NEW as input to an add, NEW and BEST as output (R53–R57). */
public final class RouteChange {

    /** RTM_ROUTE_CHANGE_FIRST (input only): update the caller's first route on the destination (R54). */
    public static final int FIRST = 0x01;
    /** RTM_ROUTE_CHANGE_NEW: force a new route (input, R53); a route was created (output, R57). */
    public static final int NEW = 0x02;
    /** RTM_ROUTE_CHANGE_BEST (output only): the best route changed or is this route (R57, R78). */
    public static final int BEST = 0x0001_0000;

    private RouteChange() {
    }

    public static int fromName(String name) {
        switch (name) {
            case "FIRST":
                return FIRST;
            case "NEW":
                return NEW;
            case "BEST":
                return BEST;
            default:
                throw new IllegalArgumentException("unknown change flag '" + name + "'");
        }
    }

    public static List<String> names(int flags) {
        List<String> out = new ArrayList<>(2);
        if ((flags & NEW) != 0) {
            out.add("NEW");
        }
        if ((flags & BEST) != 0) {
            out.add("BEST");
        }
        if ((flags & FIRST) != 0) {
            out.add("FIRST");
        }
        return out;
    }
}
