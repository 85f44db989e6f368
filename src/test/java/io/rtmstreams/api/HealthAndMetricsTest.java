package io.rtmstreams.api;

import io.rtmstreams.api.ApiTestBed.Reply;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /health} (liveness), {@code /health/ready} (readiness) and {@code /metrics} (Prometheus text). */
class HealthAndMetricsTest {

    private static ApiTestBed bed;

    @BeforeAll
    static void start() {
        bed = new ApiTestBed();
    }

    @AfterEach
    void runningAgain() {
        bed.state.state("RUNNING");
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void shouldBeLiveAndReadyWhileKafkaStreamsRuns() {
        Reply live = bed.get("/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("NO_ERROR");
        assertThat(live.json().get("streams").asText()).isEqualTo("RUNNING");
        assertThat(live.json().get("ready").asBoolean()).isTrue();
        assertThat(bed.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void shouldStayLiveButNotReadyWhileRebalancingAndRefuseQueries() {
        bed.state.state("REBALANCING");

        Reply live = bed.get("/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("ready").asBoolean()).isFalse();
        assertThat(live.json().get("streams").asText()).isEqualTo("REBALANCING");

        Reply ready = bed.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        assertThat(ready.json().get("code").asInt()).isEqualTo(21);

        Reply query = bed.get("/v1/routers/r1/entities");
        assertThat(query.status()).isEqualTo(503);
        assertThat(query.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        assertThat(query.json().get("message").asText()).contains("REBALANCING");
        Reply fleet = bed.get("/v1/fleet/prefixes?prefix=10.0.0.0/8");
        assertThat(fleet.status()).isEqualTo(503);
    }

    @Test
    void shouldNotBeReadyBeforeKafkaStreamsIsHandedOver() {
        try (QueryServer fresh = QueryServer.start("127.0.0.1", 0, "127.0.0.1", bed.settings, bed.metrics)) {
            ApiTestBed.Reply ready = ApiTestBed.request(fresh.port(), "GET", "/health/ready", Map.of());
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("streams").asText()).isEqualTo("NOT_STARTED");
            ApiTestBed.Reply query = ApiTestBed.request(fresh.port(), "GET", "/v1/routers/r1/entities", Map.of());
            assertThat(query.status()).isEqualTo(503);
            assertThat(query.json().get("status").asText()).isEqualTo("ERROR_NOT_READY");
        }
    }

    @Test
    void shouldExposeTheProcessorCountersAsPrometheusText() {
        // the only test of this class that sends input, so the counts are exact
        bed.advert(
                "{'op': 'REGISTER_ENTITY', 'requestId': 'reg', 'router': 'r1', 'entity': {'protocolId': 3, "
                        + "'instanceId': 1}, 'family': 'ipv4'}",
                "{'op': 'ADD_ROUTE', 'requestId': 'a1', 'router': 'r1', 'entity': {'protocolId': 3, 'instanceId': 1}, "
                        + "'dest': '10.0.0.0/8', 'nextHops': [], 'neighbour': null, 'preference': 1, 'metric': 1, "
                        + "'views': ['unicast', 'multicast'], 'timeToLiveMs': 1000}",
                "{'op': 'ADD_ROUTE', 'requestId': 'a2', 'router': 'r1', 'entity': {'protocolId': 9, 'instanceId': 9}, "
                        + "'dest': '10.0.0.0/8', 'nextHops': [], 'neighbour': null, 'preference': 1, 'metric': 1, "
                        + "'views': ['unicast']}",
                "{'op': 'no such op', 'router': 'r1'}");
        bed.advance(Duration.ofSeconds(2));

        Reply r = bed.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.text().lines()).contains(
                "rtm_commands_total{op=\"REGISTER_ENTITY\",status=\"NO_ERROR\"} 1.0",
                "rtm_commands_total{op=\"ADD_ROUTE\",status=\"NO_ERROR\"} 1.0",
                "rtm_commands_total{op=\"ADD_ROUTE\",status=\"ERROR_INVALID_HANDLE\"} 1.0",
                "rtm_rejected_records_total{topic=\"rtm.route-adverts\"} 1.0",
                "rtm_timers_fired_total 1.0",
                // the route became best in two views, then expired from both (D21: one record per view change)
                "rtm_best_route_changes_total 4.0");
    }

    @Test
    void shouldExposeKafkaStreamsMetricsOnceBound(@TempDir Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rtm-metrics-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(RtmTopology.build(StreamsSettings.defaults(), bed.metrics.processor()), p);
        try {
            bed.metrics.bind(streams);
            assertThat(bed.get("/metrics").text()).contains("kafka_stream_");
        } finally {
            streams.close(Duration.ofSeconds(5));
        }
    }
}
