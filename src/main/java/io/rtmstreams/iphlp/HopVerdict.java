package io.rtmstreams.iphlp;

/**
 * What the interfaces make of one next hop of one route (D12): whether it is usable, and if not why, with the
 * interface metric it carries and the row behind it (null for REMOTE next hops and unknown interfaces).
 */
record HopVerdict(Reason reason, long interfaceMetric, InterfaceRow row) {

    /** Why a next hop is, or is not, usable. The order is the order the checks run in. */
    enum Reason {
        /** Usable. */
        USABLE,
        /** The index was never reported and {@code strict-interfaces} is on (D12). */
        UNKNOWN_INTERFACE,
        /** The interface was deleted, or its LUID moved to another index (D12, N6, L4). */
        DELETED,
        /** The route metric or the interface metric is 0xFFFFFFFF, "unused" (M3). */
        METRIC_UNUSED,
        /** A /0 route on an interface with DisableDefaultRoutes (G5, Q2). */
        DEFAULT_ROUTES_DISABLED,
        /** The interface is not connected (G6); only a lookup constrained to it may still use it (G7, Q3). */
        DISCONNECTED
    }

    static final HopVerdict REMOTE_OR_UNKNOWN = new HopVerdict(Reason.USABLE, 0, null);
    static final HopVerdict UNKNOWN_STRICT = new HopVerdict(Reason.UNKNOWN_INTERFACE, 0, null);
    static final HopVerdict GONE = new HopVerdict(Reason.DELETED, 0, null);

    boolean usable() {
        return reason == Reason.USABLE;
    }

    /** Usable, or unusable only because the interface is disconnected: what a constrained lookup may return (G7). */
    boolean usableWhenConstrained() {
        return reason == Reason.USABLE || reason == Reason.DISCONNECTED;
    }

    /** The outgoing interface's LUID, 0 when no row is known. */
    long interfaceLuid() {
        return row == null ? 0 : row.interfaceLuid();
    }
}
