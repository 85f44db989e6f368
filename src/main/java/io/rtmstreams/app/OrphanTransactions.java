package io.rtmstreams.app;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ends the open transaction an instance leaves behind when it dies without closing (kill -9, a lost host), so that
 * the instances taking over its tasks need not wait for the transaction timeout.
 *
 * <p>Why it matters: under exactly-once a task taken over restores its stores up to the changelog's log end, read
 * committed (Kafka Streams waits out open transactions there, KAFKA-10167), and the dead instance's transaction holds
 * the readable end below everything it wrote until the transaction coordinator aborts it, which happens only after
 * {@code transaction.timeout.ms} and the coordinator's next expiry scan (every 10 s by default). Measured with a
 * 10 s session timeout: the take-over finished 18 s after the kill, together with that abort, instead of at 11 s.
 *
 * <p>How: while this instance rebalances (a member left or joined), it lists the ongoing transactions of the
 * application, whose ids Kafka Streams forms as {@code <application.id>-<process id>-<thread>}, and the members of
 * its group, whose client ids are {@code <application.id>-<process id>-StreamThread-<n>-consumer} (or, under the
 * streams group protocol, carry the process id), and fences ({@link Admin#fenceProducers}, which aborts an ongoing
 * transaction) the transactions of process ids that are no longer members: the group coordinator has already given
 * their tasks to others, so they are dead or zombies, which fencing is for. Transactions are listed before members,
 * so an instance that joined in between is a member by then. When the client ids do not show process ids (a
 * configured {@code client.id}) nothing is fenced and the transaction timeout ends the transaction, as before.
 *
 * <p>A rebalance that lasts (a task restoring) also has {@link HangingTransactions} look for transactions that no
 * coordinator will ever end.
 */
final class OrphanTransactions implements KafkaStreams.StateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanTransactions.class);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** How often to look again while rebalancing: a member's session may expire during a rebalance under way. */
    private static final long RETRY_MS = 1_000;
    private static final long ADMIN_TIMEOUT_MS = 5_000;

    private final Admin admin;
    private final String applicationId;
    private final boolean streamsProtocol;
    private final Pattern transactionalId;
    private final Pattern clientId;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rtm-orphan-transactions");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong fenced = new AtomicLong();
    private final HangingTransactions hanging;
    private final long hangingAfterMs;
    private volatile KafkaStreams streams;
    private volatile boolean warned;
    private volatile long rebalancingSinceMs;

    /** {@code hanging} transactions are looked for once a rebalance has lasted {@code hangingAfter}. */
    OrphanTransactions(Admin admin, String applicationId, boolean streamsProtocol, HangingTransactions hanging,
                       Duration hangingAfter) {
        this.admin = admin;
        this.hanging = hanging;
        this.hangingAfterMs = hangingAfter.toMillis();
        this.applicationId = applicationId;
        this.streamsProtocol = streamsProtocol;
        this.transactionalId = transactionalIds(applicationId);
        this.clientId = Pattern.compile(Pattern.quote(applicationId + "-") + "(" + UUID + ")-StreamThread-\\d+-consumer");
    }

    /** The transactional ids Kafka Streams gives the application's threads, the process id as group 1. */
    static Pattern transactionalIds(String applicationId) {
        return Pattern.compile(Pattern.quote(applicationId + "-") + "(" + UUID + ")-\\d+");
    }

    /** Watches {@code streams}: call before it starts. */
    void watch(KafkaStreams streams) {
        this.streams = streams;
        streams.setStateListener(this);
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.REBALANCING && oldState != KafkaStreams.State.REBALANCING) {
            rebalancingSinceMs = System.currentTimeMillis();
            executor.execute(this::fenceWhileRebalancing);
        }
    }

    /** Transactions fenced since start. */
    long fenced() {
        return fenced.get();
    }

    private void fenceWhileRebalancing() {
        try {
            fenceOrphans();
            if (System.currentTimeMillis() - rebalancingSinceMs > hangingAfterMs) {
                hanging.abortHanging();
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            warnOnce("could not look for transactions of instances that left, or hanging ones: " + e
                    + "; their transaction timeout ends the former");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        KafkaStreams s = streams;
        if (s != null && s.state() == KafkaStreams.State.REBALANCING && !executor.isShutdown()) {
            executor.schedule(this::fenceWhileRebalancing, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Fences the ongoing transactions of process ids that are not in the group; returns how many. */
    int fenceOrphans() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> candidates = ongoing();
        if (candidates.isEmpty()) {
            return 0;
        }
        Optional<Set<String>> members = memberProcessIds();
        if (members.isEmpty()) {
            warnOnce("the group's client ids do not show process ids (is client.id set?); a dead instance's open "
                    + "transaction ends at its transaction timeout");
            return 0;
        }
        List<String> orphans = candidates.stream().filter(id -> !members.get().contains(processId(id))).sorted()
                .toList();
        if (!orphans.isEmpty()) {
            admin.fenceProducers(orphans).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            fenced.addAndGet(orphans.size());
            LOG.info("aborted the open transactions of instances that left the group without closing: {}", orphans);
        }
        return orphans.size();
    }

    private Set<String> ongoing() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> ids = new HashSet<>();
        for (TransactionListing t : admin.listTransactions(new ListTransactionsOptions()
                .filterStates(List.of(TransactionState.ONGOING))).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            if (transactionalId.matcher(t.transactionalId()).matches()) {
                ids.add(t.transactionalId());
            }
        }
        return ids;
    }

    /** The process ids of the group's members and this instance's own; empty when a client id does not show one. */
    private Optional<Set<String>> memberProcessIds() throws ExecutionException, InterruptedException,
            TimeoutException {
        Set<String> ids = new HashSet<>();
        if (streamsProtocol) {
            for (StreamsGroupMemberDescription m : admin.describeStreamsGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).members()) {
                ids.add(m.processId());
            }
        } else {
            for (MemberDescription m : admin.describeConsumerGroups(List.of(applicationId)).describedGroups()
                    .get(applicationId).get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).members()) {
                Matcher id = clientId.matcher(m.clientId());
                if (!id.matches()) {
                    return Optional.empty();
                }
                ids.add(id.group(1));
            }
        }
        KafkaStreams s = streams;
        if (s != null) {
            for (ThreadMetadata t : s.metadataForLocalThreads()) {
                Matcher own = clientId.matcher(t.consumerClientId());
                if (!own.matches()) {
                    return Optional.empty();
                }
                ids.add(own.group(1));
            }
        }
        return Optional.of(ids);
    }

    private String processId(String transactionalId) {
        Matcher m = this.transactionalId.matcher(transactionalId);
        return m.matches() ? m.group(1) : "";
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.warn(message);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
