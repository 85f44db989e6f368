package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The query API of one instance over HTTP, as a client of the contract (contract.md, Query API) calls it. */
final class QueryClient {

    /** An answer: HTTP status, body, and the instance that computed it ({@code X-Rtm-Served-By}). */
    record Answer(int status, String body, String servedBy) {
        JsonNode json() {
            return OutputComparison.json(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    QueryClient(int port) {
        this.port = port;
    }

    /** GET {@code pathAndQuery}; while the state cannot be queried (503, e.g. during a rebalance) it asks again. */
    Answer get(String pathAndQuery) {
        Answer[] last = new Answer[1];
        Waiting.until("an answer other than 503 to " + pathAndQuery + " on port " + port, () -> {
            last[0] = once(pathAndQuery);
            return last[0].status() != 503;
        }, () -> "last answer: " + last[0]);
        return last[0];
    }

    private Answer once(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Rtm-Served-By").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("query API on port " + port + " did not answer " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
