package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/** Change-notification registrations and marks (R97–R99, R106). */
final class NotificationOps {

    private final RtmState state;
    private final RtmConfig config;

    NotificationOps(RtmState state, RtmConfig config) {
        this.state = state;
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
     * RtmDeregisterFromChangeNotification (R99): the registration goes with its marks and the latest change
     * published for each destination (withdrawn). This checks the
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
