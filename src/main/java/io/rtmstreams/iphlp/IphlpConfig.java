package io.rtmstreams.iphlp;

import java.util.Objects;

/**
 * The IP Helper options.
 *
 * @param strictInterfaces D12's {@code strict-interfaces}: a next hop on an interface index the router never
 *                         reported is unusable instead of usable with interface metric 0
 * @param metricTable      the automatic-metric table (D15): {@link MetricTable#WINDOWS_10} by default
 */
public record IphlpConfig(boolean strictInterfaces, MetricTable metricTable) {

    public static final IphlpConfig DEFAULTS = new IphlpConfig(false, MetricTable.WINDOWS_10);

    public IphlpConfig {
        Objects.requireNonNull(metricTable, "metricTable");
    }

    public IphlpConfig withStrictInterfaces(boolean on) {
        return new IphlpConfig(on, metricTable);
    }

    public IphlpConfig withMetricTable(MetricTable table) {
        return new IphlpConfig(strictInterfaces, table);
    }
}
