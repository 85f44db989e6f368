package io.rtmstreams.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.rtmstreams.it.KafkaTestClients.KeyValue;
import static io.rtmstreams.it.KafkaTestClients.createTopic;
import static io.rtmstreams.it.KafkaTestClients.readAll;
import static io.rtmstreams.it.KafkaTestClients.records;
import static io.rtmstreams.it.KafkaTestClients.sendInTransaction;
import static io.rtmstreams.it.KafkaTestClients.transactionalProducer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the product's exactly-once output relies on, checked against whichever broker a subclass provides: topics
 * can be created, and a {@code read_committed} consumer sees exactly the records of committed transactions.
 */
abstract class ReadCommittedContract {

    /** The broker under test. */
    protected abstract String bootstrapServers();

    @Test
    void readCommittedConsumerSeesCommittedTransactionsAndNoAbortedOne() {
        String topic = createTopic(bootstrapServers(), "it-read-committed", 3);
        List<KeyValue> first = records("committed-first", 20);
        List<KeyValue> aborted = records("aborted", 20);
        List<KeyValue> second = records("committed-second", 20);

        try (KafkaProducer<String, String> producer = transactionalProducer(bootstrapServers())) {
            sendInTransaction(producer, topic, first, true);
            sendInTransaction(producer, topic, aborted, false);
            sendInTransaction(producer, topic, second, true);
        }

        assertThat(readAll(bootstrapServers(), topic, IsolationLevel.READ_COMMITTED))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(first.stream(), second.stream()).toList());
        assertThat(readAll(bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED))
                .as("the aborted records reached the log, so read_committed had something to skip")
                .containsAll(aborted);
    }

    @Test
    void readCommittedConsumerKeepsTheOrderOfCommittedRecordsWithinAPartition() {
        String topic = createTopic(bootstrapServers(), "it-read-committed-order", 1);
        List<KeyValue> first = records("first", 50);
        List<KeyValue> second = records("second", 50);

        try (KafkaProducer<String, String> producer = transactionalProducer(bootstrapServers())) {
            sendInTransaction(producer, topic, first, true);
            sendInTransaction(producer, topic, records("aborted", 50), false);
            sendInTransaction(producer, topic, second, true);
        }

        assertThat(readAll(bootstrapServers(), topic, IsolationLevel.READ_COMMITTED))
                .containsExactlyElementsOf(Stream.concat(first.stream(), second.stream()).toList());
    }
}
