package io.rtmstreams.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a query to the instance that owns its state and hands back that instance's answer unchanged. A forwarded
 * request carries {@value #FORWARDED_BY} naming the sender; an instance that receives one and does not own the
 * state either refuses it (ownership is moving) instead of forwarding it again, so a request makes at most one hop.
 */
final class Forwarder {

    /** Set on a forwarded request: the instance that forwarded it. */
    static final String FORWARDED_BY = "X-Rtm-Forwarded-By";
    /** Set on every answer computed from local state: the instance that computed it. */
    static final String SERVED_BY = "X-Rtm-Served-By";

    /** The owner's answer. */
    record Response(int status, String contentType, byte[] body, String servedBy) {
    }

    private final HttpClient client;
    private final String self;
    private final Duration timeout;

    /** {@code connectTimeout} bounds reaching the owner, {@code timeout} its whole answer. */
    Forwarder(String self, Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
        this.self = self;
        this.timeout = timeout;
    }

    /**
     * Where a request goes: the owner as found, except that a request already forwarded once is not forwarded again
     * (the two instances disagree about the owner while a rebalance moves it).
     */
    static Owner route(Owner owner, String forwardedBy) {
        if (owner instanceof Owner.Remote r && forwardedBy != null) {
            return new Owner.Unavailable("forwarded here by " + forwardedBy + ", but " + r
                    + " owns the state now; ownership is moving, retry shortly");
        }
        return owner;
    }

    /** GETs {@code pathAndQuery} (raw, as received) from the owner; Unavailable when it cannot be reached. */
    Response forward(Owner.Remote to, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + to + pathAndQuery)).timeout(timeout)
                .header(FORWARDED_BY, self).GET().build();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers().firstValue(SERVED_BY).orElse(null));
        } catch (IOException e) {
            throw new Unavailable("the owner " + to + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while forwarding to " + to);
        }
    }
}
