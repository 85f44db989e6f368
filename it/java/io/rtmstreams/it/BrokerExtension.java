package io.rtmstreams.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link TestBroker} parameters (of test methods, constructors and {@code @BeforeAll} methods) to one broker
 * shared by every test class of the run: starting a broker costs seconds, and tests stay independent through unique
 * topic names and transactional ids. The broker is stopped when JUnit closes its root store at the end of the run.
 *
 * <p>Tests that stop or restart a broker must start their own {@link io.rtmstreams.app.EmbeddedKafka} instead.
 */
public final class BrokerExtension implements ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(BrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public TestBroker resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(TestBroker.class, key -> startBroker(), TestBroker.class);
    }

    private static TestBroker startBroker() {
        TestBroker broker = TestBroker.fromSystemProperties();
        log.info("Integration tests use the {}", broker);
        return broker;
    }
}
