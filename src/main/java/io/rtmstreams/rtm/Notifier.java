package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.List;
import java.util.Map;

/**
 * Tells notification registrations about destination changes (R105–R111). A change of some types in a view is
 * queued for a registration that asked for one of those types in that view, and either covers every destination
 * or has this one marked (R105); changes caused by the registration's own entity are included (R107).
 *
 * <p>Queued delivery keeps one pending entry per (registration, destination), so repeated changes coalesce
 * (R111), and signals the owner once when the pending set goes from empty to non-empty (R108). Published delivery
 * hands each change out at once with the destination's state; a compacted topic keyed by (registration, view,
 * destination) then plays the pending set.
 */
final class Notifier {

    private final Registrations registrations;
    private final DestViews views;
    private final RtmConfig.Delivery delivery;

    Notifier(Registrations registrations, DestViews views, RtmConfig.Delivery delivery) {
        this.registrations = registrations;
        this.views = views;
        this.delivery = delivery;
    }

    void changed(TableId t, Destination d, View view, int types, EffectSink fx) {
        for (ChangeRegistration r : registrations.of(t)) {
            int interest = r.interest(view, types);
            if (interest == 0 || (r.onlyMarked() && !registrations.isMarked(r, d.prefix()))) {
                continue;
            }
            if (delivery == RtmConfig.Delivery.PUBLISHED) {
                fx.notify(new Notification(r, view, d.prefix(), interest,
                        views.info(t, d, view.mask(), ProtocolIds.BEST_PROTOCOL)));
                registrations.published(r, d.prefix(), view);
            } else {
                queue(r, d.prefix(), fx);
            }
        }
    }

    /**
     * Ends a registration (R99) within the budget; true when it is gone. Everything attached to it goes. With
     * published delivery that includes the latest change published for each of its destinations, so each gets a
     * withdrawal (a notification without a destination; a tombstone on the compacted topic), in address order,
     * before the registration is removed. Each withdrawal forgets its entry, so the next call goes on from there.
     */
    boolean remove(ChangeRegistration r, WorkBudget budget, EffectSink fx) {
        if (delivery == RtmConfig.Delivery.PUBLISHED) {
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
        }
        return registrations.remove(r, budget);
    }

    private void queue(ChangeRegistration r, Prefix p, EffectSink fx) {
        if (registrations.isPending(r, p)) {
            return;
        }
        boolean wasEmpty = !registrations.hasPending(r);
        registrations.addPending(r, p);
        if (wasEmpty) {
            fx.event(new EntityEvent.ChangesAvailable(r.table(), r.owner(), r.id()));
        }
    }
}
