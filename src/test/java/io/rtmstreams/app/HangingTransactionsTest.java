package io.rtmstreams.app;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which open transactions {@link HangingTransactions} aborts: only those whose coordinator has finished their
 * producer at a later epoch, and that the partition has not heard from for longer than the transaction timeout.
 */
class HangingTransactionsTest {

    private static final TopicPartition CHANGELOG = new TopicPartition("rtm-streams-rtm-table-state-changelog", 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long NOW = 1_000_000;
    private static final long PRODUCER = 7;

    @Test
    void abortsTheTransactionOfAnEpochItsCoordinatorHasFinishedAndMovedPast() {
        List<AbortTransactionSpec> hanging = HangingTransactions.hanging(open(532, NOW - 92_000),
                coordinator(TransactionState.COMPLETE_COMMIT, 562), NOW, TIMEOUT);

        assertThat(hanging).containsExactly(new AbortTransactionSpec(CHANGELOG, PRODUCER, (short) 532, 0));
    }

    @Test
    void leavesATransactionAloneWhileItsCoordinatorHoldsItOpenOrIsEndingIt() {
        for (TransactionState state : Set.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
                TransactionState.PREPARE_ABORT)) {
            assertThat(HangingTransactions.hanging(open(532, NOW - 92_000), coordinator(state, 533), NOW, TIMEOUT))
                    .as(state.toString()).isEmpty();
        }
    }

    @Test
    void leavesTheCoordinatorsCurrentEpochAlone() {
        assertThat(HangingTransactions.hanging(open(562, NOW - 92_000),
                coordinator(TransactionState.COMPLETE_ABORT, 562), NOW, TIMEOUT)).isEmpty();
    }

    @Test
    void waitsOutTheTransactionTimeoutSinceThePartitionLastHeardOfIt() {
        assertThat(HangingTransactions.hanging(open(532, NOW - 9_000),
                coordinator(TransactionState.COMPLETE_COMMIT, 562), NOW, TIMEOUT)).isEmpty();
    }

    @Test
    void leavesProducersThatAreNotTheApplicationsAndClosedTransactionsAlone() {
        Map<TopicPartition, PartitionProducerState> closed = Map.of(CHANGELOG, new PartitionProducerState(List.of(
                new ProducerState(PRODUCER, 532, 10, NOW - 92_000, OptionalInt.of(0), OptionalLong.empty()))));

        assertThat(HangingTransactions.hanging(open(532, NOW - 92_000), Map.of(), NOW, TIMEOUT)).isEmpty();
        assertThat(HangingTransactions.hanging(closed, coordinator(TransactionState.COMPLETE_COMMIT, 562), NOW,
                TIMEOUT)).isEmpty();
    }

    private static Map<TopicPartition, PartitionProducerState> open(int epoch, long lastHeardMs) {
        return Map.of(CHANGELOG, new PartitionProducerState(List.of(new ProducerState(PRODUCER, epoch, 1163,
                lastHeardMs, OptionalInt.of(0), OptionalLong.of(1_027_864)))));
    }

    private static Map<Long, TransactionDescription> coordinator(TransactionState state, int epoch) {
        return Map.of(PRODUCER, new TransactionDescription(1, state, PRODUCER, epoch, 10_000,
                OptionalLong.of(NOW - 1_000), Set.of()));
    }
}
