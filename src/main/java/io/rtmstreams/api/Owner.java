package io.rtmstreams.api;

import java.util.Objects;

/**
 * Which instance holds the state a query needs: this one (with the partition to read), another one (its API's
 * address, from Kafka Streams' {@code application.server}), or none that can answer now.
 */
public sealed interface Owner {

    /** This instance holds the active task of {@code partition}. */
    record Local(int partition) implements Owner {
    }

    /** Another instance does; its query API listens on {@code host:port}. */
    record Remote(String host, int port) implements Owner {
        public Remote {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Nobody can answer now (rebalancing, not started, or no instance owns the partition); {@code reason} says why. */
    record Unavailable(String reason) implements Owner {
    }
}
