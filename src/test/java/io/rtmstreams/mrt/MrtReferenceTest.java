package io.rtmstreams.mrt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader against every MRT file of ../shared/data/raw/mrt: each entry equal, in order, to the bgpdump-normalized
 * reference of ../shared/data/normalized (peer, prefix, next hop, AS-path length, origin, MED, local-pref, origin
 * AS; withdrawals and state changes with their times).
 */
class MrtReferenceTest {

    static final Path DATA = Path.of("..", "shared", "data");
    static final Path RAW = DATA.resolve("raw/mrt");

    /**
     * A raw file and its normalized reference. bgpdump prints the withdrawals of the deprecated BGP type (5) with
     * the peer's address in place of the prefix's (two inet_ntoa calls in one printf share its static buffer), so
     * for those files only the prefix length of a withdrawal is compared; and it glues an announcement's
     * communities to its MED without a separator ({@code 0} and {@code 8918:60} make {@code 08918:60}).
     */
    record Pair(String raw, String reference, boolean legacyWithdrawals) {

        Pair(String raw, String reference) {
            this(raw, reference, false);
        }

        boolean updates() {
            return reference.startsWith("updates/");
        }

        @Override
        public String toString() {
            return raw.substring(raw.lastIndexOf('/') + 1);
        }
    }

    static final List<Pair> FILES = List.of(
            new Pair("CAIDA-libbgpstream/test-dumps/routeviews.route-views.jinx.ribs.1401487200.bz2",
                    "rib/routeviews-jinx.rib.20140530.2200.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/bview.20020722.2337.gz", "rib/ris.bview.20020722.2337.txt.gz"),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc00/2000.01/bview.20000111.0032.gz",
                    "rib/ris-rrc00.bview.20000111.0032.txt.gz"),
            new Pair("hadiasghari-pyasn/data/rib.20080501.0644_firstMB.bz2",
                    "rib/routeviews.rib.20080501.0644.firstMB-partial.txt.gz"),
            new Pair("hadiasghari-pyasn/data/rib.20140523.0600_firstMB.bz2",
                    "rib/routeviews.rib.20140523.0600.firstMB-partial.txt.gz"),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc00/1999.09/updates.19990903.1041.gz",
                    "updates/ris-rrc00.updates.19990903.1041.txt.gz", true),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc00/1999.12/updates.19991214.1621.gz",
                    "updates/ris-rrc00.updates.19991214.1621.txt.gz", true),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc00/2000.01/updates.20000102.2014.gz",
                    "updates/ris-rrc00.updates.20000102.2014.txt.gz", true),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc01/2000.11/updates.20001104.0124.gz",
                    "updates/ris-rrc01.updates.20001104.0124.txt.gz"),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc03/2010.02/updates.20100227.1600.first-796-records.gz",
                    "updates/ris-rrc03.updates.20100227.1600.first796.txt.gz"),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc15/2010.02/updates.20100227.1600.gz",
                    "updates/ris-rrc15.updates.20100227.1600.txt.gz"),
            new Pair("bgpkit-parser/tests/fixtures/ripe/rrc15/2010.02/updates.20100227.1610.gz",
                    "updates/ris-rrc15.updates.20100227.1610.txt.gz"),
            new Pair("CAIDA-libbgpstream/test-dumps/ris.rrc06.updates.1401488100.gz",
                    "updates/ris-rrc06.updates.20140530.2215.txt.gz"),
            new Pair("CAIDA-libbgpstream/test/ris.rrc06.updates.1427846400.gz",
                    "updates/ris-rrc06.updates.20150401.0000.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.20020722.2238.gz",
                    "updates/ris.updates.20020722.2238.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.20070211.0141.gz",
                    "updates/ris.updates.20070211.0141.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.20071015.1505.gz",
                    "updates/ris.updates.20071015.1505.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.20100722.2015.gz",
                    "updates/ris.updates.20100722.2015.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.et-header.2015.gz",
                    "updates/ris.updates.et-header.2015.txt.gz"),
            new Pair("RIPE-NCC-bgpdump/test_data/updates.long_withdrawal.gz",
                    "updates/ris.updates.long_withdrawal.txt.gz"),
            new Pair("CAIDA-libbgpstream/test-dumps/routeviews.route-views.jinx.updates.1401493500.bz2",
                    "updates/routeviews-jinx.updates.20140530.2345.txt.gz"),
            new Pair("CAIDA-libbgpstream/test/routeviews.route-views.jinx.updates.1427846400.bz2",
                    "updates/routeviews-jinx.updates.20150401.0000.txt.gz"));

    /** Damaged on purpose (bgpkit-parser's fixture notes): two record boundaries are broken. */
    static final Pair DAMAGED = new Pair("bgpkit-parser/tests/fixtures/ripe/rrc00/2000.03/updates.20000325.0345.gz",
            "updates/ris-rrc00.updates.20000325.0345.txt.gz", true);

    static Stream<Pair> files() {
        return FILES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldReadEveryEntryAsBgpdumpDoes(Pair pair) throws IOException {
        List<MrtProblem> problems = new ArrayList<>();
        long compared;
        try (BufferedReader reference = reference(pair)) {
            compared = compare(pair, reference, Long.MAX_VALUE, problems);
            assertThat(nextReference(reference, pair)).as("reference lines left after %d entries; problems %s",
                    compared, problems).isNull();
        }
        assertThat(compared).isPositive();
    }

    /**
     * bgpdump follows the damaged record's length and prints 2,042 withdrawals of garbage (peer 0.5.0.3, IPv4
     * prefixes of length 117) before it stops at the next broken header; the reader skips both damaged places and
     * reads on. What it reads after them is what bgpdump prints for the intact stretches on their own (files cut at
     * offsets 198 and 4568: 198 and 5,483 lines, compared by hand).
     */
    @Test
    void shouldReadPastTheDamagedRecordsThatBgpdumpMisreads() throws IOException {
        try (BufferedReader reference = reference(DAMAGED)) {
            assertThat(compare(DAMAGED, reference, 4, new ArrayList<>())).isEqualTo(4);
            assertThat(nextReference(reference, DAMAGED)).startsWith("953955944000000|W|0.5.0.3|13937|");
        }
        List<MrtProblem> problems = new ArrayList<>();
        assertThat(entries(DAMAGED, problems)).isEqualTo(4 + 198 + 5_483);
        assertThat(problems).extracting(MrtProblem::offset).containsExactly(188L, 188L, 4554L, 4554L);
        assertThat(problems.get(1).message()).isEqualTo("skipped 10 damaged bytes; records resume at offset 198");
    }

    /** Compares the first {@code limit} entries of a file with the reference; returns how many it compared. */
    private static long compare(Pair pair, BufferedReader reference, long limit, List<MrtProblem> problems)
            throws IOException {
        long compared = 0;
        try (InputStream raw = Files.newInputStream(RAW.resolve(pair.raw()))) {
            MrtReader reader = new MrtReader(MrtInput.decompressed(raw), problems::add);
            for (MrtRecord record = reader.next(); record != null && compared < limit; record = reader.next()) {
                for (String line : BgpdumpLines.of(record, pair.legacyWithdrawals())) {
                    String expected = legacyMed(nextReference(reference, pair), line, pair);
                    assertThat(line).as("entry %d (record at offset %d); problems so far %s", compared + 1,
                            record.offset(), problems).isEqualTo(expected);
                    compared++;
                }
            }
        }
        return compared;
    }

    private static long entries(Pair pair, List<MrtProblem> problems) throws IOException {
        long entries = 0;
        try (InputStream raw = Files.newInputStream(RAW.resolve(pair.raw()))) {
            MrtReader reader = new MrtReader(MrtInput.decompressed(raw), problems::add);
            for (MrtRecord record = reader.next(); record != null; record = reader.next()) {
                entries += BgpdumpLines.of(record, false).size();
            }
        }
        return entries;
    }

    @Test
    void shouldCoverEveryMrtFileOfTheData() throws IOException {
        try (Stream<Path> walk = Files.walk(RAW)) {
            List<String> mrt = walk.filter(Files::isRegularFile)
                    .map(p -> RAW.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches(".*(updates|bview|ribs?)\\..*\\.(gz|bz2)"))
                    .sorted().toList();
            assertThat(Stream.concat(FILES.stream(), Stream.of(DAMAGED)).map(Pair::raw).toList())
                    .containsExactlyInAnyOrderElementsOf(mrt);
        }
    }

    /** The reference line with the communities bgpdump glued to the MED of a deprecated-type UPDATE cut off, when
     * what is left is {@code line}'s MED. */
    private static String legacyMed(String expected, String line, Pair pair) {
        if (!pair.legacyWithdrawals() || expected == null || expected.equals(line)) {
            return expected;
        }
        String[] want = expected.split("\\|", -1);
        String[] got = line.split("\\|", -1);
        int med = 8;
        if (want.length == got.length && want.length > med && want[med].startsWith(got[med])
                && want[med].substring(got[med].length()).matches("\\d+:\\d+( \\d+:\\d+)*")) {
            want[med] = got[med];
            return String.join("|", want);
        }
        return expected;
    }

    private static BufferedReader reference(Pair pair) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(DATA.resolve("normalized").resolve(pair.reference())), 1 << 16),
                StandardCharsets.US_ASCII));
    }

    private static String nextReference(BufferedReader reference, Pair pair) throws IOException {
        String line = reference.readLine();
        while (line != null && line.startsWith("#")) {
            line = reference.readLine();
        }
        return line == null ? null : BgpdumpLines.canonical(line, pair.updates());
    }
}
