package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters as the shipped logback.xml installs them, fed the lines Kafka 4.3 and 4.4 write. */
class ShippedLogFiltersTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    @BeforeEach
    void configureAsShipped() throws Exception {
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(context);
        config.doConfigure(getClass().getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        console.getCopyOfAttachedFiltersList().forEach(seen::addFilter);
        assertThat(seen.getCopyOfAttachedFiltersList()).hasSize(4);
        seen.setContext(context);
        seen.start();
        root.detachAppender(console);
        root.addAppender(seen); // sees what the console would print
    }

    @Test
    void dropsTheBrokersErrorForARetriedBatchOfANewTransaction() {
        broker().error("[ReplicaManager broker=1] Error processing append operation on partition x:out-0",
                new OutOfOrderSequenceException("Invalid sequence number for producer 1 at offset 106 in partition"
                        + " out-0: 65 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent"
                        + " producer with no existing state."));

        assertThat(seen.list).isEmpty();
    }

    @Test
    void keepsTheBrokersOtherErrors() {
        broker().error("Error processing append operation on partition x:out-0", new OutOfOrderSequenceException(
                "Out of order sequence number for producer 1 at offset 9 in partition out-0: 51 (incoming seq."
                        + " number), 49 (current end sequence number)"));
        broker().error("Error processing append operation on partition x:out-0",
                new IllegalStateException("for transactions v2 idempotent producer with no existing state"));

        assertThat(seen.list).hasSize(2);
    }

    @Test
    void dropsTheClientsWarningsForRetriedTransactionAnswersOnly() {
        sender(14, 2147483646, "CONCURRENT_TRANSACTIONS");
        sender(15, 2147483645, "OUT_OF_ORDER_SEQUENCE_NUMBER");
        assertThat(seen.list).isEmpty();

        sender(16, 2147483646, "NOT_LEADER_OR_FOLLOWER");
        sender(17, 0, "CONCURRENT_TRANSACTIONS");
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("correlation id 16")).anyMatch(m -> m.contains("correlation id 17"))
                .hasSize(2);
    }

    @Test
    void dropsTheEmbeddedBrokersSecondCloseOfItsControllerChannel() {
        networkClient().warn("[NodeToControllerChannelManager id=1 name=registration] Attempting to close"
                + " NetworkClient that has already been closed.");

        assertThat(seen.list).isEmpty();
    }

    @Test
    void keepsTheNetworkClientsOtherWarnings() {
        networkClient().warn("[Producer clientId=app-StreamThread-1-producer] Attempting to close NetworkClient that"
                + " has already been closed.");
        networkClient().warn("[NodeToControllerChannelManager id=1 name=registration] Connection to node 1"
                + " (localhost/127.0.0.1:9093) could not be established. Node may not be available.");

        assertThat(seen.list).hasSize(2);
    }

    @Test
    void dropsTheFirstStartsMetadataWarningForTheRerouteTopicOnly() {
        networkClient().warn("[Consumer clientId=app-StreamThread-1-consumer, groupId=app] The metadata response from"
                + " the cluster reported a recoverable issue with correlation id 2 :"
                + " {app-reroute-repartition=UNKNOWN_TOPIC_OR_PARTITION}");
        assertThat(seen.list).isEmpty();

        networkClient().warn("[Consumer clientId=app-StreamThread-1-consumer, groupId=app] The metadata response from"
                + " the cluster reported a recoverable issue with correlation id 3 :"
                + " {app-reroute-repartition=UNKNOWN_TOPIC_OR_PARTITION, rtm.route-adverts=UNKNOWN_TOPIC_OR_PARTITION}");
        networkClient().warn("[Producer clientId=p] The metadata response from the cluster reported a recoverable"
                + " issue with correlation id 4 : {rtm.best-routes=UNKNOWN_TOPIC_OR_PARTITION}");
        assertThat(seen.list).hasSize(2);
    }

    @Test
    void dropsTheAssignorsWarningForAStandbyWithNoInstanceToLiveOnOnly() {
        Logger assignor = context.getLogger(UnplacedStandbyNoise.ASSIGNMENT_PACKAGE + "DefaultStandbyTaskAssignor");
        assignor.warn("Unable to assign {} of {} standby tasks for task [{}]. There is not enough available capacity."
                + " You should increase the number of application instances to maintain the requested number of"
                + " standby replicas.", 1, 1, "0_3");
        assertThat(seen.list).isEmpty();

        assignor.warn("Unable to assign standby tasks: no client tags configured");
        context.getLogger("org.apache.kafka.streams.processor.internals.StreamThread").warn("Unable to assign 1 of 1"
                + " standby tasks for task [0_3].");
        assertThat(seen.list).hasSize(2);
    }

    private Logger networkClient() {
        return context.getLogger(BrokerShutdownNoise.NETWORK_CLIENT_LOGGER);
    }

    /** The Sender's retry warning as Kafka's LogContext hands it to the logger: formatted and prefixed. */
    private void sender(int correlationId, int attemptsLeft, String error) {
        context.getLogger(RetriedTransactionNoise.SENDER_LOGGER).warn("[Producer clientId=app-StreamThread-1-producer,"
                + " transactionalId=app-0_0] Got error produce response with correlation id " + correlationId
                + " on topic-partition rtm.best-routes-0, retrying (" + attemptsLeft + " attempts left). Error: "
                + error);
    }

    private Logger broker() {
        return context.getLogger(RetriedTransactionNoise.BROKER_LOGGER);
    }
}
