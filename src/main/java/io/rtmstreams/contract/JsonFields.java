package io.rtmstreams.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Copies chosen top-level fields of a JSON object, byte for byte and in their order, into a new object:
 * {@code {"a":1,"b":{"c":[2]},"d":"x"}} with the fields {@code b, d} gives {@code {"b":{"c":[2]},"d":"x"}}.
 *
 * <p>It exists for the fleet view, which keeps part of every best-route record it reads (D27): one pass over the
 * bytes that only finds where each value ends (strings with their escapes, nesting of objects and arrays) costs a
 * fraction of a token-by-token parser that writes every kept token again (Jackson's streaming parser and generator
 * took 2.5 times as long on a 511-byte best-route record, measured side by side). Field names are compared as
 * their bytes between the quotes, so a name must be written without escapes, as Jackson writes ASCII names. Input
 * that is not a JSON object throws IllegalArgumentException; values are not validated beyond finding their end.
 */
public final class JsonFields {

    private final byte[][] names;

    public JsonFields(String... names) {
        this.names = Arrays.stream(names).map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** The object of the chosen fields of {@code object}, each as its bytes there; the output never outgrows it. */
    public byte[] copy(byte[] object) {
        try {
            return copyFields(object);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a complete JSON object");
        }
    }

    private byte[] copyFields(byte[] in) {
        byte[] out = new byte[in.length];
        int o = 0;
        int i = expect(in, skipSpace(in, 0), '{');
        out[o++] = '{';
        i = skipSpace(in, i);
        while (in[i] != '}') {
            int name = i;
            int nameEnd = endOfString(in, expect(in, i, '"'));
            int value = skipSpace(in, expect(in, skipSpace(in, nameEnd), ':'));
            int valueEnd = endOfValue(in, value);
            if (chosen(in, name + 1, nameEnd - 1)) {
                if (o > 1) {
                    out[o++] = ',';
                }
                o = append(out, o, in, name, nameEnd);
                out[o++] = ':';
                o = append(out, o, in, value, valueEnd);
            }
            i = skipSpace(in, valueEnd);
            if (in[i] == ',') {
                i = skipSpace(in, i + 1);
            } else if (in[i] != '}') {
                throw new IllegalArgumentException("expected , or } at " + i);
            }
        }
        out[o++] = '}';
        return Arrays.copyOf(out, o);
    }

    private boolean chosen(byte[] in, int from, int to) {
        for (byte[] n : names) {
            if (Arrays.equals(in, from, to, n, 0, n.length)) {
                return true;
            }
        }
        return false;
    }

    /** Where the value starting at {@code i} ends (exclusive). */
    private static int endOfValue(byte[] in, int i) {
        byte c = in[i];
        if (c == '"') {
            return endOfString(in, i + 1);
        }
        if (c == '{' || c == '[') {
            return endOfNested(in, i);
        }
        while (i < in.length && !delimiter(in[i])) {
            i++;
        }
        return i;
    }

    /** Where the object or array starting at {@code i} ends (exclusive); strings inside may hold brackets. */
    private static int endOfNested(byte[] in, int i) {
        int depth = 0;
        while (true) {
            byte c = in[i];
            if (c == '"') {
                i = endOfString(in, i + 1);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
    }

    /** Where the string whose content starts at {@code i} ends (after its closing quote). */
    private static int endOfString(byte[] in, int i) {
        while (in[i] != '"') {
            i += in[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || space(c);
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static int skipSpace(byte[] in, int i) {
        while (space(in[i])) {
            i++;
        }
        return i;
    }

    /** Past the {@code expected} byte, which must be at {@code i}. */
    private static int expect(byte[] in, int i, char expected) {
        if (in[i] != expected) {
            throw new IllegalArgumentException("expected " + expected + " at " + i);
        }
        return i + 1;
    }

    private static int append(byte[] out, int o, byte[] in, int from, int to) {
        System.arraycopy(in, from, out, o, to - from);
        return o + to - from;
    }
}
