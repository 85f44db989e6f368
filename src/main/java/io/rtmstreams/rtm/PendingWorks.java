package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The work each router has pending (D24), by router. Read once on first use and kept in memory: the processor asks
 * about it for every record, and it is only ever written through here.
 */
final class PendingWorks {

    private final OrderedStore<PendingWork> store;
    private Map<String, PendingWork> byRouter;

    PendingWorks(OrderedStore<PendingWork> store) {
        this.store = store;
    }

    PendingWork get(String router) {
        return all().get(router);
    }

    void put(PendingWork w) {
        store.put(key(w.router()), w);
        all().put(w.router(), w);
    }

    void remove(String router) {
        if (all().remove(router) != null) {
            store.delete(key(router));
        }
    }

    Set<String> routers() {
        return Set.copyOf(all().keySet());
    }

    private Map<String, PendingWork> all() {
        if (byRouter == null) {
            byRouter = new HashMap<>();
            try (Cursor<PendingWork> c = store.range(null, null)) {
                c.forEachRemaining(e -> byRouter.put(e.value().router(), e.value()));
            }
        }
        return byRouter;
    }

    private static byte[] key(String router) {
        return new KeyBuilder(router.length() + 1).string(router).build();
    }
}
