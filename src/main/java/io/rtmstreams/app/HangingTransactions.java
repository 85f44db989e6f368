package io.rtmstreams.app;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Aborts hanging transactions on the partitions this application writes: a partition that still holds a
 * transaction of one of the application's producers open at an epoch whose transaction the coordinator has
 * finished. Nothing will ever write its marker, so the partition's last stable offset stays below it for good: a
 * task restoring from that changelog (read committed) never finishes, and read-committed consumers of an output
 * stop there. Seen after kill -9 of the whole process with the embedded broker inside (Kafka 4.4.0, transaction
 * version 2): after the restart the coordinator had aborted and moved past the killed producer's transaction, yet
 * two of the partitions it had written kept it open, and the restart never became ready (README, Fail-over).
 *
 * <p>This is what {@code kafka-transactions.sh find-hanging} and {@code abort} do by hand, limited to where it is
 * safe: the producer is one of this application's ({@code <application.id>-<process id>-<thread>}); the coordinator
 * holds its transactional id in a finished state ({@code CompleteCommit}, {@code CompleteAbort}, {@code Empty}), at
 * a later epoch than the partition's, so no marker for the partition's transaction is pending; and the partition
 * has not heard from that producer epoch for longer than the transaction timeout. The coordinator's outcome for a
 * transaction it never recorded this partition in can only be abort, so abort is what the partition gets.
 */
final class HangingTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
    private static final long ADMIN_TIMEOUT_MS = 5_000;
    private static final Set<TransactionState> FINISHED = EnumSet.of(TransactionState.COMPLETE_COMMIT,
            TransactionState.COMPLETE_ABORT, TransactionState.EMPTY);

    private final Admin admin;
    private final String applicationId;
    private final Topics topics;
    private final Duration transactionTimeout;
    private final Pattern transactionalId;

    HangingTransactions(Admin admin, String applicationId, Topics topics, Duration transactionTimeout) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.topics = topics;
        this.transactionTimeout = transactionTimeout;
        this.transactionalId = OrphanTransactions.transactionalIds(applicationId);
    }

    /** Finds and aborts the hanging transactions; returns how many partitions it aborted one on. */
    int abortHanging() throws ExecutionException, InterruptedException, TimeoutException {
        Map<Long, TransactionDescription> coordinator = finishedTransactionsByProducer();
        if (coordinator.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, PartitionProducerState> partitions = admin.describeProducers(writtenPartitions()).all()
                .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<AbortTransactionSpec> hanging = hanging(partitions, coordinator, System.currentTimeMillis(),
                transactionTimeout);
        for (AbortTransactionSpec spec : hanging) {
            admin.abortTransaction(spec).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.warn("aborted a hanging transaction on {} (producer {} epoch {}, its coordinator had finished it): "
                    + "read-committed readers of the partition were stuck behind it", spec.topicPartition(),
                    spec.producerId(), spec.producerEpoch());
        }
        return hanging.size();
    }

    /**
     * The open transactions of {@code partitions} that hang: their producer's transactional id is finished at a later
     * epoch ({@code finished}, by producer id), and the partition last heard of them over {@code timeout} before
     * {@code nowMs}.
     */
    static List<AbortTransactionSpec> hanging(Map<TopicPartition, PartitionProducerState> partitions,
                                              Map<Long, TransactionDescription> finished, long nowMs,
                                              Duration timeout) {
        List<AbortTransactionSpec> out = new ArrayList<>();
        partitions.forEach((tp, state) -> {
            for (ProducerState p : state.activeProducers()) {
                TransactionDescription txn = finished.get(p.producerId());
                if (p.currentTransactionStartOffset().isPresent() && txn != null
                        && FINISHED.contains(txn.state()) && txn.producerEpoch() > p.producerEpoch()
                        && nowMs - p.lastTimestamp() > timeout.toMillis()) {
                    out.add(new AbortTransactionSpec(tp, p.producerId(), (short) p.producerEpoch(),
                            p.coordinatorEpoch().orElse(0)));
                }
            }
        });
        return out;
    }

    private Map<Long, TransactionDescription> finishedTransactionsByProducer() throws ExecutionException,
            InterruptedException, TimeoutException {
        List<String> ids = new ArrayList<>();
        for (TransactionListing t : admin.listTransactions().all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            if (transactionalId.matcher(t.transactionalId()).matches() && FINISHED.contains(t.state())) {
                ids.add(t.transactionalId());
            }
        }
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).values()
                    .forEach(d -> byProducer.put(d.producerId(), d));
        }
        return byProducer;
    }

    /** Every partition the application's producers write: its outputs and its internal topics. */
    private Collection<TopicPartition> writtenPartitions() throws ExecutionException, InterruptedException,
            TimeoutException {
        List<String> names = new ArrayList<>();
        for (String name : admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            boolean output = topics.all().stream().anyMatch(t -> !t.input() && t.name().equals(name));
            if (output || name.startsWith(applicationId + "-")) {
                names.add(name);
            }
        }
        List<TopicPartition> out = new ArrayList<>();
        for (TopicDescription d : admin.describeTopics(names).allTopicNames()
                .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).values()) {
            d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition())));
        }
        return out;
    }
}
