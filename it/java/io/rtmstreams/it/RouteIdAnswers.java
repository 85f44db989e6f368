package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.rtm.RouteInfo;
import io.rtmstreams.rtm.RtmException;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What routes by id answer ({@code GET /v1/routers/{router}/routes/{routeId}}: the route index, live and deleted,
 * R80, R121), for every id of each router from 1 to the first one never handed out (which says where the id counter
 * stands, D22): as a domain over an uninterrupted run's state answers, and as an instance's query API does.
 */
final class RouteIdAnswers {

    private RouteIdAnswers() {
    }

    /** The answers of a domain over every router's state, up to and including each router's first unused id. */
    static SortedMap<String, String> of(IpHelper domain, Collection<String> routers) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String router : routers) {
            String answer;
            long id = 0;
            do {
                answer = answer(domain, router, ++id);
                out.put(key(router, id), answer);
            } while (!answer.equals("ERROR_INVALID_HANDLE"));
        }
        return out;
    }

    /** The API's answers for the same routers and ids as {@code expected}. */
    static SortedMap<String, String> of(QueryClient api, SortedMap<String, String> expected) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String key : expected.keySet()) {
            String[] routerAndId = key.split(" route ");
            JsonNode answer = api.get("/v1/routers/" + routerAndId[0] + "/routes/"
                    + Long.parseLong(routerAndId[1])).json();
            String status = answer.path("status").asText();
            out.put(key, status.equals("NO_ERROR") ? status + " " + answer.path("route") : status);
        }
        return out;
    }

    private static String answer(IpHelper domain, String router, long id) {
        try {
            RouteInfo info = domain.engine().queries().route(router, id);
            if (info.table().rtmInstance() != 0) {
                return "ERROR_NOT_FOUND"; // the API's default instance is 0
            }
            return "NO_ERROR " + Json.MAPPER.valueToTree(OutputMapper.route(info.dest(), info.route(),
                    info.state().name()));
        } catch (RtmException e) {
            return e.status().name();
        }
    }

    private static String key(String router, long id) {
        return String.format("%s route %06d", router, id);
    }
}
