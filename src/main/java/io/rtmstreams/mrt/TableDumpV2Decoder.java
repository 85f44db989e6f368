package io.rtmstreams.mrt;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;

/**
 * TABLE_DUMP_V2 (RFC 6396 §4.3): the PEER_INDEX_TABLE, which later records' entries refer to by index, and the
 * RIB records of IPv4 and IPv6 unicast and multicast, with their ADD-PATH forms (RFC 8050), whose entries carry a
 * path identifier. AS numbers are 4 bytes throughout.
 */
final class TableDumpV2Decoder {

    static final int PEER_INDEX_TABLE = 1;
    private static final int FIRST_ADD_PATH = 8;

    private final AttributeDecoder attributes;
    private List<Peer> peers;

    TableDumpV2Decoder(AttributeDecoder attributes) {
        this.attributes = attributes;
    }

    /** The RIB subtypes read here: 2–5 and their ADD-PATH forms 8–11 (RIB_GENERIC, 6 and 12, is not). */
    static boolean supports(int subtype) {
        return subtype >= PEER_INDEX_TABLE && subtype <= 5 || subtype >= FIRST_ADD_PATH && subtype <= 11;
    }

    /** The peers of the last PEER_INDEX_TABLE, or none before one. */
    List<Peer> peers() {
        return peers == null ? List.of() : peers;
    }

    /** A RIB record, or null for the peer index table, which only changes what later records mean. */
    RibRecord decode(MrtHeader header, ByteCursor body) {
        if (header.subtype() == PEER_INDEX_TABLE) {
            peers = peerIndexTable(body);
            return null;
        }
        return rib(header, body);
    }

    private static List<Peer> peerIndexTable(ByteCursor body) {
        body.skip(4, "collector BGP ID");
        body.skip(body.u16("view name length"), "view name");
        int count = body.u16("peer count");
        List<Peer> table = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = body.u8("peer type");
            body.skip(4, "peer BGP ID");
            IpFamily family = (type & 1) != 0 ? IpFamily.IPV6 : IpFamily.IPV4;
            table.add(new Peer(body.address(family, "peer address"), body.asn((type & 2) != 0 ? 4 : 2, "peer AS")));
        }
        return List.copyOf(table);
    }

    private RibRecord rib(MrtHeader header, ByteCursor body) {
        int subtype = header.subtype();
        boolean addPath = subtype >= FIRST_ADD_PATH;
        int base = addPath ? subtype - FIRST_ADD_PATH + 2 : subtype;
        IpFamily family = base <= 3 ? IpFamily.IPV4 : IpFamily.IPV6;
        Safi safi = base % 2 == 0 ? Safi.UNICAST : Safi.MULTICAST;
        body.skip(4, "sequence number");
        Prefix prefix = body.prefix(family, "RIB prefix");
        int count = body.u16("entry count");
        if (count > 0 && peers == null) {
            throw new MalformedRecordException("RIB record of " + prefix + " before any PEER_INDEX_TABLE");
        }
        List<RibEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RibEntry entry = entry(header, body, prefix, safi, addPath);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new RibRecord(header.offset(), header.epochMicros(), entries);
    }

    private RibEntry entry(MrtHeader header, ByteCursor body, Prefix prefix, Safi safi, boolean addPath) {
        int index = body.u16("peer index");
        if (index >= peers.size()) {
            throw new MalformedRecordException("RIB entry of " + prefix + ": peer index " + index + " outside the "
                    + peers.size() + " peers of the PEER_INDEX_TABLE");
        }
        body.skip(4, "originated time");
        long pathId = addPath ? body.u32("path identifier") : Nlri.NO_PATH_ID;
        ByteCursor attrs = body.slice(body.u16("attribute length"), "attributes of " + prefix);
        Peer peer = peers.get(index);
        PathAttributes decoded = attributes.decodeRibEntry(header.offset(), "the entry of " + prefix + " from "
                + peer, attrs, 4, addPath);
        return decoded == null ? null : new RibEntry(prefix, safi, peer, pathId, decoded);
    }
}
