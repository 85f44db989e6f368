package io.rtmstreams.app;

import io.rtmstreams.it.BrokerExtension;
import io.rtmstreams.it.KafkaTestClients;
import io.rtmstreams.it.Waiting;
import io.rtmstreams.it.TestBroker;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OrphanTransactions} on a real broker, with the group members and transactions Kafka Streams would have: a
 * live instance (a member of the application's group with Kafka Streams' client id, and an open transaction) and a
 * dead one (an open transaction, no member). Only the dead instance's transaction is fenced; when the members'
 * client ids do not show process ids, nothing is.
 */
@ExtendWith(BrokerExtension.class)
class OrphanTransactionsIT {

    private static TestBroker broker;

    private final String app = "it-orphans-" + UUID.randomUUID().toString().substring(0, 8);
    private final String live = UUID.randomUUID().toString();
    private final String dead = UUID.randomUUID().toString();

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void fencesTheOpenTransactionOfAProcessThatIsNoMemberAndLeavesTheMembersAlone() throws Exception {
        String topic = KafkaTestClients.createTopic(broker.bootstrapServers(), app, 1);
        try (KafkaConsumer<String, String> member = joinedMember(topic, app + "-" + live + "-StreamThread-1-consumer");
             KafkaProducer<String, String> liveProducer = openTransaction(live, topic);
             KafkaProducer<String, String> deadProducer = openTransaction(dead, topic);
             Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            assertThat(orphans(admin).fenceOrphans()).isEqualTo(1);

            assertThat(ongoing(admin)).containsExactly(app + "-" + live + "-1");
            liveProducer.commitTransaction();
            assertThatThrownBy(deadProducer::commitTransaction).isInstanceOf(KafkaException.class);
        }
    }

    @Test
    void fencesNothingWhenTheMembersClientIdsDoNotShowProcessIds() throws Exception {
        String topic = KafkaTestClients.createTopic(broker.bootstrapServers(), app, 1);
        try (KafkaConsumer<String, String> member = joinedMember(topic, "rtm-west-1");
             KafkaProducer<String, String> deadProducer = openTransaction(dead, topic);
             Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            assertThat(orphans(admin).fenceOrphans()).isZero();

            assertThat(ongoing(admin)).containsExactly(app + "-" + dead + "-1");
            deadProducer.commitTransaction();
        }
    }

    /**
     * The hanging-transaction sweep never touches a transaction its coordinator still holds open, however old: here
     * the second transaction of a producer whose first one committed (with transaction version 2 every transaction
     * has an epoch of its own), looked at with no grace at all.
     */
    @Test
    void abortsNoTransactionThatItsCoordinatorStillHoldsOpen() throws Exception {
        String topic = KafkaTestClients.createTopic(broker.bootstrapServers(), app, 1);
        try (KafkaProducer<String, String> producer = openTransaction(live, topic);
             Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "second"));
            producer.flush();

            assertThat(new HangingTransactions(admin, app, new Topics("it."), Duration.ZERO).abortHanging()).isZero();

            assertThat(ongoing(admin)).containsExactly(app + "-" + live + "-1");
            producer.commitTransaction();
        }
    }

    private OrphanTransactions orphans(Admin admin) {
        return new OrphanTransactions(admin, app, false, new HangingTransactions(admin, app, new Topics("it."),
                Duration.ofSeconds(10)), Duration.ofSeconds(10));
    }

    /** A producer with the transactional id Kafka Streams gives thread 1 of {@code process}, in a transaction. */
    private KafkaProducer<String, String> openTransaction(String process, String topic) {
        KafkaProducer<String, String> producer = KafkaTestClients.transactionalProducer(broker.bootstrapServers(),
                app + "-" + process + "-1");
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k", process));
        producer.flush();
        return producer;
    }

    /** A member of the application's group under {@code clientId}, once the group has given it the topic. */
    private KafkaConsumer<String, String> joinedMember(String topic, String clientId) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, app,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        Waiting.polling(clientId + " getting a partition", () -> consumer.poll(Duration.ofMillis(100)),
                () -> !consumer.assignment().isEmpty(), () -> "no assignment yet");
        return consumer;
    }

    /** The application's ongoing transactions. */
    private List<String> ongoing(Admin admin) {
        return KafkaTestClients.await(admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.ONGOING))).all()).stream()
                .map(TransactionListing::transactionalId).filter(id -> id.startsWith(app + "-")).sorted().toList();
    }
}
