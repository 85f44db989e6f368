package io.rtmstreams.rtm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registration, deregistration with its cascade (R13–R26, D3), and entity methods (R27–R31).
 */
final class EntityOps {

    private static final int MAX_METHODS = 32;

    private final RtmState state;
    private final RtmConfig config;

    EntityOps(RtmState state, RtmConfig config) {
        this.state = state;
        this.config = config;
    }

    /**
     * RtmRegisterEntity (R13, R14): one registration per (instance, family, protocol id, instance id). Every other
     * entity of the table is told (R19). The entity gets an opaque slot while slots remain (R136).
     */
    Outcome register(TableId t, Command.RegisterEntity c, long now, EffectSink fx) {
        if (state.entities.get(t, c.entity()) != null) {
            throw RtmException.alreadyExists("entity " + c.entity() + " is already registered in " + t + " (R14)");
        }
        checkMethods(c.methods());
        List<Entity> others = state.entities.list(t);
        long slotsUsed = others.stream().filter(Entity::opaqueSlot).count();
        Entity e = new Entity(c.entity(), c.expiryPolicy(), c.methods(), false, slotsUsed < config.opaqueSlots(), now);
        state.entities.put(t, e);
        for (Entity o : others) {
            fx.event(new EntityEvent.Registered(t, o.id(), e.id()));
        }
        return Outcome.ok(Effects.NONE);
    }

    private static void checkMethods(List<String> methods) {
        if (methods.size() > MAX_METHODS) {
            throw RtmException.invalidParameter("an entity exports at most " + MAX_METHODS + " methods (R27)");
        }
        Set<String> seen = new HashSet<>();
        for (String m : methods) {
            if (m == null || m.isEmpty() || !seen.add(m)) {
                throw RtmException.invalidParameter("method names must be non-empty and distinct");
            }
        }
    }

    /**
     * The end of RtmDeregisterEntity's cascade (D3, R26), once the entity's registrations and routes are gone
     * ({@link WorkSteps}): its next hops, route lists and opaque slots go; calls into it are refused; it is removed
     * and the others are told.
     */
    void deregistered(TableId t, EntityId id, EffectSink fx) {
        for (NextHop nh : state.nextHops.all(t, id)) {
            state.nextHops.remove(nh);
        }
        for (String list : state.routeLists.names(t, id)) {
            state.routeLists.delete(t, id, list);
        }
        state.opaque.removeAll(t, id);
        for (Invocation inv : state.invocations.ofTarget(t, id)) {
            state.invocations.remove(inv);
            if (state.entities.get(t, inv.caller()) != null && !inv.caller().equals(id)) {
                fx.event(new EntityEvent.MethodResult(t, inv.caller(), inv.id(), id, Status.ERROR_INVALID_HANDLE,
                        null));
            }
        }
        state.entities.remove(t, id);
        for (Entity o : state.entities.list(t)) {
            fx.event(new EntityEvent.Deregistered(t, o.id(), id));
        }
    }

    /** SYNC (D30): everything before it has been applied; the table's other entities are told. */
    Outcome sync(TableId t, Entity caller, String marker, EffectSink fx) {
        for (Entity o : state.entities.list(t)) {
            if (!o.id().equals(caller.id())) {
                fx.event(new EntityEvent.Synced(t, o.id(), caller.id(), marker));
            }
        }
        return Outcome.ok(Effects.NONE);
    }

    /**
     * RtmInvokeMethod (R29, R30): the target must be registered (else ERROR_INVALID_HANDLE) and export every named
     * method; while the target has blocked its methods the call is held and delivered when it resumes.
     */
    Outcome invoke(TableId t, Entity caller, Command.InvokeMethod c, EffectSink fx) {
        Entity target = state.entities.get(t, c.target());
        if (target == null) {
            throw RtmException.invalidHandle("entity " + c.target() + " is not registered in " + t + " (R30)");
        }
        if (c.methods().isEmpty()) {
            throw RtmException.invalidParameter("name at least one method");
        }
        long bits = target.methodBits(c.methods());
        if (bits < 0) {
            throw RtmException.invalidParameter("entity " + c.target() + " exports only " + target.methods());
        }
        if (c.invocationId() == null || c.invocationId().isEmpty()) {
            throw RtmException.invalidParameter("invocationId is required");
        }
        if (state.invocations.get(t.router(), c.invocationId()) != null) {
            throw RtmException.alreadyExists("invocation '" + c.invocationId() + "' is still outstanding");
        }
        long seq = state.counters.next(t.router(), Counters.INVOCATION_SEQ);
        Invocation inv = new Invocation(c.invocationId(), t, caller.id(), target.id(), c.methods(), bits, c.input(),
                !target.blocked(), seq);
        state.invocations.put(inv);
        if (inv.delivered()) {
            fx.event(invoked(inv));
        }
        return Outcome.ok(Effects.NONE);
    }

    /** A method's answer goes back to the entity that invoked it. */
    Outcome result(TableId t, Entity caller, Command.MethodResult c, EffectSink fx) {
        Invocation inv = c.invocationId() == null ? null : state.invocations.get(t.router(), c.invocationId());
        if (inv == null || !inv.table().equals(t)) {
            throw RtmException.notFound("no outstanding invocation '" + c.invocationId() + "'");
        }
        if (!inv.target().equals(caller.id())) {
            throw RtmException.accessDenied("invocation '" + inv.id() + "' was made to entity " + inv.target());
        }
        if (c.caller() != null && !c.caller().equals(inv.caller())) {
            throw RtmException.invalidParameter("invocation '" + inv.id() + "' was made by entity " + inv.caller());
        }
        if (!inv.delivered()) {
            throw RtmException.invalidParameter("invocation '" + inv.id() + "' has not been delivered yet");
        }
        state.invocations.remove(inv);
        if (state.entities.get(t, inv.caller()) != null) {
            Status status = c.status() == null ? Status.NO_ERROR : c.status();
            fx.event(new EntityEvent.MethodResult(t, inv.caller(), inv.id(), caller.id(), status, c.output()));
        }
        return Outcome.ok(Effects.NONE);
    }

    /** RtmBlockMethods (R31): blocking holds new calls; resuming delivers the held ones in order. */
    Outcome block(TableId t, Entity caller, boolean block, EffectSink fx) {
        if (caller.blocked() == block) {
            return Outcome.ok(Effects.NONE);
        }
        state.entities.put(t, caller.withBlocked(block));
        if (!block) {
            for (Invocation inv : state.invocations.ofTarget(t, caller.id())) {
                if (!inv.delivered()) {
                    Invocation d = inv.asDelivered();
                    state.invocations.put(d);
                    fx.event(invoked(d));
                }
            }
        }
        return Outcome.ok(Effects.NONE);
    }

    private static EntityEvent invoked(Invocation inv) {
        return new EntityEvent.MethodInvoked(inv.table(), inv.target(), inv.id(), inv.caller(), inv.methods(),
                inv.methodBits(), inv.input());
    }
}
