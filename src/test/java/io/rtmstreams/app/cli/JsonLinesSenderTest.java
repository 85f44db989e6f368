package io.rtmstreams.app.cli;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code produce}'s sending rules, on Kafka's mock producer: keys, topics, skipping, stopping, counting. */
class JsonLinesSenderTest {

    private static final Topics TOPICS = new Topics("lab.");
    private static final String REGISTER = "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"a\",\"router\":\"r1\","
            + "\"entity\":{\"protocolId\":8,\"instanceId\":1},\"family\":\"ipv4\"}";
    private static final String ADD_ROUTE = "{\"op\":\"ADD_ROUTE\",\"requestId\":\"b\",\"router\":\"r2\"}";
    private static final String INTERFACE = "{\"router\":\"r1\",\"notificationType\":\"INITIAL\",\"interface\":{}}";

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final StringWriter messages = new StringWriter();

    @Test
    void sendsEachLineAsItIsKeyedByItsRouterAndSkipsBlankLines() throws IOException {
        ProduceResult result = send(TopicChoice.AUTO, false, REGISTER, "", "   ", ADD_ROUTE);

        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
                .containsExactly(
                        tuple("lab.route-adverts", "r1", REGISTER),
                        tuple("lab.route-adverts", "r2", ADD_ROUTE));
        assertThat(result.sentByTopic()).isEqualTo(Map.of("lab.route-adverts", 2L));
        assertThat(result.skipped()).isZero();
        assertThat(result.failure()).isEmpty();
        assertThat(messages.toString()).isEmpty();
    }

    @Test
    void autoSendsInterfaceChangesToTheirTopic() throws IOException {
        ProduceResult result = send(TopicChoice.AUTO, false, REGISTER, INTERFACE);

        assertThat(topics()).containsExactly("lab.route-adverts", "lab.interface-changes");
        assertThat(result.sentByTopic()).isEqualTo(Map.of("lab.route-adverts", 1L, "lab.interface-changes", 1L));
    }

    @Test
    void anExplicitTopicTakesEveryLine() throws IOException {
        send(TopicChoice.INTERFACE_CHANGES, false, REGISTER, INTERFACE);
        assertThat(topics()).containsExactly("lab.interface-changes", "lab.interface-changes");

        producer.clear();
        send(TopicChoice.ROUTE_ADVERTS, false, INTERFACE);
        assertThat(topics()).containsExactly("lab.route-adverts");
    }

    @Test
    void reportsBadLinesWithTheirNumbersAndSendsTheRest() throws IOException {
        ProduceResult result = send(TopicChoice.AUTO, false, REGISTER, "", "not json", "{\"op\":\"X\"}", ADD_ROUTE);

        assertThat(producer.history()).hasSize(2);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.failure()).isEmpty();
        assertThat(messages.toString().lines()).containsExactly(
                "line 3 skipped: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false')",
                "line 4 skipped: no \"router\" field");
    }

    @Test
    void strictStopsAtTheFirstBadLineAfterSendingTheLinesBeforeIt() throws IOException {
        ProduceResult result = send(TopicChoice.AUTO, true, REGISTER, "[1]", ADD_ROUTE);

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("r1");
        assertThat(result.failure()).contains("line 2: not a JSON object (stopped there: --strict)");
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void manySkippedLinesAreCountedButOnlyTheFirstAreListed() throws IOException {
        String[] lines = IntStream.range(0, JsonLinesSender.REPORTED_SKIPS + 20).mapToObj(i -> "{}")
                .toArray(String[]::new);

        ProduceResult result = send(TopicChoice.AUTO, false, lines);

        assertThat(result.skipped()).isEqualTo(JsonLinesSender.REPORTED_SKIPS + 20);
        assertThat(messages.toString().lines()).hasSize(JsonLinesSender.REPORTED_SKIPS + 1)
                .last().isEqualTo("further skipped lines are counted, not listed");
    }

    @Test
    void aRecordTheBrokerRefusesEndsTheRunNamingItsLine() throws IOException {
        MockProducer<String, String> refusing = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                if (!record.key().equals("r2")) {
                    return super.send(record, callback);
                }
                RecordTooLargeException refusal = new RecordTooLargeException("too large");
                callback.onCompletion(null, refusal);
                return CompletableFuture.failedFuture(refusal);
            }
        };
        JsonLinesSender sender = new JsonLinesSender(refusing, TOPICS, TopicChoice.AUTO, false,
                ReadProgress.hidden(new PrintWriter(messages, true)));

        ProduceResult result = sender.send(lines(REGISTER, ADD_ROUTE, REGISTER, REGISTER));

        assertThat(result.failure()).contains("line 2 was not sent to lab.route-adverts: too large");
        assertThat(result.sent()).isEqualTo(1);
        assertThat(refusing.history()).hasSize(1);
    }

    @Test
    void aSendThatFailsAtOnceEndsTheRunToo() throws IOException {
        producer.sendException = new KafkaException("producer closed");

        ProduceResult result = send(TopicChoice.AUTO, false, REGISTER, ADD_ROUTE);

        assertThat(result.failure()).contains("line 1 was not sent to lab.route-adverts: producer closed");
        assertThat(result.sent()).isZero();
    }

    @Test
    void bytesThatAreNotUtf8EndTheRun() throws IOException {
        byte[] input = (REGISTER + "\n{\"router\":\"r\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));

        ProduceResult result = sender(TopicChoice.AUTO, false).send(reader);

        assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("the input is not valid UTF-8"));
    }

    @Test
    void theSummarySaysWhatWasSentWhereAndWhatWasSkipped() throws IOException {
        ProduceResult result = send(TopicChoice.AUTO, false, REGISTER, INTERFACE, ADD_ROUTE, "x");

        assertThat(result.summary()).matches("Sent 3 records in \\d+\\.\\d s \\([\\d,]+ records/s\\): "
                + "1 to lab.interface-changes, 2 to lab.route-adverts\\. Skipped 1 line\\.");
        assertThat(send(TopicChoice.AUTO, false).summary()).matches("Sent 0 records in \\d+\\.\\d s\\.");
    }

    private ProduceResult send(TopicChoice choice, boolean strict, String... lines) throws IOException {
        return sender(choice, strict).send(lines(lines));
    }

    private JsonLinesSender sender(TopicChoice choice, boolean strict) {
        return new JsonLinesSender(producer, TOPICS, choice, strict,
                ReadProgress.hidden(new PrintWriter(messages, true)));
    }

    private static BufferedReader lines(String... lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines)));
    }

    private List<String> topics() {
        return producer.history().stream().map(ProducerRecord::topic).collect(Collectors.toList());
    }
}
