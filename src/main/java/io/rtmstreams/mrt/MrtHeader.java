package io.rtmstreams.mrt;

/** The common header of an MRT record (RFC 6396 §2), with the record's offset in the decompressed file. */
record MrtHeader(long offset, long seconds, int type, int subtype, long length) {

    static final int SIZE = 12;

    static final int BGP = 5;
    static final int TABLE_DUMP = 12;
    static final int TABLE_DUMP_V2 = 13;
    static final int BGP4MP = 16;
    static final int BGP4MP_ET = 17;

    static MrtHeader read(byte[] b, int at, long offset) {
        ByteCursor c = new ByteCursor(b, at, at + SIZE);
        return new MrtHeader(offset, c.u32("timestamp"), c.u16("type"), c.u16("subtype"), c.u32("length"));
    }

    long epochMicros() {
        return seconds * 1_000_000;
    }

    String describe() {
        return "type " + type + " subtype " + subtype;
    }
}
