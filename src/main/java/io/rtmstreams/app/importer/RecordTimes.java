package io.rtmstreams.app.importer;

/**
 * The timestamps of the records an import sends. {@link #IMPORT} (the default): the clock when each record is
 * made. {@link #MRT}: the MRT times themselves, so that outputs and a later sweep (D29) speak of the data's own
 * time; but a broker deletes records older than the topic's {@code retention.ms} at its next retention check
 * (every 5 minutes by default), read or not, so the input topics then need a retention longer than the data's age
 * ({@code retention.ms=-1}). Either way the sweep of a dump compares times of one clock.
 */
public enum RecordTimes {
    IMPORT("import"),
    MRT("mrt");

    private final String cliName;

    RecordTimes(String cliName) {
        this.cliName = cliName;
    }

    /** The timestamp of a record made for MRT data of time {@code mrtMillis}. */
    long of(long mrtMillis) {
        return this == MRT ? mrtMillis : System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
