package io.rtmstreams.rtm;

import java.util.Objects;

/** RtmAddNextHop and RtmDeleteNextHop (R40–R49), and the implicit adds of next hops given by value in a route. */
final class NextHopOps {

    private final RtmState state;

    NextHopOps(RtmState state) {
        this.state = state;
    }

    /** Upsert by identity in the caller's list (R44): NEW when created, 0 when updated. */
    Outcome add(TableId t, Entity caller, NextHopSpec spec) {
        checkFamily(t, spec);
        NextHop existing = state.nextHops.find(t, caller.id(), spec.address(), spec.interfaceIndex());
        if (existing != null) {
            if (existing.flags() != spec.flags()
                    || !Objects.equals(existing.entitySpecificInfo(), spec.entitySpecificInfo())) {
                state.nextHops.put(new NextHop(existing.id(), t, caller.id(), existing.address(),
                        existing.interfaceIndex(), spec.flags(), spec.entitySpecificInfo()));
            }
            return Outcome.ok(0, 0, existing.id(), Effects.NONE);
        }
        NextHop created = create(t, caller.id(), spec);
        return Outcome.ok(RouteChange.NEW, 0, created.id(), Effects.NONE);
    }

    /**
     * Removes a next hop from its owner's list (R46, R47). Routes that reference it keep it and nothing is
     * notified (A4, R49); a later add of the same identity creates a new next hop.
     */
    Outcome delete(TableId t, Entity caller, NextHopSpec spec, Long id) {
        NextHop nh;
        if (id != null) {
            nh = state.nextHops.byId(t.router(), id);
            if (nh == null) {
                throw state.counters.missing(t.router(), Counters.NEXT_HOP_ID, id, "next hop");
            }
            if (!nh.table().equals(t)) {
                throw RtmException.invalidParameter("next hop " + id + " belongs to table " + nh.table());
            }
            if (!nh.owner().equals(caller.id())) {
                throw RtmException.accessDenied("next hop " + id + " belongs to entity " + nh.owner());
            }
        } else {
            if (spec == null) {
                throw RtmException.invalidParameter("DELETE_NEXTHOP needs nextHop or nextHopId (R46)");
            }
            checkFamily(t, spec);
            nh = state.nextHops.find(t, caller.id(), spec.address(), spec.interfaceIndex());
            if (nh == null) {
                throw RtmException.notFound("entity " + caller.id() + " has no next hop " + spec.address()
                        + " on interface " + spec.interfaceIndex());
            }
        }
        state.nextHops.remove(nh);
        return Outcome.ok(0, 0, nh.id(), Effects.NONE);
    }

    /** The caller's next hop with this identity, added if it is not in the list yet (contract: next hops by value). */
    NextHopRef resolve(TableId t, EntityId owner, NextHopSpec spec) {
        NextHop nh = state.nextHops.find(t, owner, spec.address(), spec.interfaceIndex());
        return (nh != null ? nh : create(t, owner, spec)).ref();
    }

    static void checkFamily(TableId t, NextHopSpec spec) {
        if (spec.address().family() != t.family()) {
            throw RtmException.invalidParameter("next hop " + spec.address() + " is not an " + t.family() + " address");
        }
    }

    private NextHop create(TableId t, EntityId owner, NextHopSpec spec) {
        long id = state.counters.next(t.router(), Counters.NEXT_HOP_ID);
        NextHop nh = new NextHop(id, t, owner, spec.address(), spec.interfaceIndex(), spec.flags(),
                spec.entitySpecificInfo());
        state.nextHops.put(nh);
        return nh;
    }
}
