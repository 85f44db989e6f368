package io.rtmstreams.api;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ProtocolIds;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.Unsigned;
import io.rtmstreams.rtm.View;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The parameters of one query (contract.md, Query API), read strictly: a name the endpoint does not take, a name
 * given twice, or a value that does not parse is ERROR_INVALID_PARAMETER naming the parameter, so a typo never
 * silently widens a query. Absent optional parameters take the contract's defaults.
 */
final class Params {

    /** Every router endpoint takes the RTM instance. */
    static final String INSTANCE = "instance";

    private final Map<String, String> path;
    private final Map<String, List<String>> query;

    private Params(Map<String, String> path, Map<String, List<String>> query) {
        this.path = path;
        this.query = query;
    }

    /** Checks that every query parameter is one of {@code allowed} and appears once. */
    static Params of(Map<String, String> path, Map<String, List<String>> query, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw invalid(e.getKey(), "this endpoint takes " + (allowed.isEmpty() ? "no parameters"
                        : String.join(", ", new TreeSet<>(allowed))));
            }
            if (e.getValue().size() != 1) {
                throw invalid(e.getKey(), "given " + e.getValue().size() + " times");
            }
        }
        return new Params(path, query);
    }

    /** The router of the path (1–64 of {@code A-Z a-z 0-9 . _ : -}). */
    String router() {
        return parse("router", path.get("router"), TableId::checkRouter);
    }

    /** A path parameter as given. */
    String pathText(String name) {
        return path.get(name);
    }

    /** {@code instance}: the RTM instance, 0–65535, default 0. */
    int instance() {
        String v = text(INSTANCE);
        return v == null ? 0 : parse(INSTANCE, v, s -> TableId.checkInstance(Integer.parseInt(s)));
    }

    /** {@code family}: ipv4 or ipv6, or null when absent. */
    IpFamily family() {
        String v = text("family");
        return v == null ? null : parse("family", v, IpFamily::fromName);
    }

    /** A required {@code address/length}; host bits are zeroed (R33). */
    Prefix prefix(String name) {
        return parse(name, required(name), Prefix::parse);
    }

    /** An optional {@code address/length}, or null. */
    Prefix optionalPrefix(String name) {
        String v = text(name);
        return v == null ? null : parse(name, v, Prefix::parse);
    }

    /** {@code views}: a comma list of unicast and multicast; absent means every view (RTM_VIEW_MASK_ALL). */
    int views() {
        String v = text("views");
        return v == null ? View.MASK_ALL : parse("views", v, Params::viewMask);
    }

    /** {@code view}: one of unicast, multicast; {@code fallback} when absent. */
    View view(View fallback) {
        String v = text("view");
        return v == null ? fallback : parse("view", v, View::fromName);
    }

    /** {@code entity}: {@code protocolId.instanceId}; the protocol may be a name (BGP.1). Required. */
    EntityId entity() {
        required("entity");
        return optionalEntity();
    }

    /** {@code entity}, or null when absent. */
    EntityId optionalEntity() {
        String v = text("entity");
        return v == null ? null : parse("entity", v, s -> {
            int dot = s.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("'" + s + "' is not protocolId.instanceId");
            }
            return EntityId.of(protocol(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1)));
        });
    }

    /** {@code protocol}: a protocol id or name whose best route is reported; absent is RTM_BEST_PROTOCOL (0). */
    long protocol() {
        String v = text("protocol");
        return v == null ? ProtocolIds.BEST_PROTOCOL : parse("protocol", v, Params::protocol);
    }

    /** A boolean parameter, {@code true} or {@code false}; false when absent. */
    boolean flag(String name) {
        String v = text(name);
        return v != null && parse(name, v, s -> {
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException("'" + s + "' is neither true nor false");
            }
            return s.equals("true");
        });
    }

    /** {@code limit}: 1 to {@code max} (MaxHandlesInEnum, R126); {@code max} when absent. */
    int limit(int max) {
        return limit(max, "items (MaxHandlesInEnum, R126)");
    }

    /** {@code limit}: 1 to {@code max} {@code what}; {@code max} when absent. */
    int limit(int max, String what) {
        String v = text("limit");
        return v == null ? max : parse("limit", v, s -> {
            int n = Integer.parseInt(s);
            if (n < 1 || n > max) {
                throw new IllegalArgumentException("a page holds 1 to " + max + " " + what);
            }
            return n;
        });
    }

    /** {@code seconds}: 1 to {@code max}; {@code fallback} when absent. */
    int seconds(int max, int fallback) {
        String v = text("seconds");
        return v == null ? fallback : parse("seconds", v, s -> {
            int n = Integer.parseInt(s);
            if (n < 1 || n > max) {
                throw new IllegalArgumentException("1 to " + max + " seconds");
            }
            return n;
        });
    }

    /** A positive decimal path parameter (a route id). */
    long positivePath(String name) {
        return parse(name, path.get(name), s -> {
            long n = Long.parseLong(s);
            if (n < 1) {
                throw new IllegalArgumentException("must be positive");
            }
            return n;
        });
    }

    /** An optional parameter's text, or null. An empty value counts as given (and fails where a value is needed). */
    String text(String name) {
        List<String> v = query.get(name);
        return v == null ? null : v.get(0);
    }

    String required(String name) {
        String v = text(name);
        if (v == null) {
            throw invalid(name, "required");
        }
        return v;
    }

    /** Parses a value; an IllegalArgumentException (NumberFormatException included) names the parameter. */
    static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    static RtmException invalid(String name, String problem) {
        return new RtmException(Status.ERROR_INVALID_PARAMETER, "parameter '" + name + "': " + problem);
    }

    private static int viewMask(String list) {
        int mask = 0;
        for (String name : list.split(",", -1)) {
            mask |= View.fromName(name).mask();
        }
        return mask;
    }

    private static long protocol(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0))
                ? Unsigned.checkU32("protocolId", Long.parseLong(text)) : ProtocolIds.fromName(text);
    }
}
