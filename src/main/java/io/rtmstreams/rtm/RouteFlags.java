package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Route flags (16-bit, R8) with the values of rtmv2.h (rtmv2.md §1.2, R7). Flags are carried and reported, never
 * interpreted for best-route selection (R75); only the split into forwarding and non-forwarding bits matters, for
 * FORWARDING changes (R103).
 */
public final class RouteFlags {

    public static final int MARTIAN = 0x0001;
    public static final int BLACKHOLE = 0x0002;
    public static final int DISCARD = 0x0004;
    public static final int INACTIVE = 0x0008;
    public static final int LOCAL = 0x0010;
    public static final int REMOTE = 0x0020;
    public static final int MYSELF = 0x0040;
    public static final int LOOPBACK = 0x0080;
    public static final int MCAST = 0x0100;
    public static final int LOCAL_MCAST = 0x0200;
    public static final int LIMITED_BC = 0x0400;
    public static final int ZEROS_NETBC = 0x1000;
    public static final int ZEROS_SUBNETBC = 0x2000;
    public static final int ONES_NETBC = 0x4000;
    public static final int ONES_SUBNETBC = 0x8000;

    /** RTM_ROUTE_FLAGS_FORWARDING: the bits whose change is a forwarding change (R103). */
    public static final int FORWARDING_MASK = 0x000F;

    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("MARTIAN", MARTIAN);
        BY_NAME.put("BLACKHOLE", BLACKHOLE);
        BY_NAME.put("DISCARD", DISCARD);
        BY_NAME.put("INACTIVE", INACTIVE);
        BY_NAME.put("LOCAL", LOCAL);
        BY_NAME.put("REMOTE", REMOTE);
        BY_NAME.put("MYSELF", MYSELF);
        BY_NAME.put("LOOPBACK", LOOPBACK);
        BY_NAME.put("MCAST", MCAST);
        BY_NAME.put("LOCAL_MCAST", LOCAL_MCAST);
        BY_NAME.put("LIMITED_BC", LIMITED_BC);
        BY_NAME.put("ZEROS_NETBC", ZEROS_NETBC);
        BY_NAME.put("ZEROS_SUBNETBC", ZEROS_SUBNETBC);
        BY_NAME.put("ONES_NETBC", ONES_NETBC);
        BY_NAME.put("ONES_SUBNETBC", ONES_SUBNETBC);
    }

    private RouteFlags() {
    }

    /** The flag with this name; IllegalArgumentException for an unknown name. */
    public static int fromName(String name) {
        Integer v = BY_NAME.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown route flag '" + name + "'");
        }
        return v;
    }

    public static int fromNames(List<String> names) {
        int flags = 0;
        for (String n : names) {
            flags |= fromName(n);
        }
        return flags;
    }

    /** The names of the flags set, in value order. */
    public static List<String> names(int flags) {
        List<String> out = new ArrayList<>();
        BY_NAME.forEach((n, v) -> {
            if ((flags & v) != 0) {
                out.add(n);
            }
        });
        return out;
    }
}
