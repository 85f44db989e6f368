package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.OrderedStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Change-notification registrations (R97–R99), their marked destinations (R106) and the destinations each has had a
 * notification published for (so that its end withdraws them). Every destination change asks for the registrations of its table, so the list is
 * cached per table; the cache is only ever filled from the store and dropped on every write, so it cannot
 * disagree with it.
 */
final class Registrations {

    private final OrderedStore<ChangeRegistration> store;
    private final OrderedStore<Boolean> marks;
    private final OrderedStore<Long> published;
    private final Map<TableId, List<ChangeRegistration>> byTable = new HashMap<>();

    Registrations(OrderedStore<ChangeRegistration> store, OrderedStore<Boolean> marks, OrderedStore<Long> published) {
        this.store = store;
        this.marks = marks;
        this.published = published;
    }

    ChangeRegistration get(String router, int rtmInstance, String id) {
        return store.get(Keys.registration(router, rtmInstance, id));
    }

    void put(ChangeRegistration r) {
        store.put(Keys.registration(r.table().router(), r.table().rtmInstance(), r.id()), r);
        byTable.remove(r.table());
    }

    /**
     * Removes the registration with its marks and published entries (R99), within the budget (one
     * unit per entry); true when it is gone. The registration itself goes last, so an unfinished removal is found
     * and finished by the next call.
     */
    boolean remove(ChangeRegistration r, WorkBudget budget) {
        byte[] base = Keys.registration(r.table().router(), r.table().rtmInstance(), r.id());
        if (!deleteRange(marks, base, budget) || !deleteRange(published, base, budget)) {
            return false;
        }
        store.delete(base);
        byTable.remove(r.table());
        return true;
    }

    /** Forgets the published entry of one destination (its withdrawal has been published). */
    void forgetPublished(ChangeRegistration r, Prefix p) {
        published.delete(Keys.registrationDest(r, p));
    }

    /** Records that a notification of {@code view} for the destination was published (published delivery). */
    void published(ChangeRegistration r, Prefix p, View view) {
        byte[] key = Keys.registrationDest(r, p);
        Long views = published.get(key);
        if (views == null || !view.in(views.intValue())) {
            published.put(key, (views == null ? 0 : views) | view.mask());
        }
    }

    /** Up to {@code max} published (destination, views) of the registration after {@code after} (null: from the start). */
    List<Map.Entry<Prefix, Integer>> published(ChangeRegistration r, Prefix after, int max) {
        byte[] base = Keys.registration(r.table().router(), r.table().rtmInstance(), r.id());
        byte[] from = after == null ? base : io.rtmstreams.rtm.state.KeyBuilder.of(Keys.registrationDest(r, after), 1)
                .u8(0).build();
        List<Map.Entry<Prefix, Integer>> out = new ArrayList<>();
        try (Cursor<Long> c = published.range(from, Keys.end(base))) {
            while (c.hasNext() && out.size() < max) {
                Cursor.Entry<Long> e = c.next();
                out.add(Map.entry(Prefix.readKey(r.table().family(), e.key(), base.length), e.value().intValue()));
            }
        }
        return out;
    }

    List<ChangeRegistration> of(TableId t) {
        List<ChangeRegistration> cached = byTable.get(t);
        if (cached != null) {
            return cached;
        }
        byte[] from = Keys.instance(t.router(), t.rtmInstance());
        List<ChangeRegistration> out = new ArrayList<>();
        try (Cursor<ChangeRegistration> c = store.range(from, Keys.end(from))) {
            c.forEachRemaining(e -> {
                if (e.value().table().equals(t)) {
                    out.add(e.value());
                }
            });
        }
        List<ChangeRegistration> list = List.copyOf(out);
        byTable.put(t, list);
        return list;
    }

    boolean isMarked(ChangeRegistration r, Prefix p) {
        return marks.get(Keys.registrationDest(r, p)) != null;
    }

    void mark(ChangeRegistration r, Prefix p, boolean on) {
        if (on) {
            marks.put(Keys.registrationDest(r, p), Boolean.TRUE);
        } else {
            marks.delete(Keys.registrationDest(r, p));
        }
    }

    /** Deletes the range's entries within the budget; true when none is left. */
    private static <V> boolean deleteRange(OrderedStore<V> s, byte[] base, WorkBudget budget) {
        List<byte[]> keys = new ArrayList<>();
        boolean more;
        try (Cursor<V> c = s.range(base, Keys.end(base))) {
            while (c.hasNext() && budget.hasRoom()) {
                keys.add(c.next().key());
                budget.spend(1);
            }
            more = c.hasNext();
        }
        keys.forEach(s::delete);
        return !more;
    }
}
