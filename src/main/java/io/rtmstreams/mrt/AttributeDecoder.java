package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Path attributes (RFC 4271 §4.3) of an UPDATE message or a RIB entry. Attributes the importer does not use are
 * stepped over; those that are not even known here are counted. A repeated attribute keeps its first value
 * (RFC 7606 §3 g). An attribute that does not decode makes its UPDATE or RIB entry malformed.
 */
final class AttributeDecoder {

    private static final int ORIGIN = 1;
    private static final int AS_PATH = 2;
    private static final int NEXT_HOP = 3;
    private static final int MULTI_EXIT_DISC = 4;
    private static final int LOCAL_PREF = 5;
    private static final int MP_REACH_NLRI = 14;
    private static final int MP_UNREACH_NLRI = 15;
    private static final int AS4_PATH = 17;
    private static final int EXTENDED_LENGTH = 0x10;
    /** Known attributes that carry nothing an importer uses: aggregation, communities, route reflection. */
    private static final Set<Integer> NOT_USED = Set.of(6, 7, 8, 9, 10, 16, 18, 20, 22, 23, 25, 26, 29, 32, 33, 35,
            40, 128);

    private final MrtCounters counters;
    private final Consumer<MrtProblem> problems;

    AttributeDecoder(MrtCounters counters, Consumer<MrtProblem> problems) {
        this.counters = counters;
        this.problems = problems;
    }

    /**
     * The attributes of one entry of a RIB record, or null, reported, when they do not decode: the record's other
     * entries are still good, since each entry's attributes have a length of their own.
     */
    PathAttributes decodeRibEntry(long offset, String entry, ByteCursor bytes, int asnSize, boolean addPath) {
        try {
            return decode(bytes, asnSize, addPath, true);
        } catch (MalformedRecordException e) {
            counters.skipped("malformed RIB entry");
            problems.accept(new MrtProblem(offset, entry + " skipped: " + e.getMessage()));
            return null;
        }
    }

    /**
     * @param asnSize  2 or 4: the size of AS numbers in AS_PATH
     * @param addPath  whether MP NLRI carry path identifiers
     * @param ribEntry whether these are a RIB entry's, whose MP_REACH_NLRI may hold the next hop alone
     */
    PathAttributes decode(ByteCursor bytes, int asnSize, boolean addPath, boolean ribEntry) {
        Builder b = new Builder();
        while (bytes.hasRemaining()) {
            int flags = bytes.u8("attribute flags");
            int type = bytes.u8("attribute type");
            int length = (flags & EXTENDED_LENGTH) != 0 ? bytes.u16("attribute length") : bytes.u8("attribute length");
            ByteCursor value = bytes.slice(length, "attribute " + type + " of length " + length);
            attribute(b, type, value, asnSize, addPath, ribEntry);
        }
        return b.build(asnSize);
    }

    private void attribute(Builder b, int type, ByteCursor value, int asnSize, boolean addPath, boolean ribEntry) {
        switch (type) {
            case ORIGIN -> b.origin = b.origin != null ? b.origin : Origin.of(fixed(value, 1, "ORIGIN").u8("ORIGIN"));
            case AS_PATH -> b.asPath = b.asPath != null ? b.asPath : asPath(value, asnSize, "AS_PATH");
            case NEXT_HOP -> b.nextHop = b.nextHop != null ? b.nextHop
                    : fixed(value, 4, "NEXT_HOP").address(IpFamily.IPV4, "NEXT_HOP");
            case MULTI_EXIT_DISC -> b.med = b.med != null ? b.med : fixed(value, 4, "MULTI_EXIT_DISC").u32("MED");
            case LOCAL_PREF -> b.localPref = b.localPref != null ? b.localPref
                    : fixed(value, 4, "LOCAL_PREF").u32("LOCAL_PREF");
            case AS4_PATH -> b.as4Path = b.as4Path != null ? b.as4Path : asPath(value, 4, "AS4_PATH");
            case MP_REACH_NLRI -> mpReach(b, value, addPath, ribEntry);
            case MP_UNREACH_NLRI -> mpUnreach(b, value, addPath);
            default -> {
                if (!NOT_USED.contains(type)) {
                    counters.ignored("unknown BGP attribute " + type);
                }
            }
        }
    }

    private static ByteCursor fixed(ByteCursor value, int length, String name) {
        if (value.remaining() != length) {
            throw new MalformedRecordException(name + ": length " + value.remaining() + ", expected " + length);
        }
        return value;
    }

    private static AsPath asPath(ByteCursor value, int asnSize, String name) {
        List<AsPath.Segment> segments = new ArrayList<>();
        while (value.hasRemaining()) {
            int type = value.u8(name + " segment type");
            if (type < AsPath.AS_SET || type > AsPath.AS_CONFED_SET) {
                throw new MalformedRecordException(name + ": unknown segment type " + type);
            }
            int count = value.u8(name + " segment length");
            long[] asns = new long[count];
            for (int i = 0; i < count; i++) {
                asns[i] = value.asn(asnSize, name + " segment of " + count + " ASes");
            }
            segments.add(new AsPath.Segment(type, asns));
        }
        return new AsPath(segments);
    }

    /**
     * MP_REACH_NLRI. In a RIB entry it may be abbreviated to the next-hop length and the next hop (RFC 6396
     * §4.3.4); some dumpers write it whole. The two are told apart as bgpdump does: the whole form starts with the
     * AFI's high byte, 0.
     */
    private void mpReach(Builder b, ByteCursor value, boolean addPath, boolean ribEntry) {
        if (ribEntry && value.hasRemaining() && value.copy().u8("MP_REACH_NLRI") != 0) {
            b.mpNextHop = nextHop(value.slice(value.u8("MP_REACH_NLRI next-hop length"), "MP_REACH_NLRI next hop"));
            return;
        }
        int afi = value.u16("MP_REACH_NLRI AFI");
        int safi = value.u8("MP_REACH_NLRI SAFI");
        IpFamily family = family(afi, safi, "MP_REACH_NLRI");
        if (family == null) {
            return;
        }
        IpAddress nextHop = nextHop(value.slice(value.u8("MP_REACH_NLRI next-hop length"), "MP_REACH_NLRI next hop"));
        int snpas = value.u8("MP_REACH_NLRI reserved");
        for (int i = 0; i < snpas; i++) {
            value.skip(value.u8("MP_REACH_NLRI SNPA length"), "MP_REACH_NLRI SNPA");
        }
        b.mpNextHop = b.mpNextHop != null ? b.mpNextHop : nextHop;
        b.mpReach.add(new MpNlri(Safi.of(safi), nextHop,
                NlriDecoder.read(value.rest(), family, addPath, counters, "MP_REACH_NLRI prefix")));
    }

    private void mpUnreach(Builder b, ByteCursor value, boolean addPath) {
        int afi = value.u16("MP_UNREACH_NLRI AFI");
        int safi = value.u8("MP_UNREACH_NLRI SAFI");
        IpFamily family = family(afi, safi, "MP_UNREACH_NLRI");
        if (family != null) {
            b.mpUnreach.add(new MpNlri(Safi.of(safi), null,
                    NlriDecoder.read(value.rest(), family, addPath, counters, "MP_UNREACH_NLRI prefix")));
        }
    }

    /** The family of IPv4 or IPv6 unicast or multicast NLRI; null, counted, for the others. */
    private IpFamily family(int afi, int safi, String name) {
        IpFamily family = afi == 1 ? IpFamily.IPV4 : afi == 2 ? IpFamily.IPV6 : null;
        if (family == null || Safi.of(safi) == null) {
            counters.ignored(name + " of AFI " + afi + " SAFI " + safi);
            return null;
        }
        return family;
    }

    /** A next hop of 4 or 16 bytes, or 32 (global then link-local, RFC 2545 §3): the global address. */
    private static IpAddress nextHop(ByteCursor value) {
        return switch (value.remaining()) {
            case 0 -> null;
            case 4 -> value.address(IpFamily.IPV4, "next hop");
            case 16, 32 -> value.address(IpFamily.IPV6, "next hop");
            default -> throw new MalformedRecordException("MP_REACH_NLRI: next hop of " + value.remaining()
                    + " bytes");
        };
    }

    private static final class Builder {
        Origin origin;
        AsPath asPath;
        AsPath as4Path;
        IpAddress nextHop;
        Long med;
        Long localPref;
        IpAddress mpNextHop;
        final List<MpNlri> mpReach = new ArrayList<>(1);
        final List<MpNlri> mpUnreach = new ArrayList<>(1);

        /** AS4_PATH only means something beside a path of 2-byte ASes (RFC 6793 §4.2.3). */
        PathAttributes build(int asnSize) {
            AsPath path = asnSize == 2 && asPath != null && as4Path != null ? asPath.mergeAs4(as4Path) : asPath;
            return new PathAttributes(origin, path, nextHop, med, localPref, mpNextHop, mpReach, mpUnreach);
        }
    }
}
