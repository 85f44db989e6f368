package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.List;

/**
 * BGP4MP and BGP4MP_ET (RFC 6396 §4.4, §3): state changes and BGP messages with 2- or 4-byte AS numbers, sent by
 * the peer or by the collector (LOCAL), with ADD-PATH NLRI (RFC 8050); and the deprecated BGP type (5) of the
 * earliest RIPE RIS files (RFC 6396 Appendix B), whose UPDATEs come without the BGP header. Only UPDATEs and state
 * changes make records; OPEN, NOTIFICATION, KEEPALIVE and ROUTE-REFRESH are counted.
 */
final class Bgp4mpDecoder {

    private static final int STATE_CHANGE = 0;
    private static final int MESSAGE = 1;
    private static final int MESSAGE_AS4 = 4;
    private static final int STATE_CHANGE_AS4 = 5;
    private static final int MESSAGE_AS4_LOCAL_ADDPATH = 11;
    private static final int LEGACY_UPDATE = 1;
    private static final int LEGACY_STATE_CHANGE = 3;
    private static final int BGP_HEADER = 19;
    private static final int UPDATE = 2;
    private static final String[] MESSAGE_TYPES = {"", "OPEN", "UPDATE", "NOTIFICATION", "KEEPALIVE",
        "ROUTE-REFRESH"};

    private final AttributeDecoder attributes;
    private final MrtCounters counters;

    Bgp4mpDecoder(AttributeDecoder attributes, MrtCounters counters) {
        this.attributes = attributes;
        this.counters = counters;
    }

    static boolean supports(MrtHeader header) {
        int subtype = header.subtype();
        if (header.type() == MrtHeader.BGP) {
            return subtype >= 1 && subtype <= 7 && subtype != 2 && subtype != 4;
        }
        return subtype >= STATE_CHANGE && subtype <= MESSAGE_AS4_LOCAL_ADDPATH && subtype != 2 && subtype != 3;
    }

    /** An update or a state change, or null for the other messages. */
    MrtRecord decode(MrtHeader header, ByteCursor body) {
        long micros = header.epochMicros();
        if (header.type() == MrtHeader.BGP4MP_ET) {
            long fraction = body.u32("microsecond timestamp");
            if (fraction >= 1_000_000) {
                throw new MalformedRecordException("microsecond timestamp " + fraction + " is not below a second");
            }
            micros += fraction;
        }
        if (header.type() == MrtHeader.BGP) {
            return legacy(header, micros, body);
        }
        int subtype = header.subtype();
        if (subtype == STATE_CHANGE || subtype == STATE_CHANGE_AS4) {
            return stateChange(header, micros, body, subtype == STATE_CHANGE_AS4 ? 4 : 2);
        }
        return message(header, micros, body);
    }

    /**
     * A state change; the 8-byte form that old Zebra wrote (two AS numbers and the states, no addresses, as bgpdump
     * reads it) has the peer address 0.0.0.0.
     */
    private static StateChange stateChange(MrtHeader header, long micros, ByteCursor body, int asnSize) {
        long peerAs = body.asn(asnSize, "peer AS");
        body.skip(asnSize, "local AS");
        if (body.remaining() == 4) {
            return new StateChange(header.offset(), micros, new Peer(IpAddress.ipv4(0), peerAs),
                    body.u16("old state"), body.u16("new state"));
        }
        body.skip(2, "interface index");
        IpFamily family = family(body.u16("address family"));
        IpAddress peer = body.address(family, "peer address");
        body.skip(family == IpFamily.IPV4 ? 4 : 16, "local address");
        return new StateChange(header.offset(), micros, new Peer(peer, peerAs), body.u16("old state"),
                body.u16("new state"));
    }

    private MrtRecord message(MrtHeader header, long micros, ByteCursor body) {
        int subtype = header.subtype();
        int asnSize = subtype == MESSAGE || subtype == 6 || subtype == 8 || subtype == 10 ? 2 : 4;
        boolean local = subtype == 6 || subtype == 7 || subtype == 10 || subtype == 11;
        boolean addPath = subtype >= 8;
        long peerAs = body.asn(asnSize, "peer AS");
        body.skip(asnSize, "local AS");
        int interfaceIndex = body.u16("interface index");
        int afi = body.u16("address family");
        if (afi == 0xFFFF && interfaceIndex == 0xFFFF) {
            // Old Zebra wrote OPENs without interface, addresses and the first 4 bytes of the marker (bgpdump).
            body.skip(12, "BGP marker");
            return otherMessage(body);
        }
        IpFamily family = family(afi);
        IpAddress peer = body.address(family, "peer address");
        body.skip(family == IpFamily.IPV4 ? 4 : 16, "local address");
        body.skip(16, "BGP marker");
        int length = body.u16("BGP message length");
        int type = body.u8("BGP message type");
        if (type != UPDATE) {
            return otherMessage(type);
        }
        if (length < BGP_HEADER || length - BGP_HEADER > body.remaining()) {
            throw new MalformedRecordException("BGP UPDATE of length " + length + " in " + (body.remaining()
                    + BGP_HEADER) + " bytes");
        }
        return update(header.offset(), micros, new Peer(peer, peerAs), local, body.slice(length - BGP_HEADER,
                "UPDATE"), asnSize, addPath);
    }

    private MrtRecord otherMessage(ByteCursor body) {
        body.skip(2, "BGP message length");
        return otherMessage(body.u8("BGP message type"));
    }

    private MrtRecord otherMessage(int type) {
        counters.ignored("BGP " + (type < MESSAGE_TYPES.length && type > 0 ? MESSAGE_TYPES[type]
                : "message of type " + type));
        return null;
    }

    /** The deprecated BGP type: UPDATE (peer AS and address, local AS and address, the message body) and
     * STATE_CHANGE (peer AS and address, old and new state); OPEN, NOTIFY and KEEPALIVE are counted. */
    private MrtRecord legacy(MrtHeader header, long micros, ByteCursor body) {
        return switch (header.subtype()) {
            case LEGACY_UPDATE -> {
                long peerAs = body.u16("peer AS");
                IpAddress peer = body.address(IpFamily.IPV4, "peer address");
                body.skip(6, "local AS and address");
                yield update(header.offset(), micros, new Peer(peer, peerAs), false, body.rest(), 2, false);
            }
            case LEGACY_STATE_CHANGE -> {
                long peerAs = body.u16("peer AS");
                IpAddress peer = body.address(IpFamily.IPV4, "peer address");
                yield new StateChange(header.offset(), micros, new Peer(peer, peerAs), body.u16("old state"),
                        body.u16("new state"));
            }
            default -> otherMessage(header.subtype() == 5 ? 1 : header.subtype() == 6 ? 3 : 4);
        };
    }

    /** An UPDATE's body (RFC 4271 §4.3): withdrawn routes, path attributes, NLRI. */
    private UpdateRecord update(long offset, long micros, Peer peer, boolean local, ByteCursor body, int asnSize,
                                boolean addPath) {
        ByteCursor withdrawnBytes = body.slice(body.u16("withdrawn routes length"), "withdrawn routes");
        List<Nlri> withdrawn = NlriDecoder.read(withdrawnBytes, IpFamily.IPV4, addPath, counters, "withdrawn route");
        ByteCursor attributeBytes = body.slice(body.u16("path attribute length"), "path attributes");
        PathAttributes decoded = attributes.decode(attributeBytes, asnSize, addPath, false);
        List<Nlri> announced = NlriDecoder.read(body.rest(), IpFamily.IPV4, addPath, counters, "NLRI");
        return new UpdateRecord(offset, micros, peer, local, decoded, withdrawn, announced);
    }

    private static IpFamily family(int afi) {
        return switch (afi) {
            case 1 -> IpFamily.IPV4;
            case 2 -> IpFamily.IPV6;
            default -> throw new MalformedRecordException("unknown address family " + afi);
        };
    }
}
