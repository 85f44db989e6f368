package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Deadlines as data (D8), per router in time order: {@code router | deadline u64 | kind u8 | what}. A router's
 * timers act only on that router's tables, so what must hold is their order against the router's own records;
 * keeping them by router lets a router whose work is pending (D24) leave its timers for later while the others'
 * fire, and lets a router's backlog of due timers be fired in steps without looking at anyone else's.
 *
 * <p>The earliest timer of every router (its head: deadline and key) is kept in memory, read from the store on first
 * use with one seek per router, so the earliest deadline of all is known without a scan, and taking a router's
 * next timer seeks straight to it: a scan from the start of the router's range would step over the deletions of
 * every timer taken before it, which made firing a backlog quadratic.
 *
 * <p>Version 1 kept every router's timers in one time-ordered store ({@code deadline | kind | router | what}).
 * Timers found there are moved into this layout on first use, all at once: this happens once per state upgraded
 * from version 1, whose timers are the routes deleted in the last retention period (5 minutes) plus those with a
 * TTL or a hold-down.
 */
final class Timers {

    /** A router's earliest timer: its deadline and key. */
    private record Head(long deadline, String router, byte[] key) implements Comparable<Head> {
        @Override
        public int compareTo(Head o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : router.compareTo(o.router);
        }
    }

    private final OrderedStore<TimerRef> store;
    private final OrderedStore<TimerRef> legacy;
    private Map<String, Head> headOf;
    private NavigableSet<Head> heads;

    Timers(OrderedStore<TimerRef> store, OrderedStore<TimerRef> legacy) {
        this.store = store;
        this.legacy = legacy;
    }

    void schedule(TimerRef t) {
        Head head = heads().get(t.table().router());
        byte[] key = key(t);
        store.put(key, t);
        if (head == null || Arrays.compareUnsigned(key, head.key()) < 0) {
            setHead(t.table().router(), new Head(t.deadline(), t.table().router(), key));
        }
    }

    void cancel(TimerRef t) {
        Head head = heads().get(t.table().router());
        byte[] key = key(t);
        store.delete(key);
        if (head != null && Arrays.equals(key, head.key())) {
            readHead(t.table().router(), key);
        }
    }

    /**
     * Removes and returns the router's earliest timer if it is due at {@code horizon}, else null. One scan answers
     * both this and the router's next head.
     */
    TimerRef takeDue(String router, long horizon) {
        Head head = heads().get(router);
        if (head == null || head.deadline() > horizon) {
            return null;
        }
        TimerRef first;
        try (Cursor<TimerRef> c = store.range(head.key(), Keys.end(routerKey(router)))) {
            first = c.next().value();
            setHead(router, c.hasNext() ? head(c.next()) : null);
        }
        store.delete(head.key());
        return first;
    }

    /** The router's earliest deadline, or -1 when it has no timer. */
    long next(String router) {
        Head head = heads().get(router);
        return head == null ? -1 : head.deadline();
    }

    /** The earliest deadline of all, or -1 when nothing is scheduled. */
    long next() {
        NavigableSet<Head> h = headsSet();
        return h.isEmpty() ? -1 : h.first().deadline();
    }

    /** The router with the earliest head due at {@code horizon} that {@code skip} does not exclude, or null. */
    String firstDue(long horizon, Predicate<String> skip) {
        for (Head h : headsSet()) {
            if (h.deadline() > horizon) {
                return null;
            }
            if (!skip.test(h.router())) {
                return h.router();
            }
        }
        return null;
    }

    private Map<String, Head> heads() {
        headsSet();
        return headOf;
    }

    private NavigableSet<Head> headsSet() {
        if (heads == null) {
            migrate();
            heads = new TreeSet<>();
            headOf = new HashMap<>();
            byte[] from = null;
            while (true) {
                String router;
                try (Cursor<TimerRef> c = store.range(from, null)) {
                    if (!c.hasNext()) {
                        break;
                    }
                    Head first = head(c.next());
                    router = first.router();
                    setHead(router, first);
                }
                from = Keys.end(routerKey(router));
            }
        }
        return heads;
    }

    /** Moves version 1's timers into this layout, each with its deadline and identity, so it fires as it would have. */
    private void migrate() {
        try (Cursor<TimerRef> c = legacy.range(null, null)) {
            while (c.hasNext()) {
                Cursor.Entry<TimerRef> e = c.next();
                legacy.delete(e.key());
                store.put(key(e.value()), e.value());
            }
        }
    }

    /** Reads the router's head, seeking from {@code from}, a key no greater than any of the router's timers. */
    private void readHead(String router, byte[] from) {
        try (Cursor<TimerRef> c = store.range(from, Keys.end(routerKey(router)))) {
            setHead(router, c.hasNext() ? head(c.next()) : null);
        }
    }

    private static Head head(Cursor.Entry<TimerRef> e) {
        return new Head(e.value().deadline(), e.value().table().router(), e.key());
    }

    /** Makes {@code head} the router's head; null: the router has no timer left. */
    private void setHead(String router, Head head) {
        Head old = head == null ? headOf.remove(router) : headOf.put(router, head);
        if (old != null) {
            heads.remove(old);
        }
        if (head != null) {
            heads.add(head);
        }
    }

    private static byte[] routerKey(String router) {
        byte[] r = router.getBytes(StandardCharsets.UTF_8);
        return new KeyBuilder(r.length + 1).bytes(r).u8(0).build();
    }

    private static byte[] key(TimerRef t) {
        return what(new KeyBuilder(48).string(t.table().router()).u64(t.deadline()).u8(t.kind().ordinal()), t);
    }

    private static byte[] what(KeyBuilder k, TimerRef t) {
        if (t.kind() == TimerRef.Kind.HOLD_DOWN) {
            k.u16(t.table().rtmInstance()).u8(t.table().family().afNumber()).prefix(t.dest());
        } else {
            k.u64(t.routeId());
        }
        return k.build();
    }
}
