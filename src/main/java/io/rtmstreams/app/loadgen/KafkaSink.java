package io.rtmstreams.app.loadgen;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the commands to the input topics keyed by their router, so the Java client's default partitioner puts each
 * router's records on its partition (D2) and keeps their order. The first record the broker refuses fails the next
 * send or flush: a load that silently lost records would measure something else.
 */
public final class KafkaSink implements LoadRun.Sink, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaSink(Producer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public void send(FleetCommand command) {
        check();
        String topic = CommandEncoder.topic(command, topics);
        producer.send(new ProducerRecord<>(topic, command.router(), CommandEncoder.encode(command)),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        check();
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("a record was not sent: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
