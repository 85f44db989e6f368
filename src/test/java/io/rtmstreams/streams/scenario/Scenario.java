package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A scenario: a story of inputs and the outputs expected after each step (design.md, Testing tier 3). Every
 * command, interface change and output record is also validated against the contract's schemas ({@code schemas/};
 * raw inputs are not, since they exist to break it). Read from
 * {@code src/test/resources/scenarios/*.yaml}:
 * <pre>
 * description: what the story shows, with the rule ids
 * settings: {maxNextHopsInRoute: 4, strictInterfaces: false}   # optional overrides; also autoRegister, metricTable,
 *                                   # topicPrefix, and the outputs: destChanges, notifications, fleetView, results
 * ignore: [fleet-routes]              # output topics this scenario does not check
 * steps:
 *   - note: RIP registers             # optional
 *     adverts: [ {op: REGISTER_ENTITY, ...} ]        # commands to route-adverts, keyed by their router
 *     interfaces: [ {router: r1, notificationType: ...} ]
 *     raw: [ {topic: route-adverts, key: r1, value: "not json", base64: false} ]
 *     at: 5000                        # record time of this step's inputs (default: the clock)
 *     wait: 1000                      # advance the clock (wall clock and punctuation) before the inputs
 *     expect:                         # every output of the step; topics not named must be silent
 *       command-results: [ {key: r1, value: {status: NO_ERROR}} ]
 *       best-routes: [ {key: "r1|0|unicast|10.0.0.0/8", value: null, timestamp: 5000} ]  # a tombstone, stamped 5000
 *     ignore: [dest-changes]          # topics not checked in this step
 *     breaksContract: true            # the step's commands break the contract on purpose: not validated
 *     lookups:                        # GetBestRoute2 on the state after the step (D17)
 *       - query: {router: r1, destination: 8.8.8.8, source: 192.168.2.10, interfaceLuid: "0", interfaceIndex: 7}
 *         expect: {status: NO_ERROR, interfaceIndex: 1, route: {routeId: 3}, stale: false}
 *     destinations:                   # RTMv2 destination lookups on the state after the step (R116-R118)
 *       - query: {router: r1, lookup: less-specific, prefix: 10.0.0.0/8, views: [unicast]}   # or exact, most-specific
 *         expect: {status: NO_ERROR, prefix: 0.0.0.0/0}
 * </pre>
 * A lookup answers as the query API does: the answer's fields with {@code status}, or {@code {status, code, message}}.
 * Without {@code views} a destination lookup uses RTM_VIEW_MASK_ANY (every existing destination, no per-view data).
 */
record Scenario(String description, Map<String, Object> settings, List<String> ignore, List<Step> steps) {

    Scenario {
        settings = settings == null ? Map.of() : settings;
        ignore = ignore == null ? List.of() : ignore;
        steps = steps == null ? List.of() : steps;
    }

    record Step(String note, @JsonProperty("wait") Long waitMs, Long at, List<JsonNode> adverts, List<JsonNode> interfaces, List<Raw> raw,
                Map<String, List<Expected>> expect, List<String> ignore, List<Lookup> lookups,
                List<DestLookup> destinations, Boolean breaksContract) {

        Step {
            lookups = lookups == null ? List.of() : lookups;
            destinations = destinations == null ? List.of() : destinations;
            adverts = adverts == null ? List.of() : adverts;
            interfaces = interfaces == null ? List.of() : interfaces;
            raw = raw == null ? List.of() : raw;
            expect = expect == null ? Map.of() : expect;
            ignore = ignore == null ? List.of() : ignore;
        }
    }

    /** A GetBestRoute2 lookup with the answer expected (matched like an output value). */
    record Lookup(Query query, JsonNode expect) {
    }

    /** GetBestRoute2's parameters as the query API takes them. */
    record Query(String router, Integer rtmInstance, String destination, String source, String interfaceLuid,
                 String interfaceIndex) {
    }

    /** An RTMv2 destination lookup with the answer expected (matched like an output value). */
    record DestLookup(DestQuery query, JsonNode expect) {
    }

    /**
     * RtmGetExactMatchDestination ({@code exact}), RtmGetMostSpecificDestination ({@code most-specific}) or
     * RtmGetLessSpecificDestination ({@code less-specific}) of a prefix, best route of any protocol (R77).
     */
    record DestQuery(String router, Integer rtmInstance, String lookup, String prefix, List<String> views) {
    }

    /** A raw input: exact key and value text (base64 when the bytes are not text). */
    record Raw(String topic, String key, String value, boolean base64) {
    }

    /**
     * An expected output record: the key (unchecked if absent), the value (null for a tombstone) and the record's
     * timestamp (unchecked if absent).
     */
    record Expected(String key, JsonNode value, Long timestamp) {
    }
}
