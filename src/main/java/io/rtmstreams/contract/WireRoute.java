package io.rtmstreams.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The route fields of ADD_ROUTE and DELETE_ROUTE (contract.md, Commands), each nullable: a single command carries
 * them at its top level, a batch (ADD_ROUTES, DELETE_ROUTES; D25) in each element of {@code routes}, where a field
 * the element leaves out is taken from the batch's top level.
 */
public record WireRoute(
        Object family,
        String dest,
        List<WireNextHop> nextHops,
        WireNextHop neighbour,
        Long preference,
        Long metric,
        List<String> views,
        List<String> flags,
        Long timeToLiveMs,
        List<String> changeFlags,
        Long routeId,
        String routeList,
        String entitySpecificInfo) {

    /** The route fields of a single command. */
    static WireRoute of(WireCommand w) {
        return new WireRoute(w.family(), w.dest(), w.nextHops(), w.neighbour(), w.preference(), w.metric(), w.views(),
                w.flags(), w.timeToLiveMs(), w.changeFlags(), w.routeId(), w.routeList(), w.entitySpecificInfo());
    }

    /**
     * A batch element read under this batch's top-level fields (contract.md, ADD_ROUTES): a field the element has is
     * its own, an explicit {@code null} included (so {@code timeToLiveMs: null} is INFINITE whatever the top level
     * says); a field it lacks is the top level's. {@code routeId} is never inherited: a batch may not have one.
     *
     * @throws IllegalArgumentException when the element is not a JSON object
     * @throws JsonProcessingException  when one of its fields has the wrong JSON type
     */
    WireRoute inheritedBy(JsonNode element) throws JsonProcessingException {
        if (element == null || !element.isObject()) {
            throw new IllegalArgumentException("a route of a batch must be a JSON object");
        }
        WireRoute own = Json.MAPPER.treeToValue(element, WireRoute.class);
        return new WireRoute(
                pick(element, "family", own.family, family),
                pick(element, "dest", own.dest, dest),
                pick(element, "nextHops", own.nextHops, nextHops),
                pick(element, "neighbour", own.neighbour, neighbour),
                pick(element, "preference", own.preference, preference),
                pick(element, "metric", own.metric, metric),
                pick(element, "views", own.views, views),
                pick(element, "flags", own.flags, flags),
                pick(element, "timeToLiveMs", own.timeToLiveMs, timeToLiveMs),
                pick(element, "changeFlags", own.changeFlags, changeFlags),
                own.routeId,
                pick(element, "routeList", own.routeList, routeList),
                pick(element, "entitySpecificInfo", own.entitySpecificInfo, entitySpecificInfo));
    }

    private static <T> T pick(JsonNode element, String field, T own, T inherited) {
        return element.has(field) ? own : inherited;
    }
}
