package io.rtmstreams.streams;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.streams.state.WaitingEntry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The queues of routers that have work pending (D24): {@code router | seq u64} in the task's table state, so they
 * survive restarts with the work they wait for. Each router's head, tail and length are kept in memory, read from
 * the store on start-up (the queues are short-lived: they exist only while work is pending). The task's timer
 * catch-up horizon (see {@link WorkScheduler}) lives here too, under a key no router's can be ({@code 0x00}: router
 * ids are never empty).
 */
final class RouterQueues {

    /** One router's queue: the sequence numbers of its head and tail, and its tail entry. */
    private static final class Queue {
        long head;
        long tail;
        WaitingEntry last;
    }

    private static final byte[] CATCH_UP = {0};

    private final OrderedStore<WaitingEntry> store;
    private final Map<String, Queue> queues = new HashMap<>();
    private final NavigableSet<String> routers = new TreeSet<>();
    private long catchUp = -1;

    RouterQueues(OrderedStore<WaitingEntry> store) {
        this.store = store;
        try (Cursor<WaitingEntry> c = store.range(null, null)) {
            while (c.hasNext()) {
                Cursor.Entry<WaitingEntry> e = c.next();
                if (Arrays.equals(e.key(), CATCH_UP)) {
                    catchUp = e.value().horizon();
                    continue;
                }
                String router = router(e.key());
                long seq = KeyBuilder.readU64(e.key(), e.key().length - 8);
                Queue q = queues.computeIfAbsent(router, r -> {
                    Queue n = new Queue();
                    n.head = seq;
                    return n;
                });
                q.tail = seq;
                q.last = e.value();
                routers.add(router);
            }
        }
    }

    /** The task's timer catch-up horizon, or -1 when every free router's due deadlines have fired. */
    long catchUp() {
        return catchUp;
    }

    void setCatchUp(long horizon) {
        if (horizon != catchUp) {
            catchUp = horizon;
            if (horizon < 0) {
                store.delete(CATCH_UP);
            } else {
                store.put(CATCH_UP, WaitingEntry.horizon(horizon));
            }
        }
    }

    boolean isEmpty(String router) {
        return !queues.containsKey(router);
    }

    /** The routers with a queue, in name order. */
    NavigableSet<String> routers() {
        return routers;
    }

    void append(String router, WaitingEntry e) {
        Queue q = queues.get(router);
        if (q == null) {
            q = new Queue();
            q.head = 1;
            q.tail = 0;
            queues.put(router, q);
            routers.add(router);
        }
        q.tail++;
        q.last = e;
        store.put(key(router, q.tail), e);
    }

    /**
     * Records that a record of another router arrived at {@code time} (D8): the router's deadlines up to then fire
     * at this point of its queue. A horizon at the tail is raised in place; after a record a new one is added. Once
     * an entry is done, none of the router's deadlines up to its horizon is left, and those its record sets are no
     * earlier than the record's time: a time below the tail's horizon has nothing to fire.
     */
    void passTime(String router, long time) {
        Queue q = queues.get(router);
        if (q.last.isRecord()) {
            if (time >= q.last.horizon()) {
                append(router, WaitingEntry.horizon(time));
            }
        } else if (time > q.last.horizon()) {
            q.last = q.last.raisedTo(time);
            store.put(key(router, q.tail), q.last);
        }
    }

    WaitingEntry first(String router) {
        Queue q = queues.get(router);
        return q == null ? null : store.get(key(router, q.head));
    }

    void removeFirst(String router) {
        Queue q = queues.get(router);
        store.delete(key(router, q.head));
        if (q.head++ == q.tail) {
            queues.remove(router);
            routers.remove(router);
        }
    }

    private static byte[] key(String router, long seq) {
        return new KeyBuilder(router.length() + 9).string(router).u64(seq).build();
    }

    private static String router(byte[] key) {
        return new String(key, 0, key.length - 9, StandardCharsets.UTF_8);
    }
}
