package io.rtmstreams.app.loadgen;

import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the run's results: from the topic's end, expected ones noted, failures counted by route. */
class ResultWatcherTest {

    private static final String TOPIC = "rtm.command-results";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final FleetCommand SYNC = new FleetCommand.Sync("r1", "lg-sync-end-of-rib", "end-of-rib");
    private static final FleetCommand REGISTER = new FleetCommand.Register("r2", "lg-register");

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private ResultWatcher watcher;
    private long offset = 5;

    @AfterEach
    void close() throws InterruptedException {
        watcher.close();
    }

    @Test
    void startsAtTheEndAndReturnsWhenEveryExpectedResultIsRead() throws Exception {
        start();
        watcher.expect(List.of(SYNC, REGISTER));
        result("r1", "lg-sync-end-of-rib", "SYNC", "NO_ERROR", null);
        result("r2", "lg-register", "REGISTER_ENTITY", "ERROR_ALREADY_EXISTS", null);
        List<Long> arrived = new ArrayList<>();

        long last = watcher.await(List.of(SYNC, REGISTER), Duration.ofSeconds(30), arrived::add);

        assertThat(last).isLessThanOrEqualTo(System.nanoTime());
        assertThat(arrived).last().isEqualTo(2L);
        assertThat(watcher.failedRoutes()).as("registering again is no failure").isZero();
        assertThat(consumer.position(P0)).isEqualTo(7);
    }

    @Test
    void countsFailedRoutesOfTheRunsCommandsAndPassesOverOthers() throws Exception {
        start();
        watcher.expect(List.of(SYNC));
        result("r1", "lg-c3", "DELETE_ROUTES", "ERROR_INVALID_PARAMETER", 2);
        result("r1", "lg-c4", "ADD_ROUTE", "ERROR_INVALID_HANDLE", null);
        result("r1", "someone-else", "ADD_ROUTE", "ERROR_INVALID_HANDLE", null);
        result("other", "lg-c5", "ADD_ROUTE", "ERROR_INVALID_HANDLE", null);
        result("r1", "lg-sync-end-of-rib", "SYNC", "NO_ERROR", null);

        watcher.await(List.of(SYNC), Duration.ofSeconds(30), n -> { });

        assertThat(watcher.failedRoutes()).isEqualTo(3);
        assertThat(watcher.firstFailures()).containsExactly(
                "r1 lg-c3 DELETE_ROUTES: ERROR_INVALID_PARAMETER (2 of 10 routes) bad",
                "r1 lg-c4 ADD_ROUTE: ERROR_INVALID_HANDLE bad");
    }

    @Test
    void aResultNotReadInTimeNamesTheFirstMissingAndTheLikelyCause() throws InterruptedException {
        start();
        watcher.expect(List.of(SYNC, REGISTER));
        result("r2", "lg-register", "REGISTER_ENTITY", "NO_ERROR", null);
        watcher.await(List.of(REGISTER), Duration.ofSeconds(30), n -> { });

        assertThatThrownBy(() -> watcher.await(List.of(SYNC, REGISTER), Duration.ofMillis(200), n -> { }))
                .hasMessageContaining("1 of 2 results not read within PT0.2S (the first: r1 lg-sync-end-of-rib)")
                .hasMessageContaining("--results ERRORS");
    }

    private void start() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0],
                new Node[0])));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, offset));
        watcher = new ResultWatcher(consumer, TOPIC, List.of("r1", "r2"));
    }

    private void result(String router, String requestId, String op, String status, Integer failed) {
        OutputJson.CommandResult r = new OutputJson.CommandResult(requestId, router, 0, op, null, status, 1,
                List.of(), null, null, status.equals("NO_ERROR") ? null : "bad", failed == null ? null : 10,
                failed, null, null);
        try {
            byte[] value = Json.MAPPER.writeValueAsBytes(r);
            consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset++,
                    router.getBytes(StandardCharsets.UTF_8), value)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
