package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.List;

/** Outstanding method invocations (R29), by id and per target in arrival order (to release held calls, R30). */
final class Invocations {

    private final OrderedStore<Invocation> byId;
    private final OrderedStore<String> byTarget;

    Invocations(OrderedStore<Invocation> byId, OrderedStore<String> byTarget) {
        this.byId = byId;
        this.byTarget = byTarget;
    }

    Invocation get(String router, String id) {
        return byId.get(Keys.invocation(router, id));
    }

    void put(Invocation inv) {
        byId.put(Keys.invocation(inv.table().router(), inv.id()), inv);
        byTarget.put(Keys.invocationQueue(inv.table(), inv.target(), inv.seq()), inv.id());
    }

    void remove(Invocation inv) {
        byId.delete(Keys.invocation(inv.table().router(), inv.id()));
        byTarget.delete(Keys.invocationQueue(inv.table(), inv.target(), inv.seq()));
    }

    /** Every outstanding invocation of the target, oldest first. */
    List<Invocation> ofTarget(TableId t, EntityId target) {
        byte[] base = Keys.entity(t, target);
        List<String> ids = new ArrayList<>();
        try (Cursor<String> c = byTarget.range(base, Keys.end(base))) {
            c.forEachRemaining(e -> ids.add(e.value()));
        }
        List<Invocation> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Invocation inv = get(t.router(), id);
            if (inv != null) {
                out.add(inv);
            }
        }
        return out;
    }
}
