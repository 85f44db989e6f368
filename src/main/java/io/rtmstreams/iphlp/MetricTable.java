package io.rtmstreams.iphlp;

/** Which generation's automatic-metric table applies (D15, Q13). */
public enum MetricTable {
    /** Windows 10 and later: T3 for wireless media, T4 for all others. The default (D15). */
    WINDOWS_10,
    /** Windows XP SP2 through 8.1 (Vista–8.1): T2 for every medium, with wireless speeds halved (T6, Q12). */
    VISTA
}
