package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper.Mapped;
import io.rtmstreams.app.follow.pmacct.PmacctModel.Best;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.contract.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.rtmstreams.app.follow.pmacct.PmacctCommandMapperTest.TESTS;
import static io.rtmstreams.app.follow.pmacct.PmacctCommandMapperTest.lines;
import static io.rtmstreams.app.follow.pmacct.PmacctCommandMapperTest.liveRecord;
import static io.rtmstreams.app.follow.pmacct.PmacctCommandMapperTest.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables the mapping leaves in the real processor (the production topology on a TopologyTestDriver) against
 * {@link PmacctModel}, computed from the same pmacct records without the mapper: per (router, rtmInstance, view,
 * prefix) the same best routes, each with the (preference, metric) of D28 and a neighbour among the model's best
 * paths, after withdraws and deletes (D25), peer downs and end-of-rib sweeps (D29) and dumps (D29, D30); and no
 * command fails. The records' timestamps are a collector clock, a millisecond a record, a dump file's records after
 * its live file's.
 */
class PmacctFinalTablesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"200-BMP-HUAWEI-locrib_instance", "201-BMP-CISCO-rd_instance",
            "202-BMP-CISCO-HUAWEI-multiple-sources", "204-BMP-CISCO-peer_down", "203-BMP-HUAWEI-dump",
            "207-BMP-CISCO-HUAWEI-multiple-sources-dump-spreading"})
    void shouldLeaveTheBestRoutesOfTheModel_D25_D28_D29_D30(String test, @TempDir Path dir) {
        List<String> lines = new ArrayList<>(lines(TESTS.resolve(test).resolve("output-bmp-00.json")));
        if (test.contains("dump")) {
            lines.addAll(lines(TESTS.resolve(test).resolve("output-bmp-dump-00.json")));
        }

        assertTheProcessorHasTheModelsTables(lines, dir);
    }

    /**
     * Live changes during a dump win over it (D29): a withdraw and an update of dumped routes after the dump_init
     * stay, a withdraw before it is undone by the dump.
     */
    @Test
    void shouldKeepTheLiveChangesThatCameAfterTheDumpInit_D29(@TempDir Path dir) {
        String test = "203-BMP-HUAWEI-dump";
        List<String> lines = new ArrayList<>(lines(TESTS.resolve(test).resolve("output-bmp-00.json")));
        List<String> dump = lines(TESTS.resolve(test).resolve("output-bmp-dump-00.json"));
        // the Loc-RIB routes: the file's Adj-RIB-In routes are pre-policy views of post-policy peers, not mapped
        List<String> dumpRoutes = dump.stream().filter(l -> l.contains("\"route_monitor\"")
                && l.contains("\"is_loc\": 1")).toList();
        lines.add(liveRecord(dumpRoutes.get(0), "withdraw", null));
        int init = dump.indexOf(dump.stream().filter(l -> l.contains("\"dump_init\"")).findFirst().orElseThrow());
        lines.addAll(dump.subList(0, init + 1));
        lines.add(liveRecord(dumpRoutes.get(1), "withdraw", null));
        lines.add(liveRecord(dumpRoutes.get(2), "update", 7L));
        lines.add(liveRecord(dumpRoutes.get(5), "withdraw", null));
        lines.addAll(dump.subList(init + 1, dump.size()));

        PmacctCommandMapper mapper = assertTheProcessorHasTheModelsTables(lines, dir);

        assertThat(mapper.tally().skipped()).containsEntry("dump route older than a live change", 3L);
    }

    /**
     * A new session of a peer (its peer_up again, without a peer_down: the router reconnected) right after a route
     * of the old one: the end-of-rib's sweep since the new peer_up removes what only the old session advertised,
     * that route included, though the mapper batches it with the new session's first route (D29, D25).
     */
    @Test
    void shouldSweepTheOldSessionsLastRouteThoughItWasBatchedWithTheNewSessionsFirst_D29_D25(@TempDir Path dir) {
        List<String> lines = new ArrayList<>(lines(TESTS.resolve("203-BMP-HUAWEI-dump").resolve("output-bmp-00.json")));
        String locPeerUp = lines.get(14);
        String oldRoute = lines.get(72);
        String newRoute = lines.get(73);
        String endOfRib = lines.get(82);
        assertThat(locPeerUp).contains("\"peer_up\"", "\"is_loc\": 1", "\"0:64499:11\"");
        assertThat(oldRoute).contains("\"12.34.56.78/32\"", "\"is_loc\": 1", "\"0:64499:11\"");
        assertThat(newRoute).contains("\"203.0.113.10/32\"", "\"is_loc\": 1", "\"0:64499:11\"");
        assertThat(endOfRib).contains("\"end-of-rib\"", "\"afi\": 1", "\"is_loc\": 1", "\"0:64499:11\"");
        lines.addAll(List.of(oldRoute, locPeerUp, newRoute, endOfRib));

        assertTheProcessorHasTheModelsTables(lines, dir);
    }

    /**
     * Maps the lines and compares the processor's tables with the model's at checkpoints: before each peer_down and
     * each run of pmacct's deletes (the files end with the session's deletes, which empty the tables), half way, and
     * at the end; the mapper's batches are flushed there, as the follow loop does before it commits.
     */
    private static PmacctCommandMapper assertTheProcessorHasTheModelsTables(List<String> lines, Path dir) {
        FollowState state = new FollowState();
        PmacctCommandMapper mapper = new PmacctCommandMapper(PmacctSettings.defaults("m-"), state);
        PmacctModel model = new PmacctModel();
        int tablesCompared = 0;
        int syncs = 0;
        try (ProcessorUnderTest processor = new ProcessorUnderTest(dir)) {
            List<MappedRecord> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Mapped mapped = mapper.map(lines.get(i).getBytes(StandardCharsets.UTF_8), time(i));
                assertThat(mapped).as(lines.get(i)).isInstanceOf(Mapped.Commands.class);
                out.addAll(((Mapped.Commands) mapped).records());
                model.apply(json(lines.get(i)), time(i));
                if (i == lines.size() - 1 || i == lines.size() / 2 || startsARemoval(lines, i + 1)) {
                    out.addAll(mapper.flush());
                    processor.apply(out);
                    syncs += (int) out.stream().filter(r -> r.record().kind() == Kind.SYNC).count();
                    out.clear();
                    tablesCompared += assertSameBestRoutes(processor.bestRoutes(), model.best(state::instances),
                            "after line " + i);
                }
            }
            List<JsonNode> results = processor.results();
            // ack ERRORS (D26): only failures and SYNCs are published, and every SYNC's comes after all before it (D30)
            assertThat(results).allSatisfy(r -> assertThat(r.path("status").asText()).as(r.toString())
                    .isEqualTo("NO_ERROR"));
            assertThat(results).filteredOn(r -> "SYNC".equals(r.path("op").asText())).hasSize(syncs);
        }
        assertThat(tablesCompared).as("best routes compared").isPositive();
        return mapper;
    }

    /** Whether line {@code i} is a peer_down or the first of a run of pmacct's deletes. */
    private static boolean startsARemoval(List<String> lines, int i) {
        return i < lines.size() && (lines.get(i).contains("\"peer_down\"")
                || isDelete(lines.get(i)) && !isDelete(lines.get(i - 1)));
    }

    private static boolean isDelete(String line) {
        return line.contains("\"bmp_msg_type\": \"internal\"");
    }

    /** The processor's best routes are the model's, each one of the model's tying best paths; how many there are. */
    private static int assertSameBestRoutes(Map<String, JsonNode> best, Map<String, Set<Best>> expected,
                                            String where) {
        assertThat(best.keySet()).as(where).containsExactlyInAnyOrderElementsOf(expected.keySet());
        best.forEach((key, route) -> assertThat(expected.get(key)).as(where + ": " + key).contains(new Best(
                route.path("neighbour").path("address").asText(), route.path("preference").asLong(),
                route.path("metric").asLong())));
        return best.size();
    }

    private static JsonNode json(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
