package io.rtmstreams.streams;

import io.rtmstreams.streams.json.OutputJson;

/**
 * One router's best route for a (view, prefix) changed as the fleet sees it: the new entry, or null when the router
 * no longer reaches the prefix. Carried on the internal fleet-updates topic, keyed by {@code view|prefix}.
 */
public record FleetUpdate(String view, String prefix, String router, int rtmInstance, OutputJson.FleetRouter best) {
}
