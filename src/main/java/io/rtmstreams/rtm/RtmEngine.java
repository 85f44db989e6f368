package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Routing Table Manager: RTMv2's behaviour over state kept in {@link StoreProvider} stores. One engine serves
 * every router whose state those stores hold; it is not thread-safe (one stream task, one thread).
 *
 * <p>Time is whatever the caller says it is: every call takes {@code now} in milliseconds, and deadlines (TTL,
 * hold-down, retention) are data that {@link #fireDueTimers} acts on once {@code now} has passed them (D8).
 *
 * <p>Every command gets exactly one {@link Outcome} (D20). A command that fails changes nothing: all checks run
 * before the first write.
 *
 * <p><b>Bounded work (D24).</b> A command whose work grows with the table (a deregistration cascade, the end of a
 * notification registration, a route list's deletion) and an interface recomputation do what fits the caller's
 * {@link WorkBudget} and leave the rest as the router's {@linkplain PendingWork pending work}, which
 * {@link #continueWork} carries on. The caller must not apply anything else of that router, nor fire its timers,
 * until the work is done: then the outcome is exactly that of doing it at once. The one-call methods without a
 * budget do everything at once.
 */
public final class RtmEngine {

    private final RtmState state;
    private final RtmConfig config;
    private final DestinationWriter writer;
    private final NextHopOps nextHops;
    private final RouteOps routes;
    private final EntityOps entities;
    private final NotificationOps notifications;
    private final RouteListOps routeLists;
    private final WorkSteps steps;
    private final RtmQueries queries;

    public RtmEngine(StoreProvider stores, RtmConfig config, RouteCostModel costModel) {
        this.state = new RtmState(stores);
        this.config = config;
        DestViews views = new DestViews(costModel);
        Notifier notifier = new Notifier(state.registrations, views);
        this.writer = new DestinationWriter(state, costModel, views, notifier, config.deletedRouteRetentionMs());
        this.nextHops = new NextHopOps(state);
        this.routes = new RouteOps(state, writer, nextHops, config);
        this.entities = new EntityOps(state, config);
        this.notifications = new NotificationOps(state, config);
        this.routeLists = new RouteListOps(state, routes, writer);
        this.steps = new WorkSteps(state, writer, routes, entities, notifier);
        this.queries = new RtmQueries(stores, config, costModel);
    }

    public RtmConfig config() {
        return config;
    }

    public RtmQueries queries() {
        return queries;
    }

    /** Executes a command; its effects are collected into the outcome. */
    public Outcome execute(Command c, long now) {
        Effects.Builder fx = new Effects.Builder();
        Outcome o = execute(c, now, fx);
        return o.succeeded() || o.isBatch() ? o.withEffects(fx.build()) : o;
    }

    /** Executes a command at once, streaming its effects into {@code fx}; the outcome carries no effects. */
    public Outcome execute(Command c, long now, EffectSink fx) {
        return execute(c, now, fx, WorkBudget.unlimited());
    }

    /**
     * Executes a command, streaming its effects into {@code fx}; the outcome carries no effects. One call is one
     * input record: the id counters it moved are written once, at the end, even when it fails unexpectedly (D22).
     * A command whose work does not fit the budget leaves it {@linkplain #hasPendingWork pending}: its outcome then
     * comes from the {@link #continueWork} call that finishes it.
     */
    public Outcome execute(Command c, long now, EffectSink fx, WorkBudget budget) {
        try {
            return c instanceof Command.Batch b ? batch(b, now, fx) : executeOne(c, now, fx, budget);
        } finally {
            state.counters.flush();
        }
    }

    /** Each route of a batch as its single command, in order (D25). */
    private Outcome batch(Command.Batch b, long now, EffectSink fx) {
        List<Outcome> outcomes = new ArrayList<>(b.routes().size());
        for (BatchRoute<?> r : b.routes()) {
            Outcome o = r.command() == null ? r.unreadable()
                    : executeOne(r.command(), now, fx, WorkBudget.unlimited());
            boolean absent = b instanceof Command.DeleteRoutes && o.status() == Status.ERROR_NOT_FOUND;
            outcomes.add(absent ? Outcome.ok(Effects.NONE) : o);
        }
        return Outcome.batch(outcomes);
    }

    private Outcome executeOne(Command c, long now, EffectSink fx, WorkBudget budget) {
        try {
            TableId t = resolveTable(c);
            if (c instanceof Command.RegisterEntity r) {
                return entities.register(t, r, now, fx);
            }
            Entity caller = state.entities.get(t, c.entity());
            return caller != null ? dispatch(t, caller, c, now, fx, budget) : autoRegistered(t, c, now, fx, budget);
        } catch (RtmException e) {
            return Outcome.error(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.error(Status.ERROR_INVALID_PARAMETER, e.getMessage());
        }
    }

    private Outcome dispatch(TableId t, Entity caller, Command c, long now, EffectSink fx, WorkBudget budget) {
        if (c instanceof Command.AddRoute a) {
            return routes.add(t, caller, a, now, fx);
        } else if (c instanceof Command.DeleteRoute d) {
            return routes.delete(t, caller, d, now, fx);
        } else if (c instanceof Command.AddNextHop a) {
            return nextHops.add(t, caller, a.nextHop());
        } else if (c instanceof Command.DeleteNextHop d) {
            return nextHops.delete(t, caller, d.nextHop(), d.nextHopId());
        } else if (c instanceof Command.HoldDestination h) {
            return routes.hold(t, h, now, fx);
        } else if (c instanceof Command.DeregisterEntity) {
            return start(new PendingWork.DeregisterEntity(t, caller.id(), now), budget, fx);
        } else if (c instanceof Command.RegisterChangeNotification r) {
            return notifications.register(t, caller, r);
        } else if (c instanceof Command.DeregisterChangeNotification d) {
            return start(notifications.deregister(t, caller, d.registrationId(), now), budget, fx);
        } else if (c instanceof Command.MarkDest m) {
            return notifications.mark(t, caller, m);
        } else if (c instanceof Command.CreateRouteList l) {
            return routeLists.create(t, caller, l.routeList());
        } else if (c instanceof Command.DeleteRouteList l) {
            return start(routeLists.delete(t, caller, l.routeList(), now), budget, fx);
        } else if (c instanceof Command.InsertInRouteList l) {
            return routeLists.insert(t, caller, l.routeList(), l.routeIds(), now, fx);
        } else if (c instanceof Command.SetOpaque o) {
            return setOpaque(t, caller, o);
        } else if (c instanceof Command.InvokeMethod m) {
            return entities.invoke(t, caller, m, fx);
        } else if (c instanceof Command.MethodResult m) {
            return entities.result(t, caller, m, fx);
        } else if (c instanceof Command.BlockMethods b) {
            return entities.block(t, caller, b.block(), fx);
        } else if (c instanceof Command.DeleteNeighbourRoutes n) {
            NextHopOps.checkFamily(t, new NextHopSpec(n.address(), 0, 0, null));
            return start(new PendingWork.DeleteNeighbourRoutes(t, caller.id(), n.address(), n.interfaceIndex(),
                    n.notUpdatedSinceMs(), now, null, 0), budget, fx);
        } else if (c instanceof Command.Sync s) {
            return entities.sync(t, caller, s.marker(), fx);
        }
        throw new IllegalStateException("unhandled command " + c.getClass().getSimpleName());
    }

    /** Writes or clears the caller's opaque slot of an existing destination (R135). */
    private Outcome setOpaque(TableId t, Entity caller, Command.SetOpaque c) {
        NotificationOps.checkFamily(t, c.dest());
        if (!caller.opaqueSlot()) {
            throw RtmException.notFound("entity " + caller.id() + " has no opaque slot (R135, R136)");
        }
        Destination d = state.destinations.get(t, c.dest());
        if (d == null || !d.exists()) {
            throw RtmException.invalidHandle("no destination " + c.dest());
        }
        state.opaque.set(t, caller.id(), c.dest(), c.value());
        return Outcome.ok(Effects.NONE);
    }

    /**
     * The table a command acts on (D1): the family the command names or implies by its prefixes and addresses,
     * else that of the route or next hop it names, else the only family the caller is registered in.
     */
    private TableId resolveTable(Command c) {
        IpFamily implied = impliedFamily(c);
        if (c.family() != null && implied != null && c.family() != implied) {
            throw RtmException.invalidParameter("family " + c.family() + " disagrees with the command's addresses ("
                    + implied + ")");
        }
        IpFamily family = c.family() != null ? c.family() : implied;
        if (family == null) {
            family = familyOfHandle(c);
        }
        if (family == null) {
            family = onlyRegisteredFamily(c);
        }
        return TableId.of(c.router(), c.rtmInstance(), family);
    }

    private static IpFamily impliedFamily(Command c) {
        Prefix p = null;
        NextHopSpec h = null;
        if (c instanceof Command.AddRoute a) {
            p = a.dest();
        } else if (c instanceof Command.DeleteRoute d) {
            p = d.dest();
            h = d.neighbour();
        } else if (c instanceof Command.HoldDestination d) {
            p = d.dest();
        } else if (c instanceof Command.MarkDest m) {
            p = m.dest();
        } else if (c instanceof Command.SetOpaque o) {
            p = o.dest();
        } else if (c instanceof Command.AddNextHop a) {
            h = a.nextHop();
        } else if (c instanceof Command.DeleteNeighbourRoutes n) {
            return n.address().family();
        } else if (c instanceof Command.DeleteNextHop d) {
            h = d.nextHop();
        }
        return p != null ? p.family() : h != null ? h.address().family() : null;
    }

    private IpFamily familyOfHandle(Command c) {
        if (c instanceof Command.DeleteRoute d && d.routeId() != null) {
            RouteLocation loc = state.routeIndex.get(c.router(), d.routeId());
            return loc == null ? anyRegisteredFamily(c) : loc.table().family();
        }
        if (c instanceof Command.DeleteNextHop d && d.nextHopId() != null) {
            NextHop nh = state.nextHops.byId(c.router(), d.nextHopId());
            return nh == null ? anyRegisteredFamily(c) : nh.table().family();
        }
        if (c instanceof Command.InsertInRouteList l && !l.routeIds().isEmpty()) {
            RouteLocation loc = state.routeIndex.get(c.router(), l.routeIds().get(0));
            return loc == null ? null : loc.table().family();
        }
        return null;
    }

    /**
     * A table for a delete whose id leads nowhere (never handed out, or forgotten after its retention): every table
     * answers it alike, ERROR_INVALID_HANDLE or ERROR_NOT_FOUND (R46, R78, R80), so any table the caller is
     * registered in will do, even when it is in both; null when it is in none (D5).
     */
    private IpFamily anyRegisteredFamily(Command c) {
        for (IpFamily f : IpFamily.values()) {
            if (state.entities.get(TableId.of(c.router(), c.rtmInstance(), f), c.entity()) != null) {
                return f;
            }
        }
        return null;
    }

    private IpFamily onlyRegisteredFamily(Command c) {
        IpFamily found = null;
        for (IpFamily f : IpFamily.values()) {
            if (state.entities.get(TableId.of(c.router(), c.rtmInstance(), f), c.entity()) != null) {
                if (found != null) {
                    throw RtmException.invalidParameter("entity " + c.entity() + " is registered for ipv4 and ipv6: "
                            + "name the family");
                }
                found = f;
            }
        }
        if (found == null) {
            throw RtmException.invalidHandle("entity " + c.entity() + " is not registered (D5)");
        }
        return found;
    }

    /**
     * A command from an unregistered caller (D5): ERROR_INVALID_HANDLE, unless the importer's auto-registration is
     * on; then the caller is registered first. A command that fails leaves no registration behind and emits nothing
     * (D20), so its effects are held back until it has succeeded.
     */
    private Outcome autoRegistered(TableId t, Command c, long now, EffectSink fx, WorkBudget budget) {
        if (!config.autoRegister()) {
            throw RtmException.invalidHandle("entity " + c.entity() + " is not registered in " + t + " (D5)");
        }
        Effects.Builder held = new Effects.Builder();
        entities.register(t, new Command.RegisterEntity(c.router(), c.rtmInstance(), c.entity(), t.family(), null,
                List.of()), now, held);
        boolean done = false;
        try {
            Outcome o = dispatch(t, state.entities.get(t, c.entity()), c, now, held, budget);
            done = true;
            held.replayTo(fx);
            return o;
        } finally {
            if (!done) {
                state.entities.remove(t, c.entity()); // the command failed before its first write
            }
        }
    }

    // ---- pending work (D24) ---------------------------------------------------------------------------------

    /** Does what fits the budget of new work; the rest stays pending for its router. */
    private Outcome start(PendingWork w, WorkBudget budget, EffectSink fx) {
        WorkSteps.Result r = steps.step(w, budget, fx);
        if (r.left() != null) {
            state.work.put(r.left());
            return Outcome.ok(Effects.NONE);
        }
        return r.done();
    }

    /** True while the router has work a command or an interface change started that is not finished. */
    public boolean hasPendingWork(String router) {
        return state.work.get(router) != null;
    }

    /** The routers with pending work. */
    public Set<String> routersWithPendingWork() {
        return state.work.routers();
    }

    /**
     * Goes on with the router's pending work within the budget. Returns null while some is left, and the outcome of
     * the command that started it when it is done (also when there was none).
     */
    public Outcome continueWork(String router, WorkBudget budget, EffectSink fx) {
        PendingWork w = state.work.get(router);
        if (w == null) {
            return Outcome.ok(Effects.NONE);
        }
        WorkSteps.Result r = steps.step(w, budget, fx);
        if (r.left() == null) {
            state.work.remove(router);
            return r.done();
        }
        if (!r.left().equals(w)) {
            state.work.put(r.left());
        }
        return null;
    }

    /** Drops the router's pending work unfinished (after it failed unexpectedly, so it is not retried forever). */
    public void abandonWork(String router) {
        state.work.remove(router);
    }

    // ---- timers ---------------------------------------------------------------------------------------------

    /**
     * Acts on at most {@code max} deadlines that are due at {@code now}, earliest first (D8): TTL expiry (R84),
     * hold-down ends (R95), and the end of deleted routes' retention (R80). Each happens at its own deadline, not at
     * {@code now}: a timer acted on late has the effects it would have had on time. Returns how many it handled,
     * so a caller can bound the work per call and come back for the rest.
     */
    public int fireDueTimers(long now, int max, EffectSink fx) {
        int fired = 0;
        for (String r; fired < max && (r = state.timers.firstDue(now, x -> false)) != null; fired++) {
            fire(state.timers.takeDue(r, now), fx);
        }
        return fired;
    }

    /** Fires every due deadline and collects the effects. */
    public Effects fireDueTimers(long now) {
        Effects.Builder fx = new Effects.Builder();
        fireDueTimers(now, Integer.MAX_VALUE, fx);
        return fx.build();
    }

    /**
     * Fires the router's deadlines up to {@code horizon}, earliest first, each at its own time, within the budget
     * (a timer a unit). Returns how many fired; {@link #hasDueTimers(String, long)} says whether any is left.
     */
    public int fireDueTimers(String router, long horizon, WorkBudget budget, EffectSink fx) {
        int fired = 0;
        for (; budget.hasRoom() && hasDueTimers(router, horizon); fired++) {
            fire(state.timers.takeDue(router, horizon), fx);
            budget.spend(1);
        }
        return fired;
    }

    /**
     * Fires deadlines up to {@code horizon} of every router {@code skip} leaves in, earliest first, within the
     * budget. Returns how many fired.
     */
    public int fireDueTimers(long horizon, Predicate<String> skip, WorkBudget budget, EffectSink fx) {
        int fired = 0;
        for (String r; budget.hasRoom() && (r = state.timers.firstDue(horizon, skip)) != null; fired++) {
            fire(state.timers.takeDue(r, horizon), fx);
            budget.spend(1);
        }
        return fired;
    }

    /** True when the router has a deadline at or before {@code horizon}. */
    public boolean hasDueTimers(String router, long horizon) {
        long next = state.timers.next(router);
        return next >= 0 && next <= horizon;
    }

    /** A router {@code skip} leaves in with a deadline at or before {@code horizon} (the earliest), or null. */
    public String routerWithDueTimers(long horizon, Predicate<String> skip) {
        return state.timers.firstDue(horizon, skip);
    }

    /** The earliest scheduled deadline, or -1 when none is. */
    public long nextDeadline() {
        return state.timers.next();
    }

    private void fire(TimerRef t, EffectSink fx) {
        fx.timerFired(t.deadline());
        switch (t.kind()) {
            case ROUTE_TTL:
                routes.expire(t, t.deadline(), fx);
                break;
            case HOLD_DOWN:
                routes.holdExpired(t, t.deadline(), fx);
                break;
            default:
                state.routeIndex.forgetDeleted(t.table().router(), t.routeId());
        }
    }

    // ---- interfaces (D14) -----------------------------------------------------------------------------------

    /**
     * Recomputes every destination of the router (all RTM instances of the family) that has a route with a next
     * hop on one of the interfaces, one index after the other, after their rows changed (D14, M4). The changes are
     * the ordinary ones, with cause INTERFACE. What does not fit the budget stays pending. Returns the number of
     * destinations recomputed in this call.
     */
    public long recomputeInterfaces(String router, IpFamily family, List<Long> indexes, long now, WorkBudget budget,
                                    EffectSink fx) {
        long before = budget.spent();
        if (!indexes.isEmpty()) {
            start(new PendingWork.RecomputeInterfaces(router, family, indexes, 0, null, now), budget, fx);
        }
        return budget.spent() - before;
    }

    /** RtmIsMarkedForChangeNotification (R106). */
    public boolean isMarked(TableId t, EntityId caller, String registrationId, Prefix dest) {
        return notifications.isMarked(t, registered(t, caller), registrationId, dest);
    }

    private Entity registered(TableId t, EntityId id) {
        return queries.entity(t, id);
    }
}
