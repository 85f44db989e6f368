package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;

/**
 * TABLE_DUMP (RFC 6396 §4.2): subtype 1 for IPv4 and 2 for IPv6, 2-byte AS numbers (3 and 4, their 4-byte variants,
 * as bgpdump reads them). Early producers (MRT toolkit, RIPE RIS until 2000) batched many entries after one view and
 * sequence number, and declared each record's length 4 bytes short (bgpkit-parser's fixture notes); both are read.
 */
final class TableDumpDecoder {

    /** How much shorter than its body the quirky producer declared a record. */
    static final int LEGACY_SHORTFALL = 4;

    private final AttributeDecoder attributes;

    TableDumpDecoder(AttributeDecoder attributes) {
        this.attributes = attributes;
    }

    static boolean supports(int subtype) {
        return subtype >= 1 && subtype <= 4;
    }

    RibRecord decode(MrtHeader header, ByteCursor body) {
        IpFamily family = family(header.subtype());
        int asnSize = header.subtype() >= 3 ? 4 : 2;
        body.skip(4, "view and sequence number");
        List<RibEntry> entries = new ArrayList<>(1);
        while (body.hasRemaining()) {
            RibEntry entry = entry(header, body, family, asnSize);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new RibRecord(header.offset(), header.epochMicros(), entries);
    }

    private RibEntry entry(MrtHeader header, ByteCursor body, IpFamily family, int asnSize) {
        IpAddress address = body.address(family, "prefix");
        int length = body.u8("prefix length");
        if (length > family.bits()) {
            throw new MalformedRecordException("prefix length " + length + " exceeds " + family.bits());
        }
        body.skip(5, "status and originated time");
        Peer peer = new Peer(body.address(family, "peer address"), body.asn(asnSize, "peer AS"));
        ByteCursor attrs = body.slice(body.u16("attribute length"), "attributes");
        Prefix prefix = Prefix.of(address, length);
        PathAttributes decoded = attributes.decodeRibEntry(header.offset(), "the entry of " + prefix + " from "
                + peer, attrs, asnSize, false);
        return decoded == null ? null : new RibEntry(prefix, Safi.UNICAST, peer, Nlri.NO_PATH_ID, decoded);
    }

    private static IpFamily family(int subtype) {
        return subtype % 2 == 1 ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    /**
     * Whether a record is one of the quirky producer's: its entries, read one after another, end exactly {@value
     * #LEGACY_SHORTFALL} bytes past the declared length.
     */
    static boolean declaredShort(int subtype, byte[] bytes, int bodyStart, int validEnd, long declared) {
        int addressSize = family(subtype) == IpFamily.IPV4 ? 4 : 16;
        int fixed = 2 * addressSize + (subtype >= 3 ? 12 : 10);
        long end = bodyStart + declared + LEGACY_SHORTFALL;
        long at = bodyStart + 4;
        while (at + fixed <= Math.min(end, validEnd)) {
            int attrLength = (bytes[(int) at + fixed - 2] & 0xFF) << 8 | bytes[(int) at + fixed - 1] & 0xFF;
            at += fixed + attrLength;
            if (at == end) {
                return true;
            }
        }
        return false;
    }
}
