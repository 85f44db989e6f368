package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

/**
 * Big-endian reads over a window of a byte array. Reading past the window throws {@link MalformedRecordException}
 * naming what was being read, never an index exception: a length field that lies is the commonest damage in MRT.
 */
final class ByteCursor {

    private final byte[] bytes;
    private int position;
    private final int limit;

    ByteCursor(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    /** An independent cursor at the same place over the same window. */
    ByteCursor copy() {
        return new ByteCursor(bytes, position, limit);
    }

    int remaining() {
        return limit - position;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    int position() {
        return position;
    }

    /** A cursor over the next {@code length} bytes, which this cursor steps over. */
    ByteCursor slice(int length, String what) {
        need(length, what);
        ByteCursor slice = new ByteCursor(bytes, position, position + length);
        position += length;
        return slice;
    }

    /** The rest of this cursor's window as a cursor of its own, leaving this one at its end. */
    ByteCursor rest() {
        return slice(remaining(), "");
    }

    int u8(String what) {
        need(1, what);
        return bytes[position++] & 0xFF;
    }

    int u16(String what) {
        need(2, what);
        int v = (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
        position += 2;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v = (bytes[position] & 0xFFL) << 24 | (bytes[position + 1] & 0xFF) << 16
                | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
        position += 4;
        return v;
    }

    /** An AS number of 2 or 4 bytes. */
    long asn(int size, String what) {
        return size == 4 ? u32(what) : u16(what);
    }

    void skip(int length, String what) {
        need(length, what);
        position += length;
    }

    IpAddress address(IpFamily family, String what) {
        if (family == IpFamily.IPV4) {
            return IpAddress.ipv4((int) u32(what));
        }
        need(16, what);
        byte[] b = new byte[16];
        System.arraycopy(bytes, position, b, 0, 16);
        position += 16;
        return IpAddress.ofBytes(b);
    }

    /**
     * A prefix in the NLRI encoding of RFC 4271 §4.3: a length in bits, then as many bytes as it needs; the bits past
     * the length are ignored.
     */
    Prefix prefix(IpFamily family, String what) {
        int length = u8(what);
        if (length > family.bits()) {
            throw new MalformedRecordException(what + ": prefix length " + length + " exceeds " + family.bits());
        }
        int size = (length + 7) / 8;
        need(size, what);
        byte[] b = new byte[family == IpFamily.IPV4 ? 4 : 16];
        System.arraycopy(bytes, position, b, 0, size);
        position += size;
        return Prefix.of(IpAddress.ofBytes(b), length);
    }

    private void need(int length, String what) {
        if (length > limit - position) {
            throw new MalformedRecordException(what + ": needs " + length + " byte" + (length == 1 ? "" : "s") + ", "
                    + (limit - position) + " left");
        }
    }
}
