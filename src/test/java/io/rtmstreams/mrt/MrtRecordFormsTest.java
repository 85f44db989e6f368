package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.rtmstreams.mrt.MrtBytes.attributes;
import static io.rtmstreams.mrt.MrtBytes.bgp4mpUpdate;
import static io.rtmstreams.mrt.MrtBytes.peerIndexTable;
import static io.rtmstreams.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

/** The forms of RFC 6396, 6793 and 8050 that the data files of ../shared/data do not contain. */
class MrtRecordFormsTest {

    private final List<MrtProblem> problems = new ArrayList<>();

    @Test
    void shouldKeepThePathIdentifiersOfAddPathRibEntries() throws IOException {
        MrtBytes rib = MrtBytes.of().u32(0).u8(16, 10, 1).u16(2);
        for (int pathId = 7; pathId <= 8; pathId++) {
            MrtBytes attrs = attributes(pathId, 65_001);
            rib.u16(0).u32(MrtBytes.TIME).u32(pathId).u16(attrs.size()).bytes(attrs.toBytes());
        }
        RibRecord record = (RibRecord) read(MrtBytes.of().record(13, 1, peerIndexTable(1)).record(13, 8, rib)).get(0);

        assertThat(record.entries()).extracting(RibEntry::pathId).containsExactly(7L, 8L);
        assertThat(record.entries()).extracting(RibEntry::nextHop)
                .containsExactly(IpAddress.parse("10.0.0.7"), IpAddress.parse("10.0.0.8"));
    }

    @Test
    void shouldReadBothNextHopEncodingsOfIpv6RibEntries() throws IOException {
        byte[] nextHop = IpAddress.parse("2001:db8::1").toBytes();
        MrtBytes abbreviated = MrtBytes.of().u8(0x80, 14, 17, 16).bytes(nextHop);
        MrtBytes whole = MrtBytes.of().u8(0x80, 14, 26).u16(2).u8(1, 16).bytes(nextHop).u8(0, 32, 0x20, 1, 0x0d, 0xb8);
        MrtBytes rib = MrtBytes.of().u32(0).u8(32, 0x20, 1, 0x0d, 0xb8).u16(2)
                .u16(0).u32(MrtBytes.TIME).u16(abbreviated.size()).bytes(abbreviated.toBytes())
                .u16(0).u32(MrtBytes.TIME).u16(whole.size()).bytes(whole.toBytes());

        RibRecord record = (RibRecord) read(MrtBytes.of().record(13, 1, peerIndexTable(1)).record(13, 4, rib)).get(0);

        assertThat(record.entries()).extracting(RibEntry::prefix).containsOnly(Prefix.parse("2001:db8::/32"));
        assertThat(record.entries()).extracting(RibEntry::nextHop).containsOnly(IpAddress.parse("2001:db8::1"));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldMarkMessagesTheCollectorSentAndReadAddPathUpdates() throws IOException {
        MrtBytes addPathNlri = update(attributes(1, 65_001), 0, 0, 0, 9, 8, 10);
        List<MrtRecord> records = read(MrtBytes.of()
                .record(16, 7, bgp4mpUpdate(update(attributes(1, 65_001), 8, 11)))
                .record(16, 9, bgp4mpUpdate(addPathNlri)));

        assertThat(((UpdateRecord) records.get(0)).local()).isTrue();
        UpdateRecord addPath = (UpdateRecord) records.get(1);
        assertThat(addPath.local()).isFalse();
        assertThat(addPath.announced()).containsExactly(new Nlri(Prefix.parse("10.0.0.0/8"), 9));
    }

    @Test
    void shouldMergeAs4PathIntoThePathOf2ByteSpeakers() {
        AsPath twoByte = new AsPath(List.of(new AsPath.Segment(AsPath.AS_SEQUENCE, new long[]{3356, 23456, 23456}),
                new AsPath.Segment(AsPath.AS_SET, new long[]{1, 2})));
        AsPath as4 = new AsPath(List.of(new AsPath.Segment(AsPath.AS_SEQUENCE, new long[]{196_608, 196_609}),
                new AsPath.Segment(AsPath.AS_SET, new long[]{1, 2})));

        assertThat(twoByte.mergeAs4(as4)).hasToString("3356 196608 196609 {1,2}");
        assertThat(twoByte.mergeAs4(as4).length()).isEqualTo(4);
        assertThat(as4.mergeAs4(twoByte)).as("an AS4_PATH longer than AS_PATH is ignored").isEqualTo(as4);
    }

    private List<MrtRecord> read(MrtBytes file) throws IOException {
        MrtReader reader = new MrtReader(new ByteArrayInputStream(file.toBytes()), problems::add);
        List<MrtRecord> records = new ArrayList<>();
        for (MrtRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }
}
