package io.rtmstreams.it;

import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one processor instance ({@link RtmRuntime}) in a JVM of its own, so a test can kill it the way an operating
 * system or an orchestrator does ({@code SIGKILL}: no shutdown hook, no commit, no leave-group). It starts the
 * runtime from its arguments, waits until Kafka Streams runs, writes the query API's port to the ready file, and then
 * runs until it is killed (or, on SIGTERM, closes the runtime).
 *
 * <p>Arguments: {@code <bootstrap servers> <data dir> <application id> <topic prefix> <partitions> <ready file>
 * [key=value ...]}, the key-value pairs passed to the Kafka clients.
 */
public final class ProcessorLauncher {

    private ProcessorLauncher() {
    }

    /** The command-line arguments that make the launcher run {@code app} with {@code kafkaProperties}. */
    static List<String> arguments(RtmTestApp app, String bootstrapServers, Path dataDir, Path readyFile,
                                  Map<String, String> kafkaProperties) {
        List<String> args = new ArrayList<>(List.of(bootstrapServers, dataDir.toString(),
                app.applicationId(), app.topics().prefix(), Integer.toString(app.partitions()), readyFile.toString()));
        kafkaProperties.forEach((k, v) -> args.add(k + "=" + v));
        return args;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: ProcessorLauncher <bootstrap> <data dir> <application id> "
                    + "<topic prefix> <partitions> <ready file> [key=value ...]");
        }
        Map<String, String> kafkaProperties = new LinkedHashMap<>();
        for (int i = 6; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            kafkaProperties.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        RtmTestApp app = new RtmTestApp("child", args[2], StreamsSettings.defaults().withTopics(new Topics(args[3])),
                Integer.parseInt(args[4]));
        RtmRuntime runtime = app.start(args[0], Path.of(args[1]), kafkaProperties);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "close-runtime"));

        Path ready = Path.of(args[5]);
        Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(partial, Integer.toString(runtime.api().port()), StandardCharsets.UTF_8);
        Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
