package io.rtmstreams.rtm;

/**
 * The limits and choices of an RTM deployment (R9, R16, D5, D9; the defaults are ours, A30).
 *
 * @param maxNextHopsInRoute      MaxNextHopsInRoute: next hops one route may list (D9: 16, at most 64)
 * @param maxHandlesInEnum        MaxHandlesInEnum: the largest page of an enumeration (D9: 100)
 * @param maxRegistrations        change-notification registrations per table (R97: ERROR_NO_SYSTEM_RESOURCES past it)
 * @param opaqueSlots             opaque-pointer slots per table, handed out at registration first come first served (R136)
 * @param deletedRouteRetentionMs how long a deleted route stays readable by id (R80)
 * @param autoRegister            D5's importer flag: a command from an unregistered entity registers it first
 */
public record RtmConfig(int maxNextHopsInRoute, int maxHandlesInEnum, int maxRegistrations, int opaqueSlots,
                        long deletedRouteRetentionMs, boolean autoRegister) {

    public static final RtmConfig DEFAULTS = new RtmConfig(16, 100, 64, 32, 300_000, false);

    public RtmConfig {
        if (maxNextHopsInRoute < 1 || maxNextHopsInRoute > 64) {
            throw new IllegalArgumentException("maxNextHopsInRoute must be 1-64 (D9)");
        }
        if (maxHandlesInEnum < 1) {
            throw new IllegalArgumentException("maxHandlesInEnum must be positive");
        }
        if (maxRegistrations < 1 || opaqueSlots < 0 || deletedRouteRetentionMs < 1) {
            throw new IllegalArgumentException("registrations, opaque slots and retention must be positive");
        }
    }

    public RtmConfig withAutoRegister(boolean on) {
        return new RtmConfig(maxNextHopsInRoute, maxHandlesInEnum, maxRegistrations, opaqueSlots,
                deletedRouteRetentionMs, on);
    }

    public RtmConfig withMaxNextHopsInRoute(int n) {
        return new RtmConfig(n, maxHandlesInEnum, maxRegistrations, opaqueSlots, deletedRouteRetentionMs,
                autoRegister);
    }
}
