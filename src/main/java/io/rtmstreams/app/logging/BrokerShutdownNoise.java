package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the one warning a clean stop of the embedded broker writes: Kafka 4.3's broker closes the network client of
 * its channel to the controller twice while shutting down, and the second, harmless close logs "Attempting to close
 * NetworkClient that has already been closed" at WARN. The same warning from any other client still shows, as does
 * everything else the network client logs. An appender filter, like {@link RetriedTransactionNoise}.
 */
public final class BrokerShutdownNoise extends Filter<ILoggingEvent> {

    static final String NETWORK_CLIENT_LOGGER = "org.apache.kafka.clients.NetworkClient";
    private static final String CHANNEL = "[NodeToControllerChannelManager ";
    private static final String CLOSED_TWICE = "Attempting to close NetworkClient that has already been closed.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        if (event.getLevel() == Level.WARN && message != null && message.startsWith(CHANNEL)
                && message.endsWith(CLOSED_TWICE) && event.getLoggerName().equals(NETWORK_CLIENT_LOGGER)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
