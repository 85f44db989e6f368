package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.util.RawValue;
import io.rtmstreams.contract.JsonFields;

import java.nio.charset.StandardCharsets;

/**
 * One table's entry in the fleet view: the fields of its best-route record that {@code GET /v1/fleet/prefixes}
 * lists ({@code routeId, owner, effectiveMetric, nextHops, lastChanged}), kept as their JSON bytes. They are cut out
 * of the record in one pass ({@link JsonFields}), so a change costs no parsing or mapping; router and instance are
 * in the member's key and are put in front again when a page is listed.
 */
final class FleetMember {

    private static final JsonFields LISTED = new JsonFields("routeId", "owner", "effectiveMetric", "nextHops",
            "lastChanged");

    private FleetMember() {
    }

    /** The member of a best-route record (the JSON value of {@code rtm.best-routes}). */
    static byte[] of(byte[] bestRoute) {
        return LISTED.copy(bestRoute);
    }

    /**
     * A member as a page lists it: router and rtmInstance, then the stored fields. Router ids are plain ASCII
     * without quotes or backslashes (contract.md, Conventions), so they need no escaping.
     */
    static RawValue listed(String router, int rtmInstance, byte[] member) {
        String fields = new String(member, 1, member.length - 1, StandardCharsets.UTF_8);
        return new RawValue("{\"router\":\"" + router + "\",\"rtmInstance\":" + rtmInstance
                + (fields.equals("}") ? "" : ",") + fields);
    }
}
