package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * The seam where interfaces join the cost of a route (D11–D13). RTMv2 alone knows no interfaces: {@link #PLAIN}
 * makes every next hop usable with interface metric 0, which is exactly RTMv2's (Preference, Metric) selection.
 * The IP Helper side supplies a model that reads interface rows.
 */
public interface RouteCostModel {

    /** The cost of {@code route} on destination {@code dest} of {@code table} as the interfaces stand now. */
    RouteCost cost(TableId table, Prefix dest, Route route);

    /** The LUID of the router's interface with this index in the table's family, or null if none is known. */
    Long interfaceLuid(TableId table, long interfaceIndex);

    RouteCostModel PLAIN = new RouteCostModel() {
        @Override
        public RouteCost cost(TableId table, Prefix dest, Route route) {
            return RouteCost.plain(route.nextHops().size());
        }

        @Override
        public Long interfaceLuid(TableId table, long interfaceIndex) {
            return null;
        }
    };
}
