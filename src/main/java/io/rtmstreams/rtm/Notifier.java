package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.List;
import java.util.Map;

/**
 * Tells notification registrations about destination changes (R105, R107, R111). A change of some types in a view
 * goes to a registration that asked for one of those types in that view, and either covers every destination or
 * has this one marked (R105); changes caused by the registration's own entity are included (R107).
 *
 * <p>Each change is handed out at once with the destination's state as a {@link Notification}; the compacted
 * {@code rtm.notifications} topic keyed by (registration, view, destination) plays the pending set, so repeated
 * changes coalesce to the latest (R111). RTMv2's signal-and-drain calls (R108–R110, R112–R114) are not offered:
 * contract.md has no command for them, and spec section 16 allows coalesced snapshots instead (README, RTMv2).
 */
final class Notifier {

    private final Registrations registrations;
    private final DestViews views;

    Notifier(Registrations registrations, DestViews views) {
        this.registrations = registrations;
        this.views = views;
    }

    void changed(TableId t, Destination d, View view, int types, EffectSink fx) {
        for (ChangeRegistration r : registrations.of(t)) {
            int interest = r.interest(view, types);
            if (interest == 0 || (r.onlyMarked() && !registrations.isMarked(r, d.prefix()))) {
                continue;
            }
            fx.notify(new Notification(r, view, d.prefix(), interest,
                    views.info(t, d, view.mask(), ProtocolIds.BEST_PROTOCOL)));
            registrations.published(r, d.prefix(), view);
        }
    }

    /**
     * Ends a registration (R99) within the budget; true when it is gone. Everything attached to it goes, including
     * the latest change published for each of its destinations, so each gets a withdrawal (a notification without a
     * destination; a tombstone on the compacted topic), in address order, before the registration is removed. Each withdrawal forgets its entry, so the next call goes on from there.
     */
    boolean remove(ChangeRegistration r, WorkBudget budget, EffectSink fx) {
        Prefix after = null;
        for (List<Map.Entry<Prefix, Integer>> batch = registrations.published(r, null, 256); !batch.isEmpty();
             batch = registrations.published(r, after, 256)) {
            for (Map.Entry<Prefix, Integer> e : batch) {
                after = e.getKey();
                if (!budget.hasRoom()) {
                    return false;
                }
                for (View v : View.of(e.getValue())) {
                    fx.notify(new Notification(r, v, e.getKey(), 0, null));
                }
                registrations.forgetPublished(r, e.getKey());
                budget.spend(1);
            }
        }
        return registrations.remove(r, budget);
    }
}
