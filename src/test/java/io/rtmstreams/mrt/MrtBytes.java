package io.rtmstreams.mrt;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Hand-built MRT records for the malformed-input tests: each method writes one structure, big-endian. */
final class MrtBytes {

    static final long TIME = 1_401_487_200L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    static MrtBytes of() {
        return new MrtBytes();
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    int size() {
        return bytes.size();
    }

    MrtBytes u8(int... values) {
        for (int v : values) {
            write(() -> out.writeByte(v));
        }
        return this;
    }

    MrtBytes u16(int v) {
        return write(() -> out.writeShort(v));
    }

    MrtBytes u32(long v) {
        return write(() -> out.writeInt((int) v));
    }

    MrtBytes bytes(byte[] b) {
        return write(() -> out.write(b));
    }

    /** A record: the common header, then {@code body}. */
    MrtBytes record(int type, int subtype, MrtBytes body) {
        return u32(TIME).u16(type).u16(subtype).u32(body.size()).bytes(body.toBytes());
    }

    /** A PEER_INDEX_TABLE of IPv4 peers with 4-byte AS numbers: 10.0.0.1 AS 65001, 10.0.0.2 AS 65002, ... */
    static MrtBytes peerIndexTable(int peers) {
        MrtBytes b = of().u32(0x0A000000L).u16(0).u16(peers);
        for (int i = 1; i <= peers; i++) {
            b.u8(2).u32(0x0A000000L + i).u32(0x0A000000L + i).u32(65_000 + i);
        }
        return b;
    }

    /** A RIB_IPV4_UNICAST record of 10.{third}.0.0/16 with one entry per peer index, each with {@code attributes}. */
    static MrtBytes ribIpv4(int third, MrtBytes attributes, int... peerIndexes) {
        MrtBytes b = of().u32(0).u8(16, 10, third).u16(peerIndexes.length);
        for (int peer : peerIndexes) {
            b.u16(peer).u32(TIME).u16(attributes.size()).bytes(attributes.toBytes());
        }
        return b;
    }

    /** ORIGIN IGP, AS_PATH of a sequence of 4-byte ASes, NEXT_HOP 10.0.0.{nextHop}. */
    static MrtBytes attributes(int nextHop, long... path) {
        MrtBytes b = of().u8(0x40, 1, 1, 0).u8(0x40, 2, 2 + 4 * path.length, 2, path.length);
        for (long as : path) {
            b.u32(as);
        }
        return b.u8(0x40, 3, 4, 10, 0, 0, nextHop);
    }

    /** A BGP4MP_MESSAGE_AS4 from 10.0.0.1 AS 65001 to 10.0.0.254 AS 65000 carrying the UPDATE {@code update}. */
    static MrtBytes bgp4mpUpdate(MrtBytes update) {
        MrtBytes b = of().u32(65_001).u32(65_000).u16(0).u16(1).u32(0x0A000001L).u32(0x0A0000FEL);
        for (int i = 0; i < 16; i++) {
            b.u8(0xFF);
        }
        return b.u16(19 + update.size()).u8(2).bytes(update.toBytes());
    }

    /** An UPDATE body: no withdrawals, {@code attributes}, then the NLRI bytes. */
    static MrtBytes update(MrtBytes attributes, int... nlri) {
        return of().u16(0).u16(attributes.size()).bytes(attributes.toBytes()).u8(nlri);
    }

    private MrtBytes write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
