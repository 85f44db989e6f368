package io.rtmstreams.api;

import io.rtmstreams.api.ApiTestBed.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors answer {@code {status, code, message}} with the HTTP status of their Win32 status (HttpStatuses): 400 for
 * what the request names wrongly, 404 for what does not exist, 405 for anything but GET.
 */
class QueryErrorsTest {

    private static ApiTestBed bed;

    @BeforeAll
    static void loadStory() {
        bed = new ApiTestBed();
        RouterStory.load(bed);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/routers/r1/destinations?prefix=10.9.0.0/16                   | ERROR_NOT_FOUND           | 1168",
        "/v1/routers/r1/destinations/most-specific?prefix=2001:db9::/32   | ERROR_NOT_FOUND           | 1168",
        "/v1/routers/r1/destinations/less-specific?prefix=0.0.0.0/0       | ERROR_NOT_FOUND           | 1168",
        "/v1/routers/r1/routes/3?instance=1                               | ERROR_NOT_FOUND           | 1168",
        "/v1/routers/r1/best-route?destination=2001:db9::1                | ERROR_NETWORK_UNREACHABLE | 1231",
        "/v1/routers/r1/best-route?destination=10.1.2.3&interfaceLuid=77  | ERROR_NOT_FOUND           | 1168",
        "/v1/fleet/prefixes?prefix=10.9.0.0/16                            | ERROR_NOT_FOUND           | 1168",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&view=multicast              | ERROR_NOT_FOUND           | 1168",
        "/v1/no-such-endpoint                                             | ERROR_FILE_NOT_FOUND      | 2",
    })
    void shouldAnswerNotFoundWith404(String path, String status, int code) {
        assertError(bed.get(path), 404, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/routers/r1/destinations?prefix=10.0.0.0                       | prefix",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/33                    | prefix",
        "/v1/routers/r1/destinations?prefix=host.example/8                 | prefix",
        "/v1/routers/r1/destinations                                       | prefix",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/8&views=broadcast     | views",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/8&views=              | views",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/8&protocol=NOPE       | protocol",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/8&view=unicast        | view",
        "/v1/routers/r1/entities?family=inet                               | family",
        "/v1/routers/r1/entities?instance=65536                            | instance",
        "/v1/routers/r1/entities?instance=zero                             | instance",
        "/v1/routers/r1/entities?family=ipv4&family=ipv6                   | family",
        "/v1/routers/r1/interfaces?instance=0                              | instance",
        "/v1/routers/r1/destinations/enum?family=ipv4&limit=101            | limit",
        "/v1/routers/r1/destinations/enum?family=ipv4&limit=0              | limit",
        "/v1/routers/r1/destinations/enum                                  | family",
        "/v1/routers/r1/destinations/enum?family=ipv6&start=10.0.0.0/8     | start",
        "/v1/routers/r1/destinations/enum?family=ipv4&range=yes            | range",
        "/v1/routers/r1/destinations/enum?family=ipv4&cursor=not-a-cursor  | cursor",
        "/v1/routers/r1/routes/first                                       | routeId",
        "/v1/routers/r1/routes?prefix=10.1.0.0/16&entity=BGP               | entity",
        "/v1/routers/r1/nexthops                                           | entity",
        "/v1/routers/r1/nexthops?entity=3.4294967296                       | entity",
        "/v1/routers/bad%20router/entities                                 | router",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&view=anycast                 | view",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&limit=1001                   | limit",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&limit=0                      | limit",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&cursor=not-a-cursor          | cursor",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&cursor=ZDE6MTAuMC4wLjAvOA    | cursor",
        "/v1/fleet/prefixes?prefix=10.0.0.0/8&cursor=ZjE6cjF8NzAwMDA       | cursor",
    })
    void shouldAnswerAnInvalidParameterWith400NamingIt(String path, String parameter) {
        Reply r = bed.get(path);
        assertError(r, 400, "ERROR_INVALID_PARAMETER", 87);
        assertThat(r.json().get("message").asText()).contains("'" + parameter + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/v1/routers/r1/best-route",
        "/v1/routers/r1/best-route?destination=not-an-address",
        "/v1/routers/r1/best-route?destination=10.1.2.3&source=192.168.2",
        "/v1/routers/r1/best-route?destination=10.1.2.3&interfaceLuid=-1",
        "/v1/routers/r1/best-route?destination=10.1.2.3&interfaceIndex=4294967296",
        "/v1/routers/r1/best-route?destination=fe80::1%25abc",
        "/v1/routers/r1/destinations/enum?family=ipv4&range=true",
        "/v1/routers/r1/destinations?prefix=10.0.0.0/8&protocol=4294967295",
    })
    void shouldAnswerInvalidLookupArgumentsWith400(String path) {
        assertError(bed.get(path), 400, "ERROR_INVALID_PARAMETER", 87);
    }

    @Test
    void shouldAnswerAnIdNeverIssuedAsAnInvalidHandle() {
        assertError(bed.get("/v1/routers/r1/routes/999"), 400, "ERROR_INVALID_HANDLE", 6);
        assertError(bed.get("/v1/routers/r1/route-lists/nothing?entity=3.1"), 400, "ERROR_INVALID_HANDLE", 6);
        assertError(bed.get("/v1/routers/r1/route-lists/statics?entity=3.1&family=ipv6"), 400, "ERROR_INVALID_HANDLE",
                6);
    }

    @Test
    void shouldRefuseACursorOfTheOtherFamily() {
        String cursor = bed.get("/v1/routers/r1/destinations/enum?family=ipv4&limit=1").json().get("cursor").asText();
        Reply r = bed.get("/v1/routers/r1/destinations/enum?family=ipv6&cursor=" + cursor);
        assertError(r, 400, "ERROR_INVALID_PARAMETER", 87);
        assertThat(r.json().get("message").asText()).contains("cursor");
    }

    @Test
    void shouldReadADeletedRouteUntilItsRetentionEndsThenAnswerNotFound() {
        bed.advert("{'op': 'ADD_ROUTE', 'requestId': 'doomed', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'dest': '198.51.100.0/24', 'nextHops': [], 'neighbour': null, 'preference': 1, "
                + "'metric': 1, 'views': ['unicast']}");
        long id = bed.routeId("doomed");
        bed.advert("{'op': 'DELETE_ROUTE', 'requestId': 'doom', 'router': 'r1', 'entity': {'protocolId': 3, "
                + "'instanceId': 1}, 'routeId': " + id + "}");
        assertThat(bed.result("doom").get("status").asText()).isEqualTo("NO_ERROR");

        Reply retained = bed.get("/v1/routers/r1/routes/" + id);
        assertThat(retained.status()).isEqualTo(200);
        assertThat(retained.json().get("route").get("state").asText()).isEqualTo("DELETED");

        bed.advance(Duration.ofMillis(bed.settings.rtm().deletedRouteRetentionMs() + 1_000));
        assertError(bed.get("/v1/routers/r1/routes/" + id), 404, "ERROR_NOT_FOUND", 1168);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
    void shouldRefuseEveryMethodButGet(String method) {
        assertError(bed.send(method, "/v1/routers/r1/entities"), 405, "ERROR_NOT_SUPPORTED", 50);
        assertError(bed.send(method, "/health"), 405, "ERROR_NOT_SUPPORTED", 50);
    }

    @Test
    void shouldAnswerHeadLikeGetWithoutABody() {
        Reply r = bed.send("HEAD", "/v1/routers/r1/entities");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEmpty();
    }

    private static void assertError(Reply r, int http, String status, int code) {
        assertThat(r.status()).as(r.text()).isEqualTo(http);
        assertThat(r.json().get("status").asText()).isEqualTo(status);
        assertThat(r.json().get("code").asInt()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(r.json().size()).as("only status, code and message").isEqualTo(3);
    }
}
