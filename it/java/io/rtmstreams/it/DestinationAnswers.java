package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.rtmstreams.it.OutputComparison.json;

/**
 * What an instance's query API answers for routers' destinations (an exact-match lookup and GetBestRoute2 of an
 * address inside each prefix: the unicast best route's id, or none), and what it must answer by the best routes of
 * an uninterrupted run.
 */
final class DestinationAnswers {

    private DestinationAnswers() {
    }

    /** The answers {@code bestRoutes} (an uninterrupted run's best-route records) call for. */
    static SortedMap<String, String> expected(List<OutputRecord> bestRoutes, Map<String, List<String>> prefixes) {
        SortedMap<String, String> best = OutputComparison.finalState(bestRoutes);
        SortedMap<String, String> expected = new TreeMap<>();
        prefixes.forEach((router, list) -> {
            for (String prefix : list) {
                String value = best.get(router + "|0|unicast|" + prefix);
                String route = value == null ? "none" : "route " + json(value).path("routeId").asLong();
                expected.put(router + " destination " + prefix, route);
                expected.put(router + " best-route " + prefix, route);
            }
        });
        return expected;
    }

    /** The API's answers for every prefix of every router; records who computed each router's answers. */
    static SortedMap<String, String> of(QueryClient api, Map<String, List<String>> prefixes,
                                        Map<String, String> servedBy) {
        SortedMap<String, String> answers = new TreeMap<>();
        prefixes.forEach((router, list) -> {
            for (String prefix : list) {
                QueryClient.Answer d = api.get("/v1/routers/" + router + "/destinations?prefix=" + prefix);
                answers.put(router + " destination " + prefix, unicastRoute(d));
                String address = prefix.substring(0, prefix.lastIndexOf('.')) + ".1";
                QueryClient.Answer b = api.get("/v1/routers/" + router + "/best-route?destination=" + address);
                answers.put(router + " best-route " + prefix, b.status() == 200
                        ? "route " + b.json().path("route").path("routeId").asLong() : status(b));
                servedBy.merge(router, d.servedBy() + "", (x, y) -> x.equals(y) ? x : x + " and " + y);
                servedBy.merge(router, b.servedBy() + "", (x, y) -> x.equals(y) ? x : x + " and " + y);
            }
        });
        return answers;
    }

    /** The unicast view's best route of an exact-match answer, or none (404, or no route in the view). */
    private static String unicastRoute(QueryClient.Answer d) {
        if (d.status() != 200) {
            return status(d);
        }
        for (JsonNode view : d.json().path("destination").path("views")) {
            if (view.path("view").asText().equals("unicast") && view.path("route").hasNonNull("routeId")) {
                return "route " + view.path("route").path("routeId").asLong();
            }
        }
        return "none";
    }

    private static String status(QueryClient.Answer a) {
        String s = a.json().path("status").asText();
        return a.status() == 404 && (s.equals("ERROR_NOT_FOUND") || s.equals("ERROR_NETWORK_UNREACHABLE")) ? "none"
                : a.status() + " " + a.body();
    }
}
