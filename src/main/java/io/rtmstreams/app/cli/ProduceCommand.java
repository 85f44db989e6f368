package io.rtmstreams.app.cli;

import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Sends a file of JSON lines (commands, interface changes) to the input topics with an idempotent producer, keyed by
 * each line's router, and prints what it sent.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Sends JSON lines (one command or interface change per line, contract.md) to the input topics, keyed by "
                    + "each line's router, with an idempotent producer, and prints a summary.",
            "Lines that are not JSON objects with a valid router are reported with their line number and skipped."})
final class ProduceCommand implements Callable<Integer> {

    static final String STDIN = "-";

    private final Stdio stdio;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON lines to send; - reads standard input.")
    private String input;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topicOptions;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "${COMPLETION-CANDIDATES}: auto sends lines with a notificationType to interface-changes "
                    + "and all others to route-adverts.")
    private TopicChoice topic = TopicChoice.AUTO;

    @Option(names = "--strict", description = "Stop at the first line that cannot be sent instead of skipping it "
            + "(the lines before it are sent); exit code 1.")
    private boolean strict;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "${COMPLETION-CANDIDATES}: a progress bar on standard error while reading (auto: for a "
                    + "file, on an interactive terminal).")
    private ProgressMode progressMode = ProgressMode.AUTO;

    ProduceCommand(Stdio stdio) {
        this.stdio = stdio;
    }

    @Override
    public Integer call() throws Exception {
        Topics topics = topicOptions.topics();
        Map<String, String> client = cluster.clientProperties(kafka);
        ProduceResult result;
        try (InputStream raw = openInput()) {
            TopicCheck.require(client, topic.possibleTopics(topics), cluster.bootstrapServers());
            result = send(raw, topics, client);
        }
        spec.commandLine().getOut().println(result.summary());
        result.failure().ifPresent(reason -> spec.commandLine().getErr().println("produce: " + reason));
        return result.failure().isPresent() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private ProduceResult send(InputStream raw, Topics topics, Map<String, String> client) throws IOException {
        try (ReadProgress progress = progress(); Producer<String, String> producer = producer(client)) {
            return new JsonLinesSender(producer, topics, topic, strict, progress).send(utf8Lines(progress.track(raw)));
        }
    }

    private boolean readingFile() {
        return !STDIN.equals(input);
    }

    private InputStream openInput() throws IOException {
        if (!readingFile()) {
            return stdio.in();
        }
        try {
            return Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "FILE: no such file: " + input);
        }
    }

    private ReadProgress progress() throws IOException {
        PrintWriter messages = spec.commandLine().getErr();
        if (!progressMode.shows(readingFile(), stdio.interactive())) {
            return ReadProgress.hidden(messages);
        }
        long size = readingFile() ? Files.size(Path.of(input)) : -1;
        return ReadProgress.shown("produce", size, stdio.err(), messages);
    }

    /** Malformed UTF-8 is an error, not a silent replacement character in a router name. */
    private static BufferedReader utf8Lines(InputStream input) {
        return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /**
     * Throughput settings as in kafka-notes (batching, linger), then the pass-through properties, then idempotence,
     * which this command promises: a retried batch is never written twice.
     */
    static Map<String, Object> producerProperties(Map<String, String> client) {
        return producerProperties("rtm-streams-produce", client);
    }

    /** {@link #producerProperties(Map)} for another command's producer. */
    static Map<String, Object> producerProperties(String clientId, Map<String, String> client) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.putAll(client);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return properties;
    }

    private static Producer<String, String> producer(Map<String, String> client) {
        return new KafkaProducer<>(producerProperties(client), new StringSerializer(), new StringSerializer());
    }}
