package io.rtmstreams.api;

import io.rtmstreams.api.ApiTestBed.Reply;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarding over real HTTP between two servers in this JVM: the owner ("A", over the driver's stores) and an
 * instance that owns nothing ("B") and forwards to whatever its state access names.
 */
class ForwardingTest {

    private static ApiTestBed owner;
    private static QueryServer other;
    private static volatile Owner othersView;

    @BeforeAll
    static void start() {
        owner = new ApiTestBed();
        RouterStory.load(owner);
        other = QueryServer.start("127.0.0.1", 0, "127.0.0.1", owner.settings, new ApiMetrics());
        other.serve(new StateAccess() {
            @Override
            public String state() {
                return "RUNNING";
            }

            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public Owner owner(String store, String key) {
                return othersView;
            }

            @Override
            public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
                throw new AssertionError("B owns nothing and must not read stores");
            }
        });
    }

    @AfterAll
    static void close() {
        other.close();
        owner.close();
    }

    @Test
    void shouldAnswerWithTheOwnersAnswerUnchanged() {
        othersView = new Owner.Remote("127.0.0.1", owner.server.port());
        String path = "/v1/routers/r1/destinations/enum?family=ipv4&limit=2";
        Reply direct = owner.get(path);
        Reply forwarded = get(other.port(), path);
        assertThat(forwarded.status()).isEqualTo(200);
        assertThat(forwarded.text()).isEqualTo(direct.text());
        assertThat(forwarded.servedBy()).isEqualTo("127.0.0.1:" + owner.server.port());
        assertThat(forwarded.contentType()).startsWith("application/json");
    }

    @Test
    void shouldForwardErrorsWithTheirStatus() {
        othersView = new Owner.Remote("127.0.0.1", owner.server.port());
        Reply r = get(other.port(), "/v1/routers/r1/best-route?destination=2001:db9::1");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_NETWORK_UNREACHABLE");
    }

    @Test
    void shouldForwardFleetQueries() {
        othersView = new Owner.Remote("127.0.0.1", owner.server.port());
        Reply r = get(other.port(), "/v1/fleet/prefixes?prefix=10.0.0.0/8");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("routerCount").asInt()).isEqualTo(2);
    }

    @Test
    void shouldNotForwardAForwardedRequestAgain() {
        othersView = new Owner.Remote("127.0.0.1", owner.server.port());
        Reply r = ApiTestBed.request(other.port(), "GET", "/v1/routers/r1/entities",
                Map.of(Forwarder.FORWARDED_BY, "127.0.0.1:1"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        assertThat(r.json().get("message").asText()).contains("forwarded here by 127.0.0.1:1");
    }

    @Test
    void shouldAnswer503WhenTheOwnerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        othersView = new Owner.Remote("127.0.0.1", closedPort);
        Reply r = get(other.port(), "/v1/routers/r1/entities");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        assertThat(r.json().get("message").asText()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void shouldAnswer503WhileNobodyOwnsTheRouter() {
        othersView = new Owner.Unavailable("no instance holds the partition of 'r1' yet");
        Reply r = get(other.port(), "/v1/routers/r1/entities");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("no instance holds the partition");
    }

    @Test
    void shouldRefuseUnknownParametersAndBadRoutersWithoutForwarding() {
        othersView = new Owner.Remote("127.0.0.1", 1);
        for (String path : new String[]{"/v1/routers/r1/entities?famly=ipv4", "/v1/routers/r%201/entities"}) {
            Reply r = get(other.port(), path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.servedBy()).isNull();
        }
    }

    @Test
    void shouldLeaveValueChecksToTheOwner() {
        othersView = new Owner.Remote("127.0.0.1", owner.server.port());
        Reply r = get(other.port(), "/v1/routers/r1/entities?family=ipv5");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_INVALID_PARAMETER");
    }

    private static Reply get(int port, String path) {
        return ApiTestBed.request(port, "GET", path, Map.of());
    }
}
