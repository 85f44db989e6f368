package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A command of {@code rtm.route-adverts} as it arrives: the union of every op's fields (contract.md, Commands),
 * each nullable. {@link CommandReader} checks which the op needs and builds the domain command. A batch's
 * {@code routes} stay JSON until each is read under the top-level fields ({@link WireRoute#inheritedBy}), since
 * an element's explicit null and its missing field mean different things there.
 */
public record WireCommand(
        String op,
        String requestId,
        String router,
        Integer rtmInstance,
        WireEntity entity,
        Object family,
        String expiryPolicy,
        List<String> methods,
        WireNextHop nextHop,
        Long nextHopId,
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
        String entitySpecificInfo,
        Long holdTimeMs,
        List<Long> routeIds,
        String registrationId,
        List<String> changeTypes,
        Boolean onlyMarkedDests,
        Boolean mark,
        String value,
        WireEntity target,
        String invocationId,
        String input,
        WireEntity caller,
        Object status,
        String output,
        Boolean block,
        List<JsonNode> routes,
        String ack,
        Long notUpdatedSinceMs,
        String marker) {
}
