package io.rtmstreams.streams.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote; a malformed value is an {@link IllegalStateException} (a corrupt store). */
public final class BinaryReader {

    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        return u8() != 0;
    }

    public long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException("varint longer than 64 bits");
    }

    public int varint32() {
        return Math.toIntExact(varint());
    }

    public long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    public byte[] bytes() {
        return raw(varint32());
    }

    public byte[] raw(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** Everything not read yet. */
    public byte[] rest() {
        return raw(buf.length - pos);
    }

    public String string() {
        int n = varint32();
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public String optString() {
        return bool() ? string() : null;
    }

    void expectEnd() {
        if (pos != buf.length) {
            throw new IllegalStateException((buf.length - pos) + " bytes left after the value");
        }
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalStateException("value ends early at byte " + pos + " of " + buf.length);
        }
    }
}
