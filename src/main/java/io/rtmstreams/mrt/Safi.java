package io.rtmstreams.mrt;

/** The subsequent address families an importer can use: unicast 1, multicast 2, both 3 (RFC 4760). */
public enum Safi {
    UNICAST, MULTICAST, BOTH;

    /** The SAFI of {@code code}, or null for the others (labelled, VPN, flowspec...), whose NLRI are not prefixes. */
    static Safi of(int code) {
        return switch (code) {
            case 1 -> UNICAST;
            case 2 -> MULTICAST;
            case 3 -> BOTH;
            default -> null;
        };
    }
}
