package io.rtmstreams.streams.state;

import io.rtmstreams.iphlp.IndexSlot;
import io.rtmstreams.iphlp.InterfaceOffload;
import io.rtmstreams.iphlp.InterfaceRow;
import io.rtmstreams.iphlp.MediaType;
import io.rtmstreams.net.IpAddress;

import java.util.ArrayList;
import java.util.List;

/** Binary codecs of the IP Helper state values (interface rows and index slots). */
public final class IphlpCodecs {

    private IphlpCodecs() {
    }

    public static final Codec<IndexSlot> INDEX_SLOT = RtmCodecs.versioned(new Codec<>() {
        @Override
        public void write(IndexSlot s, BinaryWriter out) {
            out.varint(s.interfaceLuid()).bool(s.deleted());
        }

        @Override
        public IndexSlot read(BinaryReader in) {
            return new IndexSlot(in.varint(), in.bool());
        }
    });

    /** Every field in the order of the record; the unsigned fields as varints, the −1 sentinels zig-zagged. */
    public static final Codec<InterfaceRow> ROW = RtmCodecs.versioned(new Codec<>() {
        @Override
        public void write(InterfaceRow r, BinaryWriter out) {
            out.zigzag(r.family()).varint(r.interfaceLuid()).varint(r.interfaceIndex());
            out.varint(r.maxReassemblySize()).varint(r.interfaceIdentifier());
            out.varint(r.minRouterAdvertisementInterval()).varint(r.maxRouterAdvertisementInterval());
            out.varint(flags(r.advertisingEnabled(), r.forwardingEnabled(), r.weakHostSend(), r.weakHostReceive(),
                    r.useAutomaticMetric(), r.useNeighborUnreachabilityDetection(),
                    r.managedAddressConfigurationSupported(), r.otherStatefulConfigurationSupported(),
                    r.advertiseDefaultRoute(), r.connected(), r.supportsWakeUpPatterns(),
                    r.supportsNeighborDiscovery(), r.supportsRouterDiscovery(), r.disableDefaultRoutes()));
            out.zigzag(r.routerDiscoveryBehavior()).varint(r.dadTransmits()).varint(r.baseReachableTime());
            out.varint(r.retransmitTime()).varint(r.pathMtuDiscoveryTimeout());
            out.zigzag(r.linkLocalAddressBehavior()).varint(r.linkLocalAddressTimeout());
            out.varint(r.zoneIndices().size());
            r.zoneIndices().forEach(out::varint);
            out.varint(r.sitePrefixLength()).varint(r.metric()).varint(r.nlMtu()).varint(r.reachableTime());
            out.u8(offload(r.transmitOffload())).u8(offload(r.receiveOffload()));
            out.varint(r.transmitLinkSpeed()).varint(r.receiveLinkSpeed()).u8(r.mediaType().ordinal());
            out.varint(r.unicastAddresses().size());
            r.unicastAddresses().forEach(a -> out.bytes(a.toBytes()));
        }

        @Override
        public InterfaceRow read(BinaryReader in) {
            int family = (int) in.zigzag();
            long luid = in.varint();
            long index = in.varint();
            long maxReassembly = in.varint();
            long identifier = in.varint();
            long minRa = in.varint();
            long maxRa = in.varint();
            long f = in.varint();
            int routerDiscovery = (int) in.zigzag();
            long dad = in.varint();
            long baseReachable = in.varint();
            long retransmit = in.varint();
            long pmtuTimeout = in.varint();
            int linkLocal = (int) in.zigzag();
            long linkLocalTimeout = in.varint();
            int zones = in.varint32();
            List<Long> zoneIndices = new ArrayList<>(zones);
            for (int i = 0; i < zones; i++) {
                zoneIndices.add(in.varint());
            }
            long sitePrefix = in.varint();
            long metric = in.varint();
            long mtu = in.varint();
            long reachable = in.varint();
            InterfaceOffload tx = offload(in.u8());
            InterfaceOffload rx = offload(in.u8());
            long txSpeed = in.varint();
            long rxSpeed = in.varint();
            MediaType media = MediaType.values()[in.u8()];
            int n = in.varint32();
            List<IpAddress> addresses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                addresses.add(IpAddress.ofBytes(in.bytes()));
            }
            return new InterfaceRow(family, luid, index, maxReassembly, identifier, minRa, maxRa, bit(f, 0),
                    bit(f, 1), bit(f, 2), bit(f, 3), bit(f, 4), bit(f, 5), bit(f, 6), bit(f, 7), bit(f, 8),
                    routerDiscovery, dad, baseReachable, retransmit, pmtuTimeout, linkLocal, linkLocalTimeout,
                    zoneIndices, sitePrefix, metric, mtu, bit(f, 9), bit(f, 10), bit(f, 11), bit(f, 12), reachable,
                    tx, rx, bit(f, 13), txSpeed, rxSpeed, media, addresses);
        }
    });

    private static long flags(boolean... bits) {
        long f = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                f |= 1L << i;
            }
        }
        return f;
    }

    private static boolean bit(long flags, int i) {
        return (flags >>> i & 1) != 0;
    }

    private static int offload(InterfaceOffload o) {
        return (int) flags(o.nlChecksumSupported(), o.nlOptionsSupported(), o.tlDatagramChecksumSupported(),
                o.tlStreamChecksumSupported(), o.tlStreamOptionsSupported(), o.fastPathCompatible(),
                o.tlLargeSendOffloadSupported(), o.tlGiantSendOffloadSupported());
    }

    private static InterfaceOffload offload(int f) {
        return new InterfaceOffload(bit(f, 0), bit(f, 1), bit(f, 2), bit(f, 3), bit(f, 4), bit(f, 5), bit(f, 6),
                bit(f, 7));
    }
}
