package io.rtmstreams.rtm.state;

import io.rtmstreams.net.Prefix;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds store keys whose unsigned byte order is the order the queries need. Integers are big-endian and
 * fixed-width; strings are UTF-8 followed by a 0x00 terminator (they never contain NUL), so a shorter string sorts
 * before its extensions; prefixes are their {@linkplain Prefix#writeKey address bytes and length}.
 */
public final class KeyBuilder {

    private byte[] buf;
    private int len;

    public KeyBuilder(int capacity) {
        buf = new byte[capacity];
    }

    public static KeyBuilder of(byte[] start, int extra) {
        KeyBuilder k = new KeyBuilder(start.length + extra);
        return k.bytes(start);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public KeyBuilder bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public KeyBuilder u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public KeyBuilder u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public KeyBuilder u32(long v) {
        ensure(4);
        for (int s = 24; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
        return this;
    }

    public KeyBuilder u64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
        return this;
    }

    public KeyBuilder string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    public KeyBuilder prefix(Prefix p) {
        ensure(p.keySize());
        len += p.writeKey(buf, len);
        return this;
    }

    public byte[] build() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /** The smallest key greater than every key that starts with {@code prefix}; null when there is none. */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    public static long readU64(byte[] key, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (key[offset + i] & 0xFF);
        }
        return v;
    }

    public static long readU32(byte[] key, int offset) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (key[offset + i] & 0xFF);
        }
        return v;
    }
}
