package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.function.Function;

/**
 * What makes a record on an input topic input at all (D2, D20): its type field ({@code op}, {@code
 * notificationType}) names a known type, and its {@code router} is present and equal to the record's UTF-8 key.
 * A record that fails is rejected; one that passes is answered with a result even when the rest is wrong.
 */
final class InputEnvelope {

    private final String typeField;
    private final Set<String> types;

    InputEnvelope(String typeField, Set<String> types) {
        this.typeField = typeField;
        this.types = types;
    }

    /** Why a record with this type and router under {@code key} is not input, or null when it is. */
    String problem(byte[] key, String type, String router) {
        if (type == null) {
            return "no " + typeField;
        }
        if (!types.contains(type)) {
            return "unknown " + typeField + " '" + type + "'";
        }
        if (router == null) {
            return "no router";
        }
        String k = Utf8.decode(key);
        return router.equals(k) ? null
                : "key " + (k == null ? "(none)" : "'" + k + "'") + " is not the router '" + router + "' (D2)";
    }

    /**
     * A record whose fields have the wrong JSON types, read again as a tree: rejected unless it is an object whose
     * envelope passes, in which case {@code answer} makes the result from the readable fields.
     */
    <C> Decoded<C> mistyped(byte[] key, JsonNode tree, Function<JsonNode, Decoded<C>> answer) {
        if (tree == null || !tree.isObject()) {
            return new Decoded.Rejected<>("not a JSON object");
        }
        String problem = problem(key, text(tree, typeField), text(tree, "router"));
        return problem != null ? new Decoded.Rejected<>(problem) : answer.apply(tree);
    }

    /** A field of a tree when it is a JSON string, else null. */
    static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
