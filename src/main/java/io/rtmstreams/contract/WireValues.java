package io.rtmstreams.contract;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteFlags;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.Unsigned;
import io.rtmstreams.rtm.View;

import java.util.List;

/** Conversions of the contract's scalar conventions (contract.md, Conventions) into domain values. */
final class WireValues {

    private WireValues() {
    }

    /** {@code "ipv4"}, {@code "ipv6"}, or the AF numbers 2 and 23; null stays null. */
    static IpFamily family(Object v) {
        return v == null ? null : IpFamily.fromWire(v);
    }

    static Prefix prefix(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return Prefix.parse(text);
    }

    static long u32(String field, Long v) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return Unsigned.checkU32(field, v);
    }

    static <T> T required(String field, T v) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v;
    }

    /**
     * A view list; an unknown view name is a view RTM does not support (R76: ERROR_NOT_SUPPORTED). An empty list
     * is mask 0, which the engine answers with ERROR_INVALID_PARAMETER.
     */
    static int views(String field, List<String> names) {
        int mask = 0;
        for (String n : required(field, names)) {
            try {
                mask |= View.fromName(n).mask();
            } catch (IllegalArgumentException e) {
                throw new RtmException(Status.ERROR_NOT_SUPPORTED, field + ": view '" + n + "' is not supported (R76)");
            }
        }
        return mask;
    }

    static int routeFlags(List<String> names) {
        return names == null ? 0 : RouteFlags.fromNames(names);
    }

    static int inputChangeFlags(List<String> names) {
        int flags = 0;
        for (String n : names == null ? List.<String>of() : names) {
            if (!n.equals("NEW") && !n.equals("FIRST")) {
                throw new IllegalArgumentException("changeFlags may hold NEW and FIRST only, not '" + n + "'");
            }
            flags |= RouteChange.fromName(n);
        }
        return flags;
    }

    static int changeTypes(List<String> names) {
        int mask = 0;
        for (String n : required("changeTypes", names)) {
            try {
                mask |= ChangeType.valueOf(n).bit();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("changeTypes: unknown change type '" + n + "'");
            }
        }
        return mask;
    }

    /** A Win32 status by name or number. */
    static Status status(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return Status.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown Win32 status '" + s + "'");
            }
        }
        if (v instanceof Integer i) {
            return Status.fromCode(i);
        }
        throw new IllegalArgumentException("status must be a Win32 status name or code");
    }

    /** A time to live: absent or null is INFINITE (R82). */
    static long ttl(Long v) {
        return v == null ? io.rtmstreams.rtm.Command.INFINITE : Unsigned.checkU32("timeToLiveMs", v);
    }
}
