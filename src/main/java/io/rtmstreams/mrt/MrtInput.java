package io.rtmstreams.mrt;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The bytes of an MRT file, plain, gzip or bzip2, told apart by their first bytes (RFC 1952, bzip2's "BZh"). */
public final class MrtInput {

    /** Decompression is where the time goes (bzip2 above all); large reads keep its per-call costs down. */
    private static final int BUFFER = 1 << 16;

    private MrtInput() {
    }

    /** The decompressed bytes of {@code raw}; concatenated gzip members and bzip2 streams are read one after the
     * other. */
    public static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(3);
        byte[] magic = in.readNBytes(3);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new GZIPInputStream(in, BUFFER);
        }
        if (magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return new KeepWhatWasRead(new BZip2CompressorInputStream(in, true));
        }
        return in;
    }

    /**
     * Hands out every byte decompressed before a failure. Commons Compress fills an array by decoding byte after
     * byte and throws when the next block is cut off, losing what it put in the array during that call: up to a
     * whole block of a truncated file (the firstMB fixtures lost 6,000 RIB entries that way). Reading it byte by
     * byte costs no more (its array read is the same loop), and the failure is thrown on the call after the last
     * good byte.
     */
    static final class KeepWhatWasRead extends FilterInputStream {

        private IOException failure;

        KeepWhatWasRead(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            int n = 0;
            try {
                while (n < len) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    b[off + n++] = (byte) c;
                }
            } catch (IOException e) {
                if (n == 0) {
                    throw e;
                }
                failure = e;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
