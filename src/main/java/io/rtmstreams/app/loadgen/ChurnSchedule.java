package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The churn after the initial load, as a deterministic sequence of messages for a seed: each picks its kind by the
 * {@link ChurnMix}, then a router, an interface and a peer on it uniformly, and then
 *
 * <ul>
 *   <li>an <b>update</b>: a run of consecutive slots behind that interface, re-advertised by that peer with one new
 *   MED for them all (a BGP UPDATE's NLRIs share their attributes); a slot the peer had withdrawn is announced again
 *   and becomes a new route (D22);</li>
 *   <li>a <b>withdrawal</b>: that peer's next advertised slots behind the interface from a random one on, so every
 *   withdrawal names a route that is advertised; a peer with nothing left to withdraw re-announces instead (an
 *   update);</li>
 *   <li>a <b>flap</b>: the interface goes down and comes back up, two interface changes in that order.</li>
 * </ul>
 *
 * <p>Batched ({@code batch} &gt; 1), a run holds 1 to {@code batch} routes, uniformly, in one ADD_ROUTES or
 * DELETE_ROUTES; otherwise one route in a single ADD_ROUTE or DELETE_ROUTE. The model follows every message.
 */
public final class ChurnSchedule {

    /** The MEDs an update draws from. */
    static final int MED_RANGE = 1024;

    public enum Kind { UPDATE, WITHDRAWAL, FLAP }

    /** One churn message: its kind, the events it carries (routes, or 1 for a flap) and the records that say it. */
    public record Churn(Kind kind, int events, List<FleetCommand> commands) {

        public Churn {
            commands = List.copyOf(commands);
        }
    }

    private final FleetModel model;
    private final FleetShape shape;
    private final ChurnMix mix;
    private final int batch;
    private final SplittableRandom random;
    private long messages;

    public ChurnSchedule(FleetModel model, ChurnMix mix, int batch, SplittableRandom random) {
        this.model = model;
        this.shape = model.shape();
        this.mix = mix;
        this.batch = checkBatch(batch);
        this.random = random;
    }

    /** Routes per command: 1 (single commands) to 5,000 (D25). */
    public static int checkBatch(int batch) {
        if (batch < 1 || batch > Command.Batch.MAX_ROUTES) {
            throw new IllegalArgumentException("a batch holds 1 to " + Command.Batch.MAX_ROUTES + " routes, not "
                    + batch);
        }
        return batch;
    }

    /** The next message, of at most {@code maxEvents} events (at least 1). */
    public Churn next(long maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a message carries at least one event");
        }
        String requestId = "lg-c" + ++messages;
        Kind kind = mix.pick(random, (batch + 1) / 2.0);
        int r = random.nextInt(shape.routerCount());
        int interfaceIndex = random.nextInt(shape.interfaces()) + 1;
        int peer = random.nextInt(shape.peers());
        if (kind == Kind.FLAP) {
            return flap(r, interfaceIndex, requestId);
        }
        int routes = (int) Math.min(batch == 1 ? 1 : 1 + random.nextInt(batch), maxEvents);
        int advertised = model.advertisedBy(r, interfaceIndex, peer);
        if (kind == Kind.UPDATE || advertised == 0) {
            return update(r, interfaceIndex, peer, routes, requestId);
        }
        return withdraw(r, interfaceIndex, peer, Math.min(routes, advertised), requestId);
    }

    private Churn update(int r, int interfaceIndex, int peer, int wanted, String requestId) {
        int slots = shape.slotsBehind(r, interfaceIndex);
        int start = random.nextInt(slots);
        long med = random.nextInt(MED_RANGE);
        List<FleetCommand.Route> routes = new ArrayList<>();
        for (int nth = start; routes.size() < Math.min(wanted, slots); nth = (nth + 1) % slots) {
            int slot = shape.slot(interfaceIndex, nth);
            RibEntry entry = shape.table(r).get(slot);
            long metric = FleetShape.metric(entry, peer, med);
            model.advertise(r, slot, peer, metric);
            routes.add(new FleetCommand.Route(entry.prefix(), metric));
        }
        return new Churn(Kind.UPDATE, routes.size(), List.of(new FleetCommand.Advertise(shape.router(r), requestId,
                shape.neighbour(interfaceIndex, peer), routes, batch > 1)));
    }

    private Churn withdraw(int r, int interfaceIndex, int peer, int count, String requestId) {
        int slots = shape.slotsBehind(r, interfaceIndex);
        List<Prefix> dests = new ArrayList<>(count);
        for (int nth = random.nextInt(slots); dests.size() < count; nth = (nth + 1) % slots) {
            int slot = shape.slot(interfaceIndex, nth);
            if (model.isAdvertised(r, slot, peer)) {
                model.withdraw(r, slot, peer);
                dests.add(shape.table(r).get(slot).prefix());
            }
        }
        return new Churn(Kind.WITHDRAWAL, count, List.of(new FleetCommand.Withdraw(shape.router(r), requestId,
                shape.neighbour(interfaceIndex, peer), dests, batch > 1)));
    }

    private Churn flap(int r, int interfaceIndex, String requestId) {
        FleetCommand.InterfaceChange.Type change = FleetCommand.InterfaceChange.Type.PARAMETER_CHANGE;
        return new Churn(Kind.FLAP, 1, List.of(
                shape.interfaceChange(r, requestId + "-down", change, interfaceIndex, false),
                shape.interfaceChange(r, requestId + "-up", change, interfaceIndex, true)));
    }
}
