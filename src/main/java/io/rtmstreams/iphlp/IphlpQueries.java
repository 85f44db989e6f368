package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmQueries;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The read model of the whole domain: RTMv2's queries ({@link RtmQueries}), GetBestRoute2 (D17) and the interface
 * reads (V2–V6, V14), over the stores alone. Like GoBGP's read-only table API beside its writer, it has no writer
 * and no write-side cache, so one instance serves every thread of the query API over stores the stream thread
 * writes, and {@link IpHelper} answers its own reads through one as well. The only state it keeps is each router's
 * interface rows at the generation they were read ({@link InterfaceReads}).
 *
 * <p>GetBestRoute2 walks the destinations of {@link CommittedReads} when the stores' owner publishes them, and the
 * stores otherwise; both are the same state, the former without a store read on the way.
 */
public final class IphlpQueries {

    private final InterfaceCostModel costModel;
    private final RtmQueries rtm;
    private final BestRouteLookup lookup;

    private IphlpQueries(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config, InterfaceReads interfaces,
                         CommittedReads committed) {
        this.costModel = new InterfaceCostModel(interfaces, config);
        this.rtm = new RtmQueries(stores, rtmConfig, costModel);
        this.lookup = new BestRouteLookup(committed == null ? rtm : committed, interfaces, costModel);
    }

    /** Reads over {@code stores} alone. */
    public static IphlpQueries over(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config) {
        return new IphlpQueries(stores, rtmConfig, config, InterfaceReads.over(stores), null);
    }

    /**
     * Reads over {@code stores}, GetBestRoute2's walk and the interface generations from {@code committed}, which
     * the stores' owner publishes for the same state.
     */
    public static IphlpQueries over(StoreProvider stores, RtmConfig rtmConfig, IphlpConfig config,
                                    CommittedReads committed) {
        return new IphlpQueries(stores, rtmConfig, config,
                new InterfaceReads(stores, committed::interfaceGeneration), committed);
    }

    /** RTMv2's read-only calls. */
    public RtmQueries rtm() {
        return rtm;
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
        RouterInterfaces ifs = interfaces().router(router);
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
        RouterInterfaces ifs = interfaces().router(router);
        List<InterfaceRow> out = new ArrayList<>();
        for (IpFamily f : IpFamily.values()) {
            if (family == null || family == f) {
                ifs.rows(f).forEach(r -> out.add(reported(r)));
            }
        }
        return out;
    }

    private InterfaceSource interfaces() {
        return costModel.interfaces();
    }

    /** The row as a read returns it: Metric is the automatic value while UseAutomaticMetric is in force (F8). */
    private InterfaceRow reported(InterfaceRow row) {
        long effective = costModel.interfaceMetric(row);
        return effective == row.metric() ? row : row.toBuilder().metric(effective).build();
    }
}
