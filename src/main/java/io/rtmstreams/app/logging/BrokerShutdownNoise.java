package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the one warning a clean stop of the embedded broker writes: Kafka 4.3's broker closes the network client of
 * its channel to the controller twice while shutting down, and the second, harmless close logs "Attempting to close
 * NetworkClient that has already been closed" at WARN. The same warning from any other client still shows, as does
 * everything else the network client logs.
 */
public final class BrokerShutdownNoise extends TurboFilter {

    static final String NETWORK_CLIENT_LOGGER = "org.apache.kafka.clients.NetworkClient";
    private static final String CHANNEL = "[NodeToControllerChannelManager ";
    private static final String CLOSED_TWICE = "Attempting to close NetworkClient that has already been closed.";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level == Level.WARN && format != null && format.startsWith(CHANNEL) && format.endsWith(CLOSED_TWICE)
                && logger.getName().equals(NETWORK_CLIENT_LOGGER)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
