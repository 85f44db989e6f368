package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import java.util.regex.Pattern;

/**
 * Drops the client's warning for one normal event of an application's first start: the stream thread subscribes to
 * the reroute topic (D23), an internal repartition topic, before the group leader's assignment has created it, so
 * the first metadata answers report it UNKNOWN_TOPIC_OR_PARTITION until it exists a moment later. Only answers
 * that name nothing but {@code *-repartition} topics are dropped; a missing input or output topic still shows.
 */
public final class InternalTopicNotYetCreatedNoise extends Filter<ILoggingEvent> {

    static final String NETWORK_CLIENT_LOGGER = "org.apache.kafka.clients.NetworkClient";
    private static final Pattern ONLY_REPARTITION_TOPICS = Pattern.compile("The metadata response from the cluster"
            + " reported a recoverable issue with correlation id \\d+ : \\{(\\S+-repartition=UNKNOWN_TOPIC_OR_PARTITION"
            + "(, )?)+}");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() == Level.WARN && event.getLoggerName().equals(NETWORK_CLIENT_LOGGER)
                && ONLY_REPARTITION_TOPICS.matcher(event.getFormattedMessage()).find()) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
