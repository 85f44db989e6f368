package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

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
                        views.info(t, d, view.mask(), DestViews.BEST_PROTOCOL)));
            } else {
                queue(r, d.prefix(), fx);
            }
        }
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
