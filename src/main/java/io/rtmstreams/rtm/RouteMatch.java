package io.rtmstreams.rtm;

import java.util.List;

/**
 * The match flags and criteria of RtmGetExactMatchRoute and route enumerations (R120, R123; A27): OWNER compares
 * the owner, NEIGHBOUR the neighbour's identity, PREF preference and metric, NEXTHOP requires every listed next hop,
 * INTERFACE a next hop on the interface; NONE accepts any route and FULL applies every criterion.
 */
public record RouteMatch(int flags, EntityId owner, NextHopSpec neighbour, long preference, long metric,
                         List<NextHopSpec> nextHops, long interfaceIndex) {

    public static final int NONE = 0x0;
    public static final int OWNER = 0x1;
    public static final int NEIGHBOUR = 0x2;
    public static final int PREF = 0x4;
    public static final int NEXTHOP = 0x8;
    public static final int INTERFACE = 0x10;
    public static final int FULL = 0xFFFF;

    public static final RouteMatch ANY = new RouteMatch(NONE, null, null, 0, 0, List.of(), 0);

    public RouteMatch {
        nextHops = nextHops == null ? List.of() : List.copyOf(nextHops);
    }

    public static RouteMatch owner(EntityId owner) {
        return new RouteMatch(OWNER, owner, null, 0, 0, List.of(), 0);
    }

    public static RouteMatch onInterface(long interfaceIndex) {
        return new RouteMatch(INTERFACE, null, null, 0, 0, List.of(), interfaceIndex);
    }

    public boolean test(Route r) {
        if ((flags & OWNER) != 0 && !r.owner().equals(owner)) {
            return false;
        }
        if ((flags & NEIGHBOUR) != 0 && !RouteOps.sameNeighbour(r.neighbour(), neighbour)) {
            return false;
        }
        if ((flags & PREF) != 0 && (r.preference() != preference || r.metric() != metric)) {
            return false;
        }
        if ((flags & NEXTHOP) != 0) {
            for (NextHopSpec want : nextHops) {
                if (r.nextHops().stream().noneMatch(h -> h.sameIdentity(want.address(), want.interfaceIndex()))) {
                    return false;
                }
            }
        }
        return (flags & INTERFACE) == 0 || r.nextHops().stream().anyMatch(h -> h.interfaceIndex() == interfaceIndex);
    }
}
