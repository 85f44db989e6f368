package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The IP Helper half of the domain joined to the RTM engine (D11–D18): one router fleet's interface rows over the
 * stores of {@link IphlpStores}, an {@link RtmEngine} whose route cost reads those rows, interface notifications
 * that recompute exactly the destinations they affect, and GetBestRoute2 over the engine's RIB. Like the engine it
 * is not thread-safe: one stream task, one thread.
 */
public final class IpHelper {

    private final IphlpConfig config;
    private final InterfaceTable interfaces;
    private final InterfaceCostModel costModel;
    private final RtmEngine engine;
    private final InterfaceChanges changes;
    private final BestRouteLookup lookup;

    private IpHelper(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config,
                     InterfaceTable.SharedCopies shared) {
        this.config = config;
        this.interfaces = new InterfaceTable(stores, shared);
        this.costModel = new InterfaceCostModel(interfaces, config);
        this.engine = new RtmEngine(stores, rtmConfig, costModel);
        this.changes = new InterfaceChanges(interfaces, costModel, engine);
        this.lookup = new BestRouteLookup(engine.queries(), interfaces, costModel);
    }

    /** The IP Helper domain and its RTM engine over {@code stores} (which must hold both halves' stores). */
    public static IpHelper create(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config) {
        return new IpHelper(stores, rtmConfig, config, null);
    }

    /**
     * A read-only domain for one request over stores another thread writes (interactive queries): routers'
     * interface rows come from {@code shared} while their generation is unchanged.
     */
    public static IpHelper forQueries(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config,
                                      InterfaceTable.SharedCopies shared) {
        return new IpHelper(stores, rtmConfig, config, shared);
    }

    /** The RTM engine, for route commands, timers and RTMv2 queries. */
    public RtmEngine engine() {
        return engine;
    }

    public IphlpConfig config() {
        return config;
    }

    public InterfaceTable interfaces() {
        return interfaces;
    }

    public RouteCostModel costModel() {
        return costModel;
    }

    /** Applies one interface notification at once (D16); its destination changes stream into {@code fx} (D14). */
    public InterfaceChangeResult apply(InterfaceChange change, long now, EffectSink fx) {
        return apply(change, now, fx, WorkBudget.unlimited());
    }

    /**
     * Applies one interface notification (D16): the row at once, and of the recomputation it causes (D14) what fits
     * the budget; the rest is left as the router's pending work on the engine (D24).
     */
    public InterfaceChangeResult apply(InterfaceChange change, long now, EffectSink fx, WorkBudget budget) {
        return changes.apply(change, now, fx, budget);
    }

    /** GetBestRoute2 (D17). */
    public BestRouteResult bestRoute(BestRouteQuery query) {
        return lookup.lookup(query);
    }

    /** GetIpInterfaceEntry (V2–V6, Q5), the row reported with its effective metric (F8). */
    public InterfaceEntry getEntry(String router, int family, long luid, long index) {
        if (family != IpFamily.IPV4.afNumber() && family != IpFamily.IPV6.afNumber()) {
            return InterfaceEntry.failure(Status.ERROR_INVALID_PARAMETER, "family " + family + " is neither 2 nor 23"
                    + " (V2)");
        }
        if (luid == 0 && index == 0) {
            return InterfaceEntry.failure(Status.ERROR_INVALID_PARAMETER, "LUID and index are both 0 (V3)");
        }
        IpFamily f = IpFamily.fromAfNumber(family);
        RouterInterfaces ifs = interfaces.router(router);
        InterfaceNames.Resolution name = InterfaceNames.resolve(ifs, f, luid, index);
        if (name.failed()) {
            return InterfaceEntry.failure(name.status(), name.message());
        }
        InterfaceRow row = ifs.row(f, name.luid());
        if (row == null) {
            return InterfaceEntry.failure(Status.ERROR_NOT_FOUND, "no " + f + " interface has LUID "
                    + NetLuid.toString(luid) + " (V4, Q5)");
        }
        return new InterfaceEntry(Status.NO_ERROR, null, reported(row));
    }

    /** GetIpInterfaceTable (V14): the rows of one family, or of both (IPv4 first) when {@code family} is null. */
    public List<InterfaceRow> table(String router, IpFamily family) {
        List<InterfaceRow> out = new ArrayList<>();
        for (IpFamily f : IpFamily.values()) {
            if (family == null || family == f) {
                interfaces.rows(router, f).forEach(r -> out.add(reported(r)));
            }
        }
        return out;
    }

    /** The row as a read returns it: Metric is the automatic value while UseAutomaticMetric is in force (F8). */
    private InterfaceRow reported(InterfaceRow row) {
        long effective = costModel.interfaceMetric(row);
        return effective == row.metric() ? row : row.toBuilder().metric(effective).build();
    }
}
