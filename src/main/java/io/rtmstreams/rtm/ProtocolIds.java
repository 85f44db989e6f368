package io.rtmstreams.rtm;

import java.util.Map;

/** The well-known EntityProtocolId values and their names (contract.md, Conventions; iphlp.md NL_ROUTE_PROTOCOL). */
public final class ProtocolIds {

    private static final Map<String, Long> BY_NAME = Map.ofEntries(
            Map.entry("OTHER", 1L), Map.entry("LOCAL", 2L), Map.entry("NETMGMT", 3L), Map.entry("ICMP", 4L),
            Map.entry("EGP", 5L), Map.entry("GGP", 6L), Map.entry("HELLO", 7L), Map.entry("RIP", 8L),
            Map.entry("IS_IS", 9L), Map.entry("ES_IS", 10L), Map.entry("CISCO", 11L), Map.entry("BBN", 12L),
            Map.entry("OSPF", 13L), Map.entry("BGP", 14L), Map.entry("NT_AUTOSTATIC", 10002L),
            Map.entry("NT_STATIC", 10006L), Map.entry("NT_STATIC_NON_DOD", 10007L));

    /** RTM_BEST_PROTOCOL: a destination query reports the overall best route (R77). */
    public static final long BEST_PROTOCOL = 0;
    /** RTM_THIS_PROTOCOL: a destination query reports the best route of the caller's protocol (R77). */
    public static final long THIS_PROTOCOL = Unsigned.MAX_U32;

    private ProtocolIds() {
    }

    /** The id of a protocol name; IllegalArgumentException for an unknown name. */
    public static long fromName(String name) {
        Long id = BY_NAME.get(name);
        if (id == null) {
            throw new IllegalArgumentException("unknown protocol name '" + name + "'");
        }
        return id;
    }
}
