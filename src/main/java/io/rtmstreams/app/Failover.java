package io.rtmstreams.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast the instances of one application id take over from one that died (README, Fail-over). The time until a
 * killed instance's routers answer from a survivor is the longest of three clocks: the group noticing the silence
 * (the session timeout), the dead instance's open transaction ending (it holds back every read-committed reader of
 * the partitions it wrote, changelogs included, so the take-over cannot finish restoring before it ends: the
 * survivor fences it, {@link OrphanTransactions}, or the transaction timeout aborts it), and the restore of the
 * taken-over state (a standby replica already holds it).
 *
 * @param standbyReplicas    copies of every task's state kept warm on other instances; with one instance there is
 *                           nowhere to put them and nothing happens until a second one joins
 * @param sessionTimeout     how long the group coordinator waits for a silent instance's heartbeat before it moves the
 *                           instance's tasks (classic group protocol); a pause longer than this (GC, a VM stall, a
 *                           network partition) moves them too, needlessly
 * @param heartbeatInterval  how often an instance tells the coordinator it lives, and learns that a rebalance began;
 *                           below a third of the session timeout, so that one lost heartbeat is not fatal
 * @param transactionTimeout exactly-once: how long the coordinator lets a transaction stay open before it aborts it
 *                           and fences its producer; it must stay well above the longest transaction (D24 bounds
 *                           those under about 2 s), and it ends a dead instance's transaction when fencing cannot
 */
public record Failover(int standbyReplicas, Duration sessionTimeout, Duration heartbeatInterval,
                       Duration transactionTimeout) {

    public Failover {
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standby replicas must not be negative: " + standbyReplicas);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("the heartbeat interval (" + heartbeatInterval.toMillis()
                    + " ms) must be positive and shorter than the session timeout (" + sessionTimeout.toMillis()
                    + " ms)");
        }
        if (transactionTimeout.isNegative() || transactionTimeout.isZero()) {
            throw new IllegalArgumentException("the transaction timeout must be positive");
        }
    }

    /**
     * One standby; a 10 s session with 2 s heartbeats (Kafka's classic default was 10 s until 3.0; its 45 s default
     * is what kept a dead instance's routers unanswered for 46 s); transactions get Kafka Streams' 10 s, five times
     * the longest one D24 allows.
     */
    public static Failover defaults() {
        return new Failover(1, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public Failover withStandbyReplicas(int n) {
        return new Failover(n, sessionTimeout, heartbeatInterval, transactionTimeout);
    }

    public Failover withSessionTimeout(Duration session, Duration heartbeat) {
        return new Failover(standbyReplicas, session, heartbeat, transactionTimeout);
    }

    public Failover withTransactionTimeout(Duration timeout) {
        return new Failover(standbyReplicas, sessionTimeout, heartbeatInterval, timeout);
    }

    /**
     * The Kafka Streams properties these settings are. The group timeouts go to the consumers unprefixed, so that a
     * user's own {@code --kafka-property session.timeout.ms=...} replaces them rather than being shadowed.
     */
    Map<String, String> streamsProperties(boolean exactlyOnce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, String.valueOf(standbyReplicas));
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeout.toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(heartbeatInterval.toMillis()));
        if (exactlyOnce) {
            p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                    String.valueOf(transactionTimeout.toMillis()));
        }
        return p;
    }
}
