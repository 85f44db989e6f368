package io.rtmstreams.streams.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for the state codecs: unsigned LEB128 varints (as in protobuf), zig-zag for signed
 * values, length-prefixed UTF-8 strings. Compact because stored routes should cost well under 300 bytes
 * (design.md, Performance targets).
 */
public final class BinaryWriter {

    private byte[] buf;
    private int len;

    public BinaryWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public BinaryWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public BinaryWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    /** An unsigned varint; negative longs take ten bytes, so use {@link #zigzag} for signed values. */
    public BinaryWriter varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    public BinaryWriter zigzag(long v) {
        return varint((v << 1) ^ (v >> 63));
    }

    public BinaryWriter bytes(byte[] b) {
        varint(b.length);
        return raw(b);
    }

    public BinaryWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public BinaryWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that may be null: a presence byte first. */
    public BinaryWriter optString(String s) {
        bool(s != null);
        return s == null ? this : string(s);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
