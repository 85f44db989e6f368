package io.rtmstreams.mrt;

import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.rtmstreams.mrt.MrtBytes.attributes;
import static io.rtmstreams.mrt.MrtBytes.bgp4mpUpdate;
import static io.rtmstreams.mrt.MrtBytes.peerIndexTable;
import static io.rtmstreams.mrt.MrtBytes.ribIpv4;
import static io.rtmstreams.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that public MRT parsers have tripped over (their issue trackers): each case is reported with the offset of
 * its record, skipped, and the records after it are read; nothing throws and nothing hangs.
 */
class MalformedMrtInputTest {

    private static final int TABLE_DUMP_V2 = 13;
    private static final int PEER_INDEX_TABLE = 1;
    private static final int RIB_IPV4_UNICAST = 2;
    private static final int BGP4MP = 16;
    private static final int MESSAGE_AS4 = 4;

    private final List<MrtProblem> problems = new ArrayList<>();
    private MrtReader reader;

    @Test
    void shouldReadNlriWithAddPathIdentifiersInARecordNotMarkedAddPath() throws IOException {
        // Path id 1, then 10.1.0.0/16: read as plain NLRI the id's zero bytes are /0 prefixes and its 1 a /1 whose
        // byte is the 16, after which 10 claims 2 bytes where 1 is left (bgpkit-parser#68, GoBGP's ADD-PATH
        // detection).
        List<MrtRecord> records = read(MrtBytes.of().record(BGP4MP, MESSAGE_AS4,
                bgp4mpUpdate(update(attributes(1, 65_001), 0, 0, 0, 1, 16, 10, 1))));

        UpdateRecord update = (UpdateRecord) records.get(0);
        assertThat(update.announced()).containsExactly(new Nlri(Prefix.parse("10.1.0.0/16"), 1));
        assertThat(reader.ignored()).containsEntry(NlriDecoder.UNMARKED_ADD_PATH, 1L);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldSkipAnUpdateWhosePrefixLengthIsImpossibleEitherWay() throws IOException {
        MrtBytes bogus = MrtBytes.of().record(BGP4MP, MESSAGE_AS4,
                bgp4mpUpdate(update(attributes(1, 65_001), 117, 10, 1)));
        List<MrtRecord> records = read(bogus.record(BGP4MP, MESSAGE_AS4,
                bgp4mpUpdate(update(attributes(1, 65_001), 8, 11))));

        assertThat(records).hasSize(1);
        assertThat(((UpdateRecord) records.get(0)).announced()).extracting(Nlri::prefix)
                .containsExactly(Prefix.parse("11.0.0.0/8"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.offset()).isZero();
            assertThat(p.message()).contains("prefix length 117 exceeds 32");
        });
        assertThat(reader.skipped()).containsEntry("malformed record", 1L);
    }

    @Test
    void shouldSkipRibRecordsBeforeAnyPeerIndexTable() throws IOException {
        MrtBytes orphan = MrtBytes.of().record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(1, attributes(1, 65_001), 0));
        List<MrtRecord> records = read(orphan.record(TABLE_DUMP_V2, PEER_INDEX_TABLE, peerIndexTable(1))
                .record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(2, attributes(1, 65_001), 0)));

        assertThat(records).singleElement().satisfies(r -> assertThat(((RibRecord) r).entries())
                .extracting(RibEntry::prefix).containsExactly(Prefix.parse("10.2.0.0/16")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.offset()).isZero();
            assertThat(p.message()).contains("before any PEER_INDEX_TABLE");
        });
    }

    @Test
    void shouldSkipAnEntryWhosePeerIndexIsNotInTheTable() throws IOException {
        List<MrtRecord> records = read(MrtBytes.of().record(TABLE_DUMP_V2, PEER_INDEX_TABLE, peerIndexTable(1))
                .record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(1, attributes(1, 65_001), 5))
                .record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(2, attributes(1, 65_001), 0)));

        assertThat(records).hasSize(1);
        assertThat(problems).singleElement().extracting(MrtProblem::message).asString()
                .contains("peer index 5 outside the 1 peers");
    }

    @Test
    void shouldReportATruncatedRecordAndKeepTheRecordsBeforeIt() throws IOException {
        MrtBytes file = MrtBytes.of().record(TABLE_DUMP_V2, PEER_INDEX_TABLE, peerIndexTable(1))
                .record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(1, attributes(1, 65_001), 0));
        int cutAt = file.size();
        byte[] whole = file.record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, ribIpv4(2, attributes(1, 65_001), 0)).toBytes();

        List<MrtRecord> records = read(Arrays.copyOf(whole, cutAt + 20));

        assertThat(records).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.offset()).isEqualTo(cutAt);
            assertThat(p.message()).isEqualTo("the input ends inside a record: 20 of its " + (whole.length - cutAt)
                    + " bytes are there");
        });
        assertThat(reader.skipped()).containsEntry("truncated record", 1L);
    }

    @Test
    void shouldSkipAnEntryWithAZeroLengthOriginAndKeepTheOtherEntriesOfItsPrefix() throws IOException {
        MrtBytes zeroLengthOrigin = MrtBytes.of().u8(0x40, 1, 0).u8(0x40, 3, 4, 10, 0, 0, 9);
        MrtBytes rib = MrtBytes.of().u32(0).u8(16, 10, 1).u16(2)
                .u16(0).u32(MrtBytes.TIME).u16(zeroLengthOrigin.size()).bytes(zeroLengthOrigin.toBytes())
                .u16(1).u32(MrtBytes.TIME).u16(attributes(2, 65_002).size()).bytes(attributes(2, 65_002).toBytes());

        List<MrtRecord> records = read(MrtBytes.of().record(TABLE_DUMP_V2, PEER_INDEX_TABLE, peerIndexTable(2))
                .record(TABLE_DUMP_V2, RIB_IPV4_UNICAST, rib));

        assertThat(((RibRecord) records.get(0)).entries()).extracting(e -> e.peer().asn()).containsExactly(65_002L);
        assertThat(problems).singleElement().extracting(MrtProblem::message).asString()
                .isEqualTo("the entry of 10.1.0.0/16 from 10.0.0.1 AS65001 skipped: ORIGIN: length 0, expected 1");
        assertThat(reader.skipped()).containsEntry("malformed RIB entry", 1L);
    }

    @Test
    void shouldSkipAnUpdateWithAZeroLengthNextHop() throws IOException {
        MrtBytes zeroLengthNextHop = MrtBytes.of().u8(0x40, 1, 1, 0).u8(0x40, 3, 0);
        List<MrtRecord> records = read(MrtBytes.of()
                .record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(zeroLengthNextHop, 8, 10)))
                .record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(attributes(1, 65_001), 8, 11))));

        assertThat(records).hasSize(1);
        assertThat(problems).singleElement().extracting(MrtProblem::message).asString()
                .isEqualTo("type 16 subtype 4 skipped: NEXT_HOP: length 0, expected 4");
    }

    @Test
    void shouldFindTheNextRecordAfterGarbageBetweenRecords() throws IOException {
        MrtBytes file = MrtBytes.of().record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(attributes(1, 65_001), 8, 10)));
        int garbageAt = file.size();
        file.u8(0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        for (int i = 11; i <= 13; i++) {
            file.record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(attributes(1, 65_001), 8, i)));
        }

        List<MrtRecord> records = read(file);

        assertThat(records).hasSize(4);
        assertThat(problems).extracting(MrtProblem::toString).containsExactly(
                "offset " + garbageAt + ": no MRT record header here (type 258 subtype 772, length 84281096)",
                "offset " + garbageAt + ": skipped 17 damaged bytes; records resume at offset " + (garbageAt + 17));
    }

    @Test
    void shouldEndWithAProblemWhenALengthLeadsNowhere() throws IOException {
        List<MrtRecord> records = read(MrtBytes.of().u32(MrtBytes.TIME).u16(BGP4MP).u16(MESSAGE_AS4)
                .u32(0xFFFF_FFF0L).u8(1, 2, 3));

        assertThat(records).isEmpty();
        assertThat(problems).extracting(MrtProblem::message).last().asString()
                .contains("to the end of the input: no record boundary found again");
    }

    @Test
    void shouldCountRecordTypesAndAttributesItDoesNotRead() throws IOException {
        MrtBytes unknownAttribute = attributes(1, 65_001).u8(0xC0, 99, 2, 7, 7);
        List<MrtRecord> records = read(MrtBytes.of().record(11, 0, MrtBytes.of().u32(1))
                .record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(unknownAttribute, 8, 10))));

        assertThat(records).hasSize(1);
        assertThat(reader.skipped()).containsEntry("MRT type 11 subtype 0 (not read)", 1L);
        assertThat(reader.ignored()).containsEntry("unknown BGP attribute 99", 1L);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportACutOffGzipStreamAndKeepWhatCameBeforeIt() throws IOException {
        MrtBytes file = MrtBytes.of();
        for (int i = 0; i < 2_000; i++) {
            file.record(BGP4MP, MESSAGE_AS4, bgp4mpUpdate(update(attributes(i % 250, 65_001, i), 24, 10, i >> 8, i)));
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(file.toBytes());
        }
        byte[] cut = Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);

        List<MrtRecord> records = read(MrtInput.decompressed(new ByteArrayInputStream(cut)));

        assertThat(records).hasSizeBetween(1, 1_999);
        assertThat(problems).extracting(MrtProblem::message).anySatisfy(m -> assertThat(m)
                .startsWith("the compressed input breaks off here"));
    }

    @Test
    void shouldReadNothingFromAnEmptyFile() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
        assertThat(problems).isEmpty();
    }

    private List<MrtRecord> read(MrtBytes file) throws IOException {
        return read(file.toBytes());
    }

    private List<MrtRecord> read(byte[] file) throws IOException {
        return read(new ByteArrayInputStream(file));
    }

    private List<MrtRecord> read(java.io.InputStream in) throws IOException {
        reader = new MrtReader(in, problems::add);
        List<MrtRecord> records = new ArrayList<>();
        for (MrtRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }
}
