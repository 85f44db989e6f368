package io.rtmstreams.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * What a JSON Schema cannot say because it sees one document at a time: the key of a record is built from its
 * value (contract.md, Topics). Checked only where the fields exist; a missing field is the schema's error to report.
 */
final class KeyRules {

    private KeyRules() {
    }

    /** The problems of a record; {@code key} is null when the key bytes are not UTF-8 (reported elsewhere). */
    static List<String> check(String topic, byte[] keyBytes, JsonNode key, JsonNode value) {
        List<String> errors = new ArrayList<>();
        switch (topic) {
            case "route-adverts", "interface-changes", "command-results" ->
                    expectKey(errors, key, value, v -> text(v, "router"), "the value's router (D2, D20)");
            case "best-routes", "dest-changes" -> expectKey(errors, key, value,
                    v -> join(text(v, "router"), text(v, "rtmInstance"), text(v, "view"), text(v, "prefix")),
                    "router|rtmInstance|view|prefix of the value");
            case "entity-events" -> expectKey(errors, key, value,
                    v -> join(text(v, "router"), text(v, "rtmInstance"), text(v, "family"), entity(v.get("recipient"))),
                    "router|rtmInstance|family|protocolId.instanceId of the recipient");
            case "notifications" -> expectKey(errors, key, value,
                    v -> join(text(v, "router"), text(v, "rtmInstance"), text(v, "registrationId"), text(v, "view"),
                            text(v, "prefix")),
                    "router|rtmInstance|registrationId|view|prefix of the value");
            case "fleet-routes" ->
                    expectKey(errors, key, value, v -> join(text(v, "view"), text(v, "prefix")), "view|prefix of the value");
            case "rejected" -> rejectedKey(errors, keyBytes, value);
            default -> throw new IllegalArgumentException("no key rule for topic " + topic);
        }
        return errors;
    }

    private static void expectKey(List<String> errors, JsonNode key, JsonNode value, Function<JsonNode, String> rule,
                                  String what) {
        String expected = value.isObject() && key != null ? rule.apply(value) : null;
        if (expected != null && !expected.equals(key.isTextual() ? key.asText() : null)) {
            errors.add("key: " + key + " is not " + what + ": \"" + expected + "\" (contract.md, Topics)");
        }
    }

    /** The rejected record's key is the input key, byte for byte, and its value names it the same way. */
    private static void rejectedKey(List<String> errors, byte[] keyBytes, JsonNode value) {
        if (!value.isObject()) {
            return;
        }
        JsonNode shown = value.get("key");
        String utf8 = keyBytes == null ? null : ContractSchemas.utf8(keyBytes);
        if (keyBytes != null && (utf8 == null) != value.has("keyEncoding")) {
            errors.add("value: keyEncoding must be present exactly when the record key is not UTF-8 (contract.md, "
                    + "Outputs: Rejected)");
            return;
        }
        String expected = utf8 != null || keyBytes == null ? utf8 : Base64.getEncoder().encodeToString(keyBytes);
        String actual = shown == null || !shown.isTextual() ? null : shown.asText();
        if (expected == null ? actual != null : !expected.equals(actual)) {
            errors.add("value: $.key " + (actual == null ? "is absent" : "\"" + actual + "\"")
                    + " but the record key is " + (expected == null ? "absent" : "\"" + expected + "\"")
                    + " (contract.md, Outputs: Rejected)");
        }
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    private static String entity(JsonNode e) {
        return e == null ? null : join(text(e, "protocolId"), text(e, "instanceId")).replace('|', '.');
    }

    /** The parts joined by '|', or null when one is missing. */
    private static String join(String... parts) {
        for (String p : parts) {
            if (p == null) {
                return null;
            }
        }
        return String.join("|", parts);
    }
}
