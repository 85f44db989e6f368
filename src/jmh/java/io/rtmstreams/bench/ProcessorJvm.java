package io.rtmstreams.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One processor as users run it, for load runs with several instances: {@code java -jar rtm-streams.jar run} in a
 * JVM of its own against a given cluster, with its own data directory, query API port and log file. {@link #kill}
 * is SIGKILL: no commit, no flush, no leave-group.
 */
final class ProcessorJvm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** One answer of the query API: HTTP status (0: no connection), body, and who computed it. */
    record Answer(int status, String body, String servedBy) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private final String name;
    private final Path dir;
    private final Process process;
    private final Path log;
    private final int apiPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ProcessorJvm(String name, Path dir, Process process, Path log, int apiPort) {
        this.name = name;
        this.dir = dir;
        this.process = process;
        this.log = log;
        this.apiPort = apiPort;
    }

    /**
     * Starts {@code run} with {@code heap} as -Xmx on {@code bootstrap}, its data under {@code dir/name} and its log
     * in {@code dir/name.log}; {@code runArgs} are further options of {@code run}.
     */
    static ProcessorJvm start(String name, Path jar, String heap, String bootstrap, Path dir, int partitions,
                              List<String> runArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString(), "run",
                "--bootstrap-servers", bootstrap, "--data-dir", dir.resolve(name).toString(),
                "--partitions", String.valueOf(partitions), "--api-port", String.valueOf(port)));
        command.addAll(runArgs);
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ProcessorJvm(name, dir.resolve(name), p, log, port);
    }

    String name() {
        return name;
    }

    /** {@code host:port} as the instance advertises itself, and names itself in {@code X-Rtm-Served-By}. */
    String address() {
        return "127.0.0.1:" + apiPort;
    }

    /**
     * The transactional id of its stream thread under exactly-once: Kafka Streams forms it from the process id it
     * keeps in the state directory.
     */
    String transactionalId(String applicationId) throws IOException {
        JsonNode metadata = JSON.readTree(dir.resolve("state").resolve(applicationId)
                .resolve("kafka-streams-process-metadata").toFile());
        return applicationId + "-" + metadata.path("processId").asText() + "-1";
    }

    /** Waits until the query API says Kafka Streams is RUNNING. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!streamsState().equals("RUNNING")) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of "
                        + log + ":\n" + String.join("\n", tail()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not running within " + PATIENCE + "; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** The Kafka Streams state {@code /health} reports, or DOWN when the API does not answer. */
    String streamsState() {
        Answer a = get("/health");
        return a.status() == 200 ? a.json().path("streams").asText() : "DOWN";
    }

    /** GET {@code pathAndQuery} once. */
    Answer get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + pathAndQuery))
                .timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Rtm-Served-By").orElse(null));
        } catch (IOException e) {
            return new Answer(0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null);
        }
    }

    /** SIGSTOP ({@code frozen}) or SIGCONT: a frozen process keeps whatever transaction it has open. */
    void freeze(boolean frozen) throws IOException, InterruptedException {
        Process signal = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(process.pid()))
                .inheritIO().start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException("could not signal " + name);
        }
    }

    /** SIGKILL, waiting until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private List<String> tail() {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - 30), all.size());
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }

    /** The lines of its log from line {@code from} on. */
    List<String> logLines(int from) throws IOException {
        List<String> all = Files.readAllLines(log);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
