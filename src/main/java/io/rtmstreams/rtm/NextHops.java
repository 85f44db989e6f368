package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Every next hop of the owner, in (address, interface index) order. */
    List<NextHop> all(TableId t, EntityId owner) {
        return list(t, owner, null, null, nh -> true, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code max} of the owner's next hops in (address, interface index) order (R124), which is their key
     * order: from the address {@code from} on (null: from the first), strictly after the identity {@code after}
     * (null: no cursor), and only while {@code within} holds. The scan starts at the later of the two bounds, so a
     * page costs its own length, not the pages before it.
     */
    List<NextHop> list(TableId t, EntityId owner, IpAddress from, NextHopRef after, Predicate<NextHop> within,
                       int max) {
        byte[] entity = Keys.entity(t, owner);
        byte[] start = entity;
        if (from != null) {
            start = KeyBuilder.of(entity, 16).bytes(from.toBytes()).build();
        }
        if (after != null) {
            byte[] next = KeyBuilder.of(Keys.nextHopIdentity(t, owner, after.address(), after.interfaceIndex()), 1)
                    .u8(0).build();
            if (Arrays.compareUnsigned(next, start) > 0) {
                start = next;
            }
        }
        List<NextHop> out = new ArrayList<>();
        try (Cursor<NextHop> c = byIdentity.range(start, Keys.end(entity))) {
            while (c.hasNext() && out.size() < max) {
                NextHop nh = c.next().value();
                if (!within.test(nh)) {
                    break;
                }
                out.add(nh);
            }
        }
        return out;
    }
}
