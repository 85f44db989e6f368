package io.rtmstreams.app.loadgen;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Where the fleet's records go: keyed by router, commands and interface changes on their topics, none lost. */
class KafkaSinkTest {

    private static final Topics TOPICS = new Topics("lab.");

    @Test
    void sendsEachCommandKeyedByItsRouterToItsInputTopic() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        FleetShape shape = TestTables.shape(2, 4, 1, 1);
        FleetCommand register = new FleetCommand.Register("r2", "lg-register");
        FleetCommand up = shape.interfaceChange(0, "lg-if1-up", FleetCommand.InterfaceChange.Type.ADD_INSTANCE, 1,
                true);

        KafkaSink sink = new KafkaSink(producer, TOPICS);
        sink.send(register);
        sink.send(up);
        sink.flush();

        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
                .containsExactly(tuple("lab.route-adverts", "r2", CommandEncoder.encode(register)),
                        tuple("lab.interface-changes", "r1", CommandEncoder.encode(up)));
        assertThat(producer.history()).allMatch(r -> r.partition() == null);
    }

    @Test
    void aRecordTheBrokerRefusedFailsTheFlushAndEverySendAfterIt() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        KafkaSink sink = new KafkaSink(producer, TOPICS);
        FleetCommand sync = new FleetCommand.Sync("r1", "lg-sync-x", "x");

        sink.send(sync);
        producer.errorNext(new RecordTooLargeException("too large"));

        assertThatThrownBy(sink::flush).hasMessageContaining("a record was not sent: too large");
        assertThatThrownBy(() -> sink.send(sync)).hasMessageContaining("a record was not sent");
        assertThat(producer.history()).hasSize(1);
    }
}
