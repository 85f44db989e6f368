package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every entity's private next-hop list (R40, R41): by id, and by identity (owner, address, interface index), which
 * also orders an owner's next hops by address for enumeration (R124).
 */
final class NextHops {

    private final OrderedStore<NextHop> byId;
    private final OrderedStore<Long> byIdentity;

    NextHops(OrderedStore<NextHop> byId, OrderedStore<Long> byIdentity) {
        this.byId = byId;
        this.byIdentity = byIdentity;
    }

    NextHop byId(String router, long id) {
        return byId.get(Keys.routeId(router, id));
    }

    NextHop find(TableId t, EntityId owner, IpAddress address, long ifIndex) {
        Long id = byIdentity.get(Keys.nextHopIdentity(t, owner, address, ifIndex));
        return id == null ? null : byId(t.router(), id);
    }

    void put(NextHop nh) {
        byId.put(Keys.routeId(nh.table().router(), nh.id()), nh);
        byIdentity.put(Keys.nextHopIdentity(nh.table(), nh.owner(), nh.address(), nh.interfaceIndex()), nh.id());
    }

    void remove(NextHop nh) {
        byId.delete(Keys.routeId(nh.table().router(), nh.id()));
        byIdentity.delete(Keys.nextHopIdentity(nh.table(), nh.owner(), nh.address(), nh.interfaceIndex()));
    }

    /** Up to {@code max} of the owner's next hops passing the filter, in address order. */
    List<NextHop> list(TableId t, EntityId owner, Predicate<NextHop> filter, int max) {
        byte[] from = Keys.entity(t, owner);
        List<Long> ids = new ArrayList<>();
        try (Cursor<Long> c = byIdentity.range(from, Keys.end(from))) {
            while (c.hasNext()) {
                ids.add(c.next().value());
            }
        }
        List<NextHop> out = new ArrayList<>();
        for (Long id : ids) {
            NextHop nh = byId(t.router(), id);
            if (nh != null && filter.test(nh)) {
                out.add(nh);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }
}
