package io.rtmstreams.rtm;

/** Why a destination changed (the contract's {@code cause} of a destination change). */
public enum Cause {
    ADD_ROUTE,
    DELETE_ROUTE,
    EXPIRED,
    HOLD_EXPIRED,
    DEREGISTER,
    INTERFACE
}
