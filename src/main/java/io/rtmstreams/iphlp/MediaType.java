package io.rtmstreams.iphlp;

/**
 * The interface's medium, as far as the automatic metric cares (T3, T4, T6): Windows 10 and later pick the wireless
 * table for NDIS WirelessLan, WirelessWan and Native802_11 media and the other table for everything else.
 */
public enum MediaType {
    ETHERNET,
    WIRELESS,
    OTHER
}
