package io.rtmstreams.app.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.contract.Json;
import io.rtmstreams.mrt.MrtInput;
import io.rtmstreams.mrt.MrtReader;
import io.rtmstreams.mrt.MrtRecord;
import io.rtmstreams.mrt.Peer;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An import: reads MRT files one after the other, maps their records ({@link MrtCommandMapper}) and produces the
 * commands and interface changes keyed by the router, with the MRT times as record timestamps. Before the first
 * command after new interface changes it waits for their results (the two input topics interleave by timestamp,
 * D30); at the end it waits for the SYNCs' results. Waits give up after {@code patience}, saying so.
 */
public final class ImportRun {

    /** Where an import reports its progress and the problems of its input. */
    public interface Listener {

        void file(Path file, long size);

        /** {@code fileBytes} of the current (compressed) file read so far; records and prefixes of the whole run. */
        void progress(long fileBytes, long records, long prefixes);

        void problem(String message);
    }

    private static final int PROGRESS_EVERY = 4_096;
    private static final int FIRST_FAILURES = 10;

    private final MrtCommandMapper mapper;
    private final String router;
    private final Topics topics;
    private final Producer<String, String> producer;
    private final CommandResults results;
    private final Duration patience;
    private final Listener listener;
    private final List<String> pendingInterfaces = new ArrayList<>();
    private final List<String> syncs = new ArrayList<>();
    private final AtomicReference<String> sendFailure = new AtomicReference<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> ignored = new TreeMap<>();
    private long records;

    public ImportRun(ImportSettings settings, Topics topics, Producer<String, String> producer,
                     CommandResults results, Duration patience, Listener listener) {
        this.mapper = new MrtCommandMapper(settings);
        this.router = settings.router();
        this.topics = topics;
        this.producer = producer;
        this.results = results;
        this.patience = patience;
        this.listener = listener;
    }

    public ImportSummary run(List<Path> files) throws IOException {
        long started = System.nanoTime();
        for (Path file : files) {
            read(file);
            send(mapper.endOfFile());
        }
        send(mapper.finish());
        producer.flush();
        checkSent();
        Duration sent = Duration.ofNanos(System.nanoTime() - started);
        Duration synced = null;
        if (!syncs.isEmpty()) {
            if (results.await(syncs, patience)) {
                synced = Duration.ofNanos(System.nanoTime() - started);
            } else {
                listener.problem("no SYNC result within " + patience.toSeconds() + " s: is the processor running "
                        + "on this cluster and topic prefix?");
            }
        }
        mapper.tally().skipped().forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
        List<String> firstFailures = results.failures().stream().limit(FIRST_FAILURES)
                .map(f -> f.requestId() + " " + f.op() + ": " + f.status() + (f.message() == null ? ""
                        : " (" + f.message() + ")")).toList();
        return new ImportSummary(files.size(), records, mapper.tally().routes(), mapper.tally().withdrawals(),
                mapper.tally().peerDowns(), mapper.interfaces(), skipped, ignored, results.failureCounts(),
                firstFailures, sent, synced);
    }

    private void read(Path file) throws IOException {
        listener.file(file, Files.size(file));
        try (CountingStream raw = new CountingStream(Files.newInputStream(file))) {
            MrtReader reader = new MrtReader(MrtInput.decompressed(raw), p -> listener.problem(file.getFileName()
                    + ": " + p));
            long fileRecords = 0;
            List<Peer> peers = List.of();
            for (MrtRecord record = reader.next(); record != null; record = reader.next()) {
                if (reader.peerIndexTable() != peers) {
                    peers = reader.peerIndexTable();
                    send(mapper.declarePeers(peers, record.epochMillis()));
                }
                send(mapper.map(record));
                if (++fileRecords % PROGRESS_EVERY == 0) {
                    progress(raw, reader);
                    checkSent();
                }
            }
            progress(raw, reader);
            records += reader.records();
            reader.skipped().forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
            reader.ignored().forEach((what, n) -> ignored.merge(what, n, Long::sum));
        }
    }

    private void progress(CountingStream raw, MrtReader reader) {
        listener.progress(raw.count, records + reader.records(), mapper.tally().routes() + mapper.tally().withdrawals());
    }

    private void send(List<ImportRecord> out) {
        for (ImportRecord r : out) {
            if (r.kind() == ImportRecord.Kind.INTERFACE) {
                produce(topics.interfaceChanges(), r);
                pendingInterfaces.add(r.requestId());
                continue;
            }
            awaitInterfaces();
            produce(topics.routeAdverts(), r);
            if (r.kind() == ImportRecord.Kind.SYNC) {
                syncs.add(r.requestId());
            }
        }
    }

    /** D30: the interface changes must be applied before the routes through them, across the two topics. */
    private void awaitInterfaces() {
        if (pendingInterfaces.isEmpty()) {
            return;
        }
        producer.flush();
        checkSent();
        if (!results.await(pendingInterfaces, patience)) {
            listener.problem("no result for " + pendingInterfaces.size() + " interface change(s) within "
                    + patience.toSeconds() + " s (is the processor running? does it answer with --results ERRORS?);"
                    + " sending the routes anyway");
        }
        pendingInterfaces.clear();
    }

    private void produce(String topic, ImportRecord r) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(r.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + r.requestId(), e);
        }
        producer.send(new ProducerRecord<>(topic, null, r.timestampMs(), router, json), (metadata, error) -> {
            if (error != null) {
                sendFailure.compareAndSet(null, r.requestId() + " was not sent to " + topic + ": "
                        + error.getMessage());
            }
        });
    }

    private void checkSent() {
        String failure = sendFailure.get();
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Counts the bytes of the (compressed) file read, for the percentage of the progress. */
    private static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
