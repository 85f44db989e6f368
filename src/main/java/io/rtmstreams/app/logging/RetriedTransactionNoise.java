package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import java.util.regex.Pattern;

/**
 * Drops the log lines of one normal, retried event of exactly-once on Kafka 4 (transactions v2, KIP-890): the first
 * produce of a new transaction can reach a partition before the previous transaction's marker is written, and is
 * answered CONCURRENT_TRANSACTIONS; the batches behind it are then answered OUT_OF_ORDER_SEQUENCE_NUMBER because
 * the partition has no state for the producer yet (KAFKA-18202 made that retriable). The client retries and the
 * transaction commits, yet the broker logs an ERROR with a stack trace per batch and the client a WARN. Nothing
 * else is filtered: the same errors with other causes, and the last retry, still show.
 *
 * <p>An appender filter, not a turbo filter: it sees only events that passed their logger's level, so the clients'
 * many disabled debug and trace calls per record cost nothing more than the level check.
 */
public final class RetriedTransactionNoise extends Filter<ILoggingEvent> {

    static final String BROKER_LOGGER = "kafka.server.ReplicaManager";
    static final String SENDER_LOGGER = "org.apache.kafka.clients.producer.internals.Sender";
    private static final String OUT_OF_ORDER = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
    private static final String EMPTY_STATE = "for transactions v2 idempotent producer with no existing state";
    /** The Sender's retry line; Kafka's log context formats it before it reaches the logger. */
    private static final Pattern RETRIED = Pattern.compile("Got error produce response with correlation id \\d+ on"
            + " topic-partition \\S+, retrying \\([1-9]\\d* attempts left\\)\\. Error:"
            + " (CONCURRENT_TRANSACTIONS|OUT_OF_ORDER_SEQUENCE_NUMBER)\\b");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() == Level.ERROR && event.getLoggerName().equals(BROKER_LOGGER)) {
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null && t.getClassName().equals(OUT_OF_ORDER) && t.getMessage() != null
                    && t.getMessage().contains(EMPTY_STATE)) {
                return FilterReply.DENY;
            }
        }
        if (event.getLevel() == Level.WARN && event.getLoggerName().equals(SENDER_LOGGER)
                && RETRIED.matcher(event.getFormattedMessage()).find()) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
