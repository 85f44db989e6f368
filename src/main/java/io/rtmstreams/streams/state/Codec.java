package io.rtmstreams.streams.state;

/** Turns one store's values into bytes and back. Codecs only convert; they never validate or decide. */
public interface Codec<V> {

    void write(V value, BinaryWriter out);

    V read(BinaryReader in);

    default byte[] encode(V value) {
        BinaryWriter out = new BinaryWriter(64);
        write(value, out);
        return out.toByteArray();
    }

    default V decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        V v = read(in);
        in.expectEnd();
        return v;
    }
}
