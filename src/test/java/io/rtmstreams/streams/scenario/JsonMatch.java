package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Matches an actual JSON value against an expected one: objects by the fields the expectation names (others are
 * ignored), arrays element by element with the same length, scalars exactly. Returns null on a match, else the path
 * and the difference.
 */
final class JsonMatch {

    private JsonMatch() {
    }

    static String mismatch(JsonNode expected, JsonNode actual) {
        return mismatch("$", expected, actual);
    }

    private static String mismatch(String path, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull() || actual.isMissingNode() ? null
                    : path + ": expected null, got " + actual;
        }
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            return path + ": expected " + expected + ", got nothing";
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected an object, got " + actual;
            }
            for (Map.Entry<String, JsonNode> f : expected.properties()) {
                JsonNode a = actual.get(f.getKey());
                if (f.getValue().isNull() && a == null) {
                    continue; // an absent optional field is null
                }
                String m = mismatch(path + "." + f.getKey(), f.getValue(), a);
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return path + ": expected " + expected + ", got " + actual;
            }
            for (int i = 0; i < expected.size(); i++) {
                String m = mismatch(path + "[" + i + "]", expected.get(i), actual.get(i));
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : path + ": expected " + expected + ", got " + actual;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + ", got " + actual;
    }
}
