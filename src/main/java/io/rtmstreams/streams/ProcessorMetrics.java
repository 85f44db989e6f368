package io.rtmstreams.streams;

/**
 * What the table processor counts (commands by op and status, rejected records, best-route changes, timers fired,
 * records rerouted to their router's partition). The runtime counts them with {@link MeteredProcessorMetrics} on the
 * registry the query API serves; tests and the topology test driver use {@link #NONE}. Every count is a no-op unless an implementation counts it.
 */
public interface ProcessorMetrics {

    default void command(String op, String status) {
    }

    default void rejected(String topic) {
    }

    /** A best-route record of {@code router} was published (D21). */
    default void bestRouteChange(String router) {
    }

    default void timersFired(int count) {
    }

    /** A record of {@code topic} that was not on its router's partition took the reroute topic (D23). */
    default void rerouted(String topic) {
    }

    ProcessorMetrics NONE = new ProcessorMetrics() {
    };
}
