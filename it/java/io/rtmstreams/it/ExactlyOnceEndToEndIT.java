package io.rtmstreams.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end contract on the run's broker: embedded by default, external with {@code -Dkafka.bootstrap}. */
@ExtendWith(BrokerExtension.class)
class ExactlyOnceEndToEndIT extends ExactlyOnceEndToEndContract {

    private static TestBroker broker;

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Override
    protected String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
