package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every entity's private next-hop list (R40, R41), stored twice: by identity (owner, address, interface index),
 * which is how routes name their next hops on every add and which orders an owner's next hops by address (R124),
 * and by id for the calls that use a handle. Both hold the whole (small, immutable) record, so either lookup is
 * one read.
 */
final class NextHops {

    private final OrderedStore<NextHop> byId;
    private final OrderedStore<NextHop> byIdentity;

    NextHops(OrderedStore<NextHop> byId, OrderedStore<NextHop> byIdentity) {
        this.byId = byId;
        this.byIdentity = byIdentity;
    }

    NextHop byId(String router, long id) {
        return byId.get(Keys.routeId(router, id));
    }

    NextHop find(TableId t, EntityId owner, IpAddress address, long ifIndex) {
        return byIdentity.get(Keys.nextHopIdentity(t, owner, address, ifIndex));
    }

    void put(NextHop nh) {
        byId.put(Keys.routeId(nh.table().router(), nh.id()), nh);
        byIdentity.put(Keys.nextHopIdentity(nh.table(), nh.owner(), nh.address(), nh.interfaceIndex()), nh);
    }

    void remove(NextHop nh) {
        byId.delete(Keys.routeId(nh.table().router(), nh.id()));
        byIdentity.delete(Keys.nextHopIdentity(nh.table(), nh.owner(), nh.address(), nh.interfaceIndex()));
    }

    /** Up to {@code max} of the owner's next hops passing the filter, in address order. */
    List<NextHop> list(TableId t, EntityId owner, Predicate<NextHop> filter, int max) {
        byte[] from = Keys.entity(t, owner);
        List<NextHop> out = new ArrayList<>();
        try (Cursor<NextHop> c = byIdentity.range(from, Keys.end(from))) {
            while (c.hasNext() && out.size() < max) {
                NextHop nh = c.next().value();
                if (filter.test(nh)) {
                    out.add(nh);
                }
            }
        }
        return out;
    }
}
