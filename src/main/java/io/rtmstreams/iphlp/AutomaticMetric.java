package io.rtmstreams.iphlp;

/**
 * The interface metric Windows derives from the link speed (§5.2, D15). Speeds are bits per second in decimal
 * multiples (Q11), unsigned 64-bit like MIB_IF_ROW2's. The boundary wording differs between the tables and is
 * reproduced exactly: T3 and T4 rows are "at least", T2 rows are "more than" except its top row (≥ 2 Gb).
 */
public final class AutomaticMetric {

    private static final long K = 1_000L;
    private static final long M = 1_000_000L;
    private static final long G = 1_000_000_000L;

    /** T4, Windows 10+, non-wireless media: metric for speed ≥ bound, first match from the top. */
    private static final Band[] T4 = {
        atLeast(100 * G, 5), atLeast(40 * G, 10), atLeast(10 * G, 15), atLeast(2 * G, 20), atLeast(200 * M, 25),
        atLeast(80 * M, 35), atLeast(20 * M, 45), atLeast(4 * M, 55), atLeast(500 * K, 65), atLeast(0, 75)};

    /** T3, Windows 10+, wireless media. */
    private static final Band[] T3 = {
        atLeast(2 * G, 25), atLeast(500 * M, 30), atLeast(200 * M, 35), atLeast(150 * M, 40), atLeast(80 * M, 45),
        atLeast(50 * M, 50), atLeast(20 * M, 55), atLeast(10 * M, 60), atLeast(4 * M, 65), atLeast(2 * M, 70),
        atLeast(500 * K, 75), atLeast(200 * K, 80), atLeast(0, 85)};

    /** T2, XP SP2 to 8.1: "≥ 2 Gb" on top, then "more than" each bound; 500 Kb and less is 50. */
    private static final Band[] T2 = {
        atLeast(2 * G, 5), above(200 * M, 10), above(80 * M, 20), above(20 * M, 25), above(4 * M, 30),
        above(500 * K, 40), atLeast(0, 50)};

    /** One row of a table: speeds from {@code bound} (inclusive or not) up to the row above get {@code metric}. */
    private record Band(long bound, boolean inclusive, long metric) {
        boolean holds(long speed) {
            int c = Long.compareUnsigned(speed, bound);
            return inclusive ? c >= 0 : c > 0;
        }
    }

    private static Band atLeast(long bound, long metric) {
        return new Band(bound, true, metric);
    }

    private static Band above(long bound, long metric) {
        return new Band(bound, false, metric);
    }

    private AutomaticMetric() {
    }

    /**
     * The interface metric a row stands for (F8, D15, Q14): the table value while UseAutomaticMetric is set and a
     * link speed is known, otherwise the row's own Metric.
     */
    public static long interfaceMetric(InterfaceRow row, MetricTable table) {
        long speed = linkSpeed(row);
        if (!row.useAutomaticMetric() || speed == 0) {
            return row.metric();
        }
        return fromSpeed(table, row.mediaType(), speed);
    }

    /**
     * The speed the tables are read with (Q12): TransmitLinkSpeed, or ReceiveLinkSpeed when the transmit speed is
     * unknown (0 or ~0); 0 when neither is known.
     */
    static long linkSpeed(InterfaceRow row) {
        if (known(row.transmitLinkSpeed())) {
            return row.transmitLinkSpeed();
        }
        return known(row.receiveLinkSpeed()) ? row.receiveLinkSpeed() : 0;
    }

    private static boolean known(long speed) {
        return speed != 0 && speed != -1L;
    }

    /** The table value for a known speed. Only T2 halves wireless speeds: T3 has its own wireless scale (T6, Q12). */
    public static long fromSpeed(MetricTable table, MediaType media, long speed) {
        if (table == MetricTable.VISTA) {
            return lookup(T2, media == MediaType.WIRELESS ? speed >>> 1 : speed);
        }
        return lookup(media == MediaType.WIRELESS ? T3 : T4, speed);
    }

    private static long lookup(Band[] bands, long speed) {
        for (Band b : bands) {
            if (b.holds(speed)) {
                return b.metric;
            }
        }
        throw new IllegalStateException("every table ends with a band that holds every speed");
    }
}
