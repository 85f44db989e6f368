package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.List;
import java.util.Objects;

/**
 * One destination of a table with all its state (R34): its live routes, per view the best route, hold-down route
 * and output version, the hold-down timer, the last-changed time and the sequence that orders routes of equal cost
 * (D4). One record per destination is the unit of storage: an advert reads and writes exactly one.
 *
 * <p>A destination exists while it has a live route or a hold-down route (R35). Once it has neither, the record
 * stays behind as a <em>retired</em> record that only remembers the output versions and the sequence, so that
 * versions keep increasing by one per key across the destination's lives (D21); lookups and enumerations skip it.
 */
public record Destination(
        Prefix prefix,
        List<Route> routes,
        ViewSlot unicast,
        ViewSlot multicast,
        Hold hold,
        long lastChanged,
        long nextSeq) {

    public Destination {
        Objects.requireNonNull(prefix, "prefix");
        routes = List.copyOf(routes);
        Objects.requireNonNull(unicast, "unicast");
        Objects.requireNonNull(multicast, "multicast");
        Objects.requireNonNull(hold, "hold");
    }

    /** A destination that has never had a route. */
    public static Destination empty(Prefix prefix) {
        return new Destination(prefix, List.of(), ViewSlot.EMPTY, ViewSlot.EMPTY, Hold.NONE, 0, 1);
    }

    public ViewSlot slot(View view) {
        return view == View.UNICAST ? unicast : multicast;
    }

    /** True while the destination has a live route or a hold-down route (R35). */
    public boolean exists() {
        return !routes.isEmpty() || unicast.holdRoute() != null || multicast.holdRoute() != null;
    }

    /** The views of the live routes (R36): a destination with only hold-down routes belongs to none. */
    public int belongsToViews() {
        int mask = 0;
        for (Route r : routes) {
            mask |= r.views();
        }
        return mask;
    }

    /** Number of live routes in the view (R34); routes not eligible (D13) count too. */
    public int numRoutes(View view) {
        int n = 0;
        for (Route r : routes) {
            if (r.inView(view)) {
                n++;
            }
        }
        return n;
    }

    public Route route(long id) {
        for (Route r : routes) {
            if (r.id() == id) {
                return r;
            }
        }
        return null;
    }

    /** The view's best route, or null. */
    public Route best(View view) {
        long id = slot(view).bestRouteId();
        return id == 0 ? null : route(id);
    }

    /** The mask of views in which the route is best (R71). */
    public int bestViews(long routeId) {
        int mask = 0;
        for (View v : View.values()) {
            if (slot(v).bestRouteId() == routeId) {
                mask |= v.mask();
            }
        }
        return mask;
    }

    /** True when the destination is in the view for a query: a live route there, or any existence for ANY (R119, R127). */
    public boolean visibleIn(int viewMask) {
        return viewMask == View.MASK_ANY ? exists() : (belongsToViews() & viewMask) != 0;
    }

    Destination withRoutes(List<Route> newRoutes) {
        return new Destination(prefix, newRoutes, unicast, multicast, hold, lastChanged, nextSeq);
    }

    Destination withSlot(View view, ViewSlot slot) {
        return view == View.UNICAST
                ? new Destination(prefix, routes, slot, multicast, hold, lastChanged, nextSeq)
                : new Destination(prefix, routes, unicast, slot, hold, lastChanged, nextSeq);
    }

    Destination withHold(Hold h) {
        return new Destination(prefix, routes, unicast, multicast, h, lastChanged, nextSeq);
    }

    Destination withLastChanged(long t) {
        return new Destination(prefix, routes, unicast, multicast, hold, t, nextSeq);
    }

    Destination withNextSeq(long seq) {
        return new Destination(prefix, routes, unicast, multicast, hold, lastChanged, seq);
    }
}
