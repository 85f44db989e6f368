package io.rtmstreams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.api.ApiTestBed.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/routers/{router}/activity?seconds=} (contract v2): best-route changes per second, by router. */
class ActivityEndpointTest {

    private static ApiTestBed bed;

    @BeforeAll
    static void start() {
        bed = new ApiTestBed();
        RouterStory.load(bed);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void shouldAnswerEachRoutersBestRouteChangesPerSecondOverTheLastSeconds() {
        Reply r2 = bed.get("/v1/routers/r2/activity?seconds=60");
        Reply r1 = bed.get("/v1/routers/r1/activity?seconds=60");

        assertThat(r2.status()).isEqualTo(200);
        assertThat(r2.json().get("status").asText()).isEqualTo("NO_ERROR");
        assertThat(r2.json().get("router").asText()).isEqualTo("r2");
        assertThat(r2.json().get("seconds").asInt()).isEqualTo(60);
        assertThat(r2.json().get("changesPerSecond")).hasSize(60);
        assertThat(sum(r2.json())).as("r2's one route: one best-route record").isEqualTo(1);
        assertThat(sum(r1.json())).as("r1's eight destinations each got a best route").isGreaterThanOrEqualTo(8);
        assertThat(bed.get("/v1/routers/r9/activity").json().get("changesPerSecond")).as("the default: 300 s")
                .hasSize(300).allSatisfy(n -> assertThat(n.asLong()).isZero());
    }

    @Test
    void shouldRefuseAWindowOutsideOneTo900Seconds() {
        for (String seconds : new String[] {"0", "901", "x"}) {
            Reply bad = bed.get("/v1/routers/r1/activity?seconds=" + seconds);
            assertThat(bad.status()).as(seconds).isEqualTo(400);
            assertThat(bad.json().get("status").asText()).isEqualTo("ERROR_INVALID_PARAMETER");
        }
    }

    private static long sum(JsonNode activity) {
        return StreamSupport.stream(activity.get("changesPerSecond").spliterator(), false)
                .mapToLong(JsonNode::asLong).sum();
    }
}
