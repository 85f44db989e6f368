package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;

/** Entity-private route lists (R129–R132): which lists exist, and their members in route-id order. */
final class RouteLists {

    private final OrderedStore<Boolean> lists;
    private final OrderedStore<Boolean> members;

    RouteLists(OrderedStore<Boolean> lists, OrderedStore<Boolean> members) {
        this.lists = lists;
        this.members = members;
    }

    boolean exists(TableId t, EntityId owner, String name) {
        return lists.get(Keys.routeList(t, owner, name)) != null;
    }

    void create(TableId t, EntityId owner, String name) {
        lists.put(Keys.routeList(t, owner, name), Boolean.TRUE);
    }

    void delete(TableId t, EntityId owner, String name) {
        lists.delete(Keys.routeList(t, owner, name));
    }

    /** The owner's list names, in name order. */
    List<String> names(TableId t, EntityId owner) {
        byte[] base = Keys.entity(t, owner);
        List<String> out = new ArrayList<>();
        try (Cursor<Boolean> c = lists.range(base, Keys.end(base))) {
            c.forEachRemaining(e -> out.add(new String(e.key(), base.length, e.key().length - base.length - 1,
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }

    void addMember(TableId t, EntityId owner, String name, long routeId) {
        members.put(Keys.routeListMember(t, owner, name, routeId), Boolean.TRUE);
    }

    void removeMember(TableId t, EntityId owner, String name, long routeId) {
        members.delete(Keys.routeListMember(t, owner, name, routeId));
    }

    /** Up to {@code max} member route ids after {@code afterRouteId} (0 for the start), ascending. */
    List<Long> members(TableId t, EntityId owner, String name, long afterRouteId, int max) {
        byte[] base = Keys.routeList(t, owner, name);
        byte[] from = afterRouteId == 0 ? base : KeyBuilder.of(base, 8).u64(afterRouteId + 1).build();
        List<Long> out = new ArrayList<>();
        try (Cursor<Boolean> c = members.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                out.add(KeyBuilder.readU64(c.next().key(), base.length));
            }
        }
        return out;
    }
}
