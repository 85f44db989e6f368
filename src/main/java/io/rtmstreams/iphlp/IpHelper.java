package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.List;

/**
 * The IP Helper half of the domain joined to the RTM engine (D11–D18): one router fleet's interface rows over the
 * stores of {@link IphlpStores}, an {@link RtmEngine} whose route cost reads those rows, and interface notifications
 * that recompute exactly the destinations they affect. It is the write side: like the engine it caches what it
 * reads and is not thread-safe (one stream task, one thread). Its reads (GetBestRoute2, the interface table) are
 * those of the read model, {@link IphlpQueries}, over the same stores.
 */
public final class IpHelper {

    private final IphlpConfig config;
    private final InterfaceTable interfaces;
    private final InterfaceCostModel costModel;
    private final RtmEngine engine;
    private final InterfaceChanges changes;
    private final IphlpQueries queries;

    private IpHelper(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config) {
        this.config = config;
        this.interfaces = new InterfaceTable(stores);
        this.costModel = new InterfaceCostModel(interfaces, config);
        this.engine = new RtmEngine(stores, rtmConfig, costModel);
        this.changes = new InterfaceChanges(interfaces, costModel, engine);
        this.queries = IphlpQueries.over(stores, rtmConfig, config);
    }

    /** The IP Helper domain and its RTM engine over {@code stores} (which must hold both halves' stores). */
    public static IpHelper create(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config) {
        return new IpHelper(stores, rtmConfig, config);
    }

    /** The RTM engine, for route commands, timers and RTMv2 queries. */
    public RtmEngine engine() {
        return engine;
    }

    /** The read model over the same stores. */
    public IphlpQueries queries() {
        return queries;
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
        return queries.bestRoute(query);
    }

    /** GetIpInterfaceEntry (V2–V6, Q5), the row reported with its effective metric (F8). */
    public InterfaceEntry getEntry(String router, int family, long luid, long index) {
        return queries.getEntry(router, family, luid, index);
    }

    /** GetIpInterfaceTable (V14): the rows of one family, or of both (IPv4 first) when {@code family} is null. */
    public List<InterfaceRow> table(String router, IpFamily family) {
        return queries.table(router, family);
    }
}
