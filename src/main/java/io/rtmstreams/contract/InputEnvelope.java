package io.rtmstreams.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.Status;

import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

/**
 * What makes a record on an input topic input at all (D2, D20): its type field ({@code op}, {@code
 * notificationType}) names a known type, and its {@code router} is present and equal to the record's UTF-8 key.
 * A record that fails is rejected; one that passes is answered with a result even when the rest is wrong.
 *
 * <p>Both readers ({@link CommandReader}, {@link InterfaceChangeReader}) report through here, so the same problem
 * reads the same on either topic: a tombstone is rejected with "no value (a tombstone is not ...)", input that does
 * not parse with "not a JSON object: " and the parser's first line, a field of the wrong JSON type is answered
 * ERROR_INVALID_PARAMETER "wrong JSON type at " with its path, and a field the domain refuses with the status of
 * the refusal ({@link #invalid}).
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
     * envelope passes, in which case it is answered ERROR_INVALID_PARAMETER naming the field, with the envelope
     * {@code envelope} makes of the readable fields.
     */
    <C> Decoded<C> mistyped(byte[] key, byte[] value, MismatchedInputException e,
                            Function<JsonNode, Envelope> envelope) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(value);
        } catch (IOException notJson) {
            return notJson(notJson);
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Rejected<>("not a JSON object");
        }
        String problem = problem(key, text(tree, typeField), text(tree, "router"));
        return problem != null ? new Decoded.Rejected<>(problem)
                : new Decoded.Invalid<>(envelope.apply(tree), Status.ERROR_INVALID_PARAMETER, wrongType(e));
    }

    /** A record without a value: {@code what} says what a tombstone is not ("a command"). */
    static <C> Decoded<C> tombstone(String what) {
        return new Decoded.Rejected<>("no value (a tombstone is not " + what + ")");
    }

    /** Input the JSON parser refused. */
    static <C> Decoded<C> notJson(IOException e) {
        return new Decoded.Rejected<>("not a JSON object: " + firstLine(e));
    }

    /**
     * Input whose envelope passed but whose fields the reader or the domain refused: the refusal's status, or
     * ERROR_INVALID_PARAMETER for a value out of range or malformed.
     */
    static <C> Decoded<C> invalid(Envelope envelope, IllegalArgumentException e) {
        return new Decoded.Invalid<>(envelope, Status.ERROR_INVALID_PARAMETER, e.getMessage());
    }

    static <C> Decoded<C> invalid(Envelope envelope, RtmException e) {
        return new Decoded.Invalid<>(envelope, e.status(), e.getMessage());
    }

    /** The message of a field of the wrong JSON type: its path and the parser's first line. */
    static String wrongType(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return "wrong JSON type at " + (sb.length() == 0 ? "(top level)" : sb) + ": " + firstLine(e);
    }

    static String firstLine(IOException e) {
        return e instanceof JsonProcessingException j
                ? j.getOriginalMessage().lines().findFirst().orElse(e.getClass().getSimpleName())
                : String.valueOf(e.getMessage());
    }

    /** A field of a tree when it is a JSON string, else null. */
    static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
