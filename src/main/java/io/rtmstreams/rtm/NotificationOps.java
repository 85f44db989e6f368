package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;

/**
 * Change-notification registrations and marks (R97–R99, R106), and the drain calls of queued delivery
 * (R109–R114).
 */
final class NotificationOps {

    private final RtmState state;
    private final DestViews views;
    private final RtmConfig config;

    NotificationOps(RtmState state, DestViews views, RtmConfig config) {
        this.state = state;
        this.views = views;
        this.config = config;
    }

    /** RtmRegisterForChangeNotification (R97): at least one change type; supported views; a free id. */
    Outcome register(TableId t, Entity caller, Command.RegisterChangeNotification c) {
        checkId(c.registrationId());
        if (c.changeTypes() == 0 || (c.changeTypes() & ~ChangeType.ALL_TYPES) != 0) {
            throw RtmException.invalidParameter("changeTypes must name at least one of ALL, BEST, FORWARDING (R97)");
        }
        View.checkRouteViews(c.views());
        if (state.registrations.get(t.router(), t.rtmInstance(), c.registrationId()) != null) {
            throw RtmException.alreadyExists("registration '" + c.registrationId() + "' exists");
        }
        if (state.registrations.of(t).size() >= config.maxRegistrations()) {
            throw new RtmException(Status.ERROR_NO_SYSTEM_RESOURCES, "table " + t + " already has "
                    + config.maxRegistrations() + " notification registrations (R97)");
        }
        state.registrations.put(new ChangeRegistration(c.registrationId(), t, caller.id(), c.views(), c.changeTypes(),
                c.onlyMarkedDests()));
        return Outcome.ok(Effects.NONE);
    }

    /**
     * RtmDeregisterFromChangeNotification (R99): the registration goes with its marks, its pending changes and,
     * with published delivery, the latest change published for each destination (withdrawn). This checks the
     * caller owns it; the removal is {@link WorkSteps}' work.
     */
    PendingWork deregister(TableId t, Entity caller, String registrationId, long now) {
        own(t, caller, registrationId);
        return new PendingWork.EndRegistration(t, registrationId, now);
    }

    /** RtmMarkDestForChangeNotification (R106): marks are kept by prefix and outlive the destination (A24). */
    Outcome mark(TableId t, Entity caller, Command.MarkDest c) {
        ChangeRegistration r = own(t, caller, c.registrationId());
        checkFamily(t, c.dest());
        state.registrations.mark(r, c.dest(), c.mark());
        return Outcome.ok(Effects.NONE);
    }

    boolean isMarked(TableId t, Entity caller, String registrationId, Prefix dest) {
        return state.registrations.isMarked(own(t, caller, registrationId), dest);
    }

    /** RtmGetChangeStatus (R113): true while a change of the destination waits to be drained. */
    boolean changeStatus(TableId t, Entity caller, String registrationId, Prefix dest) {
        return state.registrations.isPending(own(t, caller, registrationId), dest);
    }

    /**
     * RtmGetChangedDests (R109–R111): up to {@code max} changed destinations, once each, as they are now, with one
     * view entry per view of the registration. The call that empties the queue answers ERROR_NO_MORE_ITEMS
     * together with its last items (R110).
     */
    ChangedDests changedDests(TableId t, Entity caller, String registrationId, int max) {
        ChangeRegistration r = own(t, caller, registrationId);
        if (max < 1 || max > config.maxHandlesInEnum()) {
            throw RtmException.invalidParameter("ask for 1 to " + config.maxHandlesInEnum() + " destinations (R112)");
        }
        List<Prefix> pending = state.registrations.pending(r, max + 1);
        List<DestInfo> out = new ArrayList<>();
        for (Prefix p : pending.subList(0, Math.min(max, pending.size()))) {
            state.registrations.removePending(r, p);
            Destination d = state.destinations.get(t, p);
            out.add(views.info(t, d == null ? Destination.empty(p) : d, r.views(), ProtocolIds.BEST_PROTOCOL));
        }
        return new ChangedDests(pending.size() > max ? Status.NO_ERROR : Status.ERROR_NO_MORE_ITEMS, out);
    }

    /** RtmIgnoreChangedDests (R114): pending changes of these destinations are dropped. */
    void ignore(TableId t, Entity caller, String registrationId, List<Prefix> dests) {
        ChangeRegistration r = own(t, caller, registrationId);
        dests.forEach(p -> state.registrations.removePending(r, p));
    }

    private ChangeRegistration own(TableId t, Entity caller, String id) {
        ChangeRegistration r = id == null ? null : state.registrations.get(t.router(), t.rtmInstance(), id);
        if (r == null || !r.table().equals(t)) {
            throw RtmException.invalidHandle("no notification registration '" + id + "' in " + t);
        }
        if (!r.owner().equals(caller.id())) {
            throw RtmException.accessDenied("registration '" + id + "' belongs to entity " + r.owner());
        }
        return r;
    }

    /** Registration ids have the syntax of router ids, so the notification keys that carry them stay unambiguous. */
    private static void checkId(String id) {
        if (!TableId.isIdentifier(id)) {
            throw RtmException.invalidParameter("registrationId must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    static void checkFamily(TableId t, Prefix p) {
        if (p.family() != t.family()) {
            throw RtmException.invalidParameter(p + " is not an " + t.family() + " prefix");
        }
    }
}
