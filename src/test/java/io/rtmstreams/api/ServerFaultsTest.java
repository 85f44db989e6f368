package io.rtmstreams.api;

import io.rtmstreams.api.ApiTestBed.Reply;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults below the API: a store that moved away mid-request is 503, anything unexpected 500; the server lives on. */
class ServerFaultsTest {

    @Test
    void shouldAnswer503WhenTheStoreMovedAwayDuringTheRequest() {
        Reply r = queryWithStoresThatThrow(() -> new InvalidStateStoreException("the partition migrated"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        assertThat(r.json().get("message").asText()).contains("the partition migrated");
    }

    @Test
    void shouldAnswer500ForAFaultOfTheServer() {
        Reply r = queryWithStoresThatThrow(() -> new IllegalStateException("disk on fire"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("status").asText()).isEqualTo("ERROR_INTERNAL_ERROR");
        assertThat(r.json().get("code").asInt()).isEqualTo(1359);
        assertThat(r.json().get("message").asText()).contains("disk on fire");
    }

    private static Reply queryWithStoresThatThrow(Supplier<RuntimeException> fault) {
        try (ApiMetrics metrics = new ApiMetrics();
             QueryServer server = QueryServer.start("127.0.0.1", 0, "127.0.0.1", StreamsSettings.defaults(),
                     metrics)) {
            server.serve(new StateAccess() {
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
                    return new Owner.Local(0);
                }

                @Override
                public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
                    throw fault.get();
                }
            });
            Reply r = ApiTestBed.request(server.port(), "GET", "/v1/routers/r1/entities", Map.of());
            assertThat(ApiTestBed.request(server.port(), "GET", "/health", Map.of()).status()).isEqualTo(200);
            return r;
        }
    }
}
