package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.it.TimedFleetInput.Part;
import io.rtmstreams.it.TimedFleetInput.Timer;
import io.rtmstreams.streams.Placement;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.rtmstreams.it.OutputComparison.awaitSameOutputs;
import static io.rtmstreams.it.OutputComparison.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor stopped in the middle of its input - closed, or killed in a child JVM with SIGKILL - and started again
 * on the same state directory writes exactly what one uninterrupted run of the same input writes (the topology on
 * the test driver, {@link TopologyOracle}): no record lost, none twice (D19), the same route ids (D22) and versions
 * (D21). The TTLs and hold-downs armed before the stop whose deadlines pass while it is down fire after the start,
 * at their deadlines, by the wall clock: no record is stamped late enough to fire them (D8: a deadline that passed
 * while the processor was down fires on start-up). {@link TimedFleetInput} says why its output does not depend on
 * when timers fire.
 */
@ExtendWith(BrokerExtension.class)
class RestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RestartIT.class);
    private static final long SEED = 0x5E57A27L;
    private static final int PARTITIONS = 3;
    private static final String MARKER = "restart-it.marker";

    private static TestBroker broker;

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void closedMidStreamAndStartedAgainItWritesWhatAnUninterruptedRunWrites(@TempDir Path data) throws Exception {
        Story story = new Story(RtmTestApp.unique("restart", PARTITIONS), new TimedFleetInput(SEED),
                InputProducer.Partitioning.JAVA_DEFAULT);
        story.app.createTopics(bootstrap());
        try (CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), story.app.topics())) {
            story.closeMidStream(data, outputs);
            story.markTaskDirectories(data);
            story.send(Part.WHILE_DOWN, story.nextBase());
            story.waitUntilArmedTimersAreDue();
            try (RtmRuntime second = story.app.start(bootstrap(), data, Map.of())) {
                story.assertFinishesLikeAnUninterruptedRun(outputs);
                story.assertLocalStateSurvived(data, second);
            }
        }
    }

    /**
     * Its input is partitioned as librdkafka's default partitioner does (CRC32), which puts two of the three routers
     * on other partitions than their state's: exactly-once holds across the reroute topic's detour (D23). After the
     * restart, the indexes the table store derives from its destinations (rebuilt from what RocksDB kept and the
     * changelog's tail) are those of the uninterrupted run: deregistration cascades (the owner index, D3) and an
     * interface change (the interface index, D14) write what it writes, every route id answers as it does there
     * (the route index, R80), and the id counter goes on from where it stood (D22).
     */
    @Test
    void killedInAChildJvmMidStreamAndStartedAgainItWritesWhatAnUninterruptedRunWrites(@TempDir Path data,
                                                                                     @TempDir Path work)
            throws Exception {
        Story story = new Story(RtmTestApp.unique("kill", PARTITIONS), new TimedFleetInput(SEED + 1),
                InputProducer.Partitioning.CRC32);
        story.app.createTopics(bootstrap());
        // Static membership, the product's default (InstanceId, kept in the data directory): the restarted instance
        // takes the killed one's place in the group at once, instead of after the session timeout that a member
        // which never said goodbye otherwise holds its partitions for.
        Map<String, String> member = Map.of();
        try (CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), story.app.topics())) {
            story.send(Part.SETUP, System.currentTimeMillis());
            try (ChildProcessor child = ChildProcessor.start(story.app, bootstrap(), data, work, member)) {
                child.awaitReady();
                story.sendLiveHalvesAwaitingTheFirstQuarter(outputs);
                assertThat(child.kill()).as("exit status of the killed child").isEqualTo(137);
                story.stopped(System.currentTimeMillis(), outputs.readToLastStableOffset());
            }
            LOG.info("killed the child with {} of {} commands sent answered", story.answeredBeforeStop.size(),
                    story.sentAt.size());
            story.markTaskDirectories(data);
            story.send(Part.WHILE_DOWN, story.nextBase());
            story.waitUntilArmedTimersAreDue();
            try (RtmRuntime restarted = story.app.start(bootstrap(), data, member)) {
                story.assertFinishesLikeAnUninterruptedRun(outputs);
                story.assertLocalStateSurvived(data, restarted);
                story.assertIndexesAreThoseOfAnUninterruptedRun(outputs, restarted);
            }
        }
    }

    /**
     * A new instance, with none of the stopped one's local state, restores the table state from its changelog alone,
     * and the indexes it derives from the restored destinations are those of the uninterrupted run.
     */
    @Test
    void startedWithoutItsLocalStateItDerivesTheIndexesFromTheChangelog(@TempDir Path data, @TempDir Path elsewhere)
            throws Exception {
        Story story = new Story(RtmTestApp.unique("new-instance", PARTITIONS), new TimedFleetInput(SEED + 2),
                InputProducer.Partitioning.JAVA_DEFAULT);
        story.app.createTopics(bootstrap());
        try (CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), story.app.topics())) {
            story.closeMidStream(data, outputs);
            story.send(Part.WHILE_DOWN, story.nextBase());
            story.waitUntilArmedTimersAreDue();
            try (RtmRuntime restored = story.app.start(bootstrap(), elsewhere, Map.of())) {
                story.assertFinishesLikeAnUninterruptedRun(outputs);
                assertThat(restored.restoredRecords()).as("changelog records restored").isPositive();
                story.assertIndexesAreThoseOfAnUninterruptedRun(outputs, restored);
            }
        }
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    private static Set<String> answered(CommittedOutputs outputs) {
        return outputs.of("command-results").stream().map(r -> json(r.value()).path("requestId").asText())
                .collect(Collectors.toSet());
    }

    /** One test's input, what was sent when, and what was committed before the processor stopped. */
    private static final class Story {

        final RtmTestApp app;
        final TimedFleetInput input;
        final InputProducer.Partitioning partitioning;
        final List<RecordMetadata> written = new ArrayList<>();
        final List<Input> sent = new ArrayList<>();
        final Map<String, Long> sentAt = new HashMap<>();
        long liveBase;
        long stoppedAt;
        Map<String, List<OutputRecord>> beforeStop;
        Set<String> answeredBeforeStop;
        long restartedAt;
        List<Path> taskDirs;
        List<String> afterRestart = List.of();

        Story(RtmTestApp app, TimedFleetInput input, InputProducer.Partitioning partitioning) {
            this.app = app;
            this.input = input;
            this.partitioning = partitioning;
        }

        List<Input> send(Part part, long base) {
            return send(part, base, 0, 1);
        }

        /** Sends the {@code n}-th of {@code of} equal slices of a part; the part's times start at {@code base}. */
        List<Input> send(Part part, long base, int n, int of) {
            if (part == Part.LIVE) {
                liveBase = base;
            }
            List<Input> records = input.part(part, base);
            List<Input> slice = records.subList(records.size() * n / of, records.size() * (n + 1) / of);
            send(slice);
            return slice;
        }

        void send(List<Input> records) {
            try (InputProducer producer = new InputProducer(bootstrap(), app.topics(), partitioning)) {
                written.addAll(producer.send(records));
            }
            sent.addAll(records);
            records.stream().filter(r -> r.requestId() != null).forEach(r -> sentAt.put(r.requestId(), r.timestamp()));
        }

        /** Sends the setup, starts the processor, sends the live part and closes the processor in the middle of it. */
        void closeMidStream(Path data, CommittedOutputs outputs) throws Exception {
            send(Part.SETUP, System.currentTimeMillis());
            try (RtmRuntime first = app.start(bootstrap(), data, Map.of())) {
                sendLiveHalvesAwaitingTheFirstQuarter(outputs);
            }
            stopped(System.currentTimeMillis(), outputs.readToEnd());
            LOG.info("closed the processor with {} of {} commands sent answered", answeredBeforeStop.size(),
                    sentAt.size());
        }

        /**
         * Sends the first half of the live part, waits until the first quarter is answered, and sends the second
         * half: the processor is busy with the live part when the caller stops it right after.
         */
        void sendLiveHalvesAwaitingTheFirstQuarter(CommittedOutputs outputs) {
            List<Input> first = send(Part.LIVE, System.currentTimeMillis(), 0, 2);
            outputs.await("the results of the first quarter of the live part",
                    o -> answered(o).containsAll(requestIds(first.subList(0, first.size() / 2))));
            send(Part.LIVE, liveBase, 1, 2);
        }

        /** Where the times of the part after the live one start. */
        long nextBase() {
            return liveBase + input.span(Part.LIVE);
        }

        List<String> requestIds(List<Input> records) {
            return records.stream().map(Input::requestId).filter(id -> id != null).toList();
        }

        /** The processor stopped at {@code at}; {@code outputs} has read everything it committed. */
        void stopped(long at, CommittedOutputs outputs) {
            stoppedAt = at;
            beforeStop = outputs.snapshot();
            answeredBeforeStop = answered(outputs);
        }

        long deadline(Timer t) {
            return sentAt.get(t.armedBy()) + TimedFleetInput.TIMER_MS;
        }

        /** Timers armed by a command answered before the stop, which were still running then. */
        List<Timer> armedAndRunningAtStop() {
            return input.timers().stream()
                    .filter(t -> answeredBeforeStop.contains(t.armedBy()) && deadline(t) > stoppedAt).toList();
        }

        void waitUntilArmedTimersAreDue() {
            List<Timer> running = armedAndRunningAtStop();
            assertThat(running).as("timers armed before the stop and still running at it").isNotEmpty();
            Waiting.untilClockPasses(running.stream().mapToLong(this::deadline).max().orElseThrow());
            restartedAt = System.currentTimeMillis();
        }

        void assertFinishesLikeAnUninterruptedRun(CommittedOutputs outputs) {
            assertTimersThatFellDueWhileDownFiredAtTheirDeadlines(assertWritesWhatAnUninterruptedRunWrites(outputs));
        }

        /** Every output topic holds what one uninterrupted run of everything sent writes; returns them. */
        Map<String, List<OutputRecord>> assertWritesWhatAnUninterruptedRunWrites(CommittedOutputs outputs) {
            Map<String, List<OutputRecord>> expected = TopologyOracle.run(app.settings(), sent, lastDeadline() + 1_000);
            assertExercised(expected);
            if (partitioning != InputProducer.Partitioning.JAVA_DEFAULT) {
                assertThat(IntStream.range(0, sent.size()).filter(i -> sent.get(i).key() != null
                        && written.get(i).partition() != Placement.partition(sent.get(i).key(), PARTITIONS)).count())
                        .as("records written off their router's partition").isGreaterThan(sent.size() / 3);
            }
            return awaitSameOutputs(outputs, expected, app.topics().prefix());
        }

        /**
         * Marks every task directory the stopped processor left in its state directory, so that
         * {@link #assertLocalStateSurvived} can tell whether the restart kept them. Under exactly-once without
         * transactional state stores, a task that was not closed cleanly is wiped on start-up (its directory
         * deleted) and restored from the changelog; with them (KIP-892) only what the last commit had not yet
         * flushed is restored.
         */
        void markTaskDirectories(Path data) throws IOException {
            taskDirs = taskDirectories(data);
            assertThat(taskDirs).as("task directories of the stopped processor")
                    .anyMatch(d -> d.getFileName().toString().startsWith("0_"));
            for (Path d : taskDirs) {
                Files.writeString(d.resolve(MARKER), "written by RestartIT before the restart");
            }
        }

        /** Every task directory marked before the restart is still there, with its marker: nothing was wiped. */
        void assertLocalStateSurvived(Path data, RtmRuntime restarted) throws IOException {
            LOG.info("the restart restored {} changelog records into the {} task directories it kept",
                    restarted.restoredRecords(), taskDirs.size());
            assertThat(taskDirs).as("task directories kept through the restart (none wiped)")
                    .allMatch(d -> Files.exists(d.resolve(MARKER)));
            assertThat(taskDirectories(data)).containsAll(taskDirs);
        }

        private List<Path> taskDirectories(Path data) throws IOException {
            Path app = data.resolve("state").resolve(this.app.applicationId());
            try (Stream<Path> dirs = Files.list(app)) {
                return dirs.filter(d -> d.getFileName().toString().matches("\\d+_\\d+")).sorted().toList();
            }
        }

        /**
         * The indexes the table store derives from its destinations (D3's owner index, D14's interface index, the
         * route index of R80 and R121) and the id counter (D22) are those of the uninterrupted run: a deregistration
         * cascade, an interface change and new routes after the restart write what it writes, every route id
         * answers as it does there, and no id is handed out twice.
         */
        void assertIndexesAreThoseOfAnUninterruptedRun(CommittedOutputs outputs, RtmRuntime restarted) {
            sendAfterRestart(outputs);
            assertWritesWhatAnUninterruptedRunWrites(outputs);
            assertRoutesByIdAnswerAsAfterAnUninterruptedRun(new QueryClient(restarted.api().port()));
            assertNoRouteIdHandedOutTwice(outputs);
        }

        /**
         * Sends {@link Part#AFTER_RESTART} (stamped now, after every deadline) a run of one input topic at a time,
         * each after the one before is answered, so that the processor takes the two topics in the order sent.
         */
        void sendAfterRestart(CommittedOutputs outputs) {
            List<Input> part = input.part(Part.AFTER_RESTART, System.currentTimeMillis());
            afterRestart = requestIds(part);
            for (int from = 0, to; from < part.size(); from = to) {
                String topic = part.get(from).topic();
                to = from;
                while (to < part.size() && part.get(to).topic().equals(topic)) {
                    to++;
                }
                List<Input> run = part.subList(from, to);
                send(run);
                outputs.await("the results of the records sent after the restart",
                        o -> answered(o).containsAll(requestIds(run)));
            }
        }

        void assertRoutesByIdAnswerAsAfterAnUninterruptedRun(QueryClient api) {
            SortedMap<String, String> expected = TopologyOracle.query(app.settings(), sent, lastDeadline() + 1_000,
                    domain -> RouteIdAnswers.of(domain, routers()));
            assertThat(expected).as("routes by id of the uninterrupted run").hasSizeGreaterThan(100);
            assertThat(expected.values()).as("live and deleted routes (R80) among them")
                    .anyMatch(a -> a.contains("\"state\":\"CREATED\""))
                    .anyMatch(a -> a.contains("\"state\":\"DELETED\""));
            assertThat(RouteIdAnswers.of(api, expected)).isEqualTo(expected);
        }

        /** The routes added after the restart got ids that no route had before the kill. */
        void assertNoRouteIdHandedOutTwice(CommittedOutputs outputs) {
            long before = routeIds(beforeStop.get("command-results")).max().orElseThrow();
            assertThat(routeIds(outputs.of("command-results").stream()
                    .filter(r -> afterRestart.contains(json(r.value()).path("requestId").asText())).toList()))
                    .as("ids of the routes added after the restart").isNotEmpty().allMatch(id -> id > before);
        }

        private static java.util.stream.LongStream routeIds(List<OutputRecord> results) {
            return results.stream().map(r -> json(r.value())).filter(v -> v.path("op").asText().equals("ADD_ROUTE")
                    && v.has("routeId")).mapToLong(v -> v.path("routeId").asLong());
        }

        private long lastDeadline() {
            return input.timers().stream().mapToLong(this::deadline).max().orElseThrow();
        }

        private Set<String> routers() {
            return sent.stream().filter(i -> i.key() != null).map(i -> new String(i.key(),
                    java.nio.charset.StandardCharsets.UTF_8)).filter(io.rtmstreams.rtm.TableId::isRouter)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        /** The uninterrupted run did what the input is meant to do, so equal outputs mean something. */
        private static void assertExercised(Map<String, List<OutputRecord>> expected) {
            assertThat(values(expected, "dest-changes", "cause")).contains("ADD_ROUTE", "DELETE_ROUTE", "EXPIRED",
                    "HOLD_EXPIRED", "DEREGISTER", "INTERFACE");
            assertThat(values(expected, "entity-events", "event")).contains("ENTITY_REGISTERED",
                    "ENTITY_DEREGISTERED", "ROUTE_EXPIRED");
            assertThat(values(expected, "command-results", "status")).contains("NO_ERROR", "ERROR_NOT_FOUND",
                    "ERROR_INVALID_PARAMETER", "ERROR_INVALID_HANDLE", "ERROR_NOT_SUPPORTED");
            assertThat(expected.get("rejected")).isNotEmpty();
            assertThat(expected.get("best-routes")).anyMatch(OutputRecord::tombstone);
            assertThat(expected.get("notifications")).isNotEmpty();
            assertThat(expected.get("fleet-routes")).isNotEmpty();
        }

        private static Set<String> values(Map<String, List<OutputRecord>> out, String topic, String field) {
            return out.get(topic).stream().filter(r -> !r.tombstone()).map(r -> json(r.value()).path(field).asText())
                    .collect(Collectors.toSet());
        }

        private void assertTimersThatFellDueWhileDownFiredAtTheirDeadlines(Map<String, List<OutputRecord>> actual) {
            List<Timer> dueWhileDown = armedAndRunningAtStop().stream()
                    .filter(t -> deadline(t) <= restartedAt).toList();
            assertThat(dueWhileDown).as("timers that fell due while the processor was down").isNotEmpty();
            long lastRecord = sent.stream().mapToLong(Input::timestamp).max().orElseThrow();
            for (Timer t : dueWhileDown) {
                assertThat(deadline(t)).as("%s is due after every record's time, so only the wall clock fires it", t)
                        .isGreaterThan(lastRecord);
                assertThat(firings(beforeStop, t)).as("%s fired before the stop", t).isEmpty();
                assertThat(firings(actual, t)).as("%s fired once, at its deadline", t).hasSize(1)
                        .allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(deadline(t)));
            }
        }

        /** The records that show {@code t} firing: EXPIRED or HOLD_EXPIRED changes, or ROUTE_EXPIRED events. */
        private static List<OutputRecord> firings(Map<String, List<OutputRecord>> out, Timer t) {
            return out.get(t.outputTopic()).stream().filter(r -> r.key().equals(t.outputKey())).filter(r -> {
                JsonNode v = json(r.value());
                return switch (t.kind()) {
                    case TTL_DELETE -> v.path("cause").asText().equals("EXPIRED");
                    case HOLD_DOWN -> v.path("cause").asText().equals("HOLD_EXPIRED");
                    case TTL_NOTIFY -> v.path("event").asText().equals("ROUTE_EXPIRED")
                            && v.path("route").path("dest").asText().equals(t.prefix());
                };
            }).toList();
        }
    }
}
