package io.rtmstreams.contract.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The wire contract's JSON Schemas (the project's {@code schemas/} folder, shipped in the jar under {@code schemas/})
 * as a validator for tests: every input and output record can be checked as a (topic, key, value) triple.
 *
 * <p>Everything is read from the classpath: {@code schemas/topics.json} lists each topic's key and value schema and
 * its cleanup policy, and the schemas' {@code $id}s ({@value #BASE_IRI}…) are mapped onto {@code classpath:schemas/},
 * so {@code $ref}s between the files resolve without the file system or the network.
 *
 * <p>Besides the schemas, a triple must hold together the way contract.md (Topics) says: a null value (tombstone)
 * only on a compacted topic, keys and values as UTF-8 JSON, the key built from the value's own fields (the router
 * for inputs and results, {@code router|rtmInstance|view|prefix} for best routes, …), and a fleet record's
 * {@code routerCount} equal to the number of its routers. Errors come back as readable lines, one per problem.
 */
public final class ContractSchemas {

    /** The {@code $id} prefix of every schema; the file name follows it. */
    public static final String BASE_IRI = "https://rtmstreams.io/schemas/v1/";
    /** Where the schemas are on the classpath. */
    public static final String CLASSPATH_FOLDER = "schemas/";
    /** The index of topics, key and value schemas and cleanup policies. */
    public static final String INDEX = "topics.json";

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static volatile ContractSchemas shared;

    private final SchemaRegistry registry;
    private final Map<String, Topic> topics;

    /** One topic of the index with its loaded schemas. */
    public record Topic(String name, String keySchema, String valueSchema, boolean compacted, String role,
                        Schema key, Schema value) {
    }

    private ContractSchemas() {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaIdResolvers(r -> r.mapPrefix(BASE_IRI, "classpath:" + CLASSPATH_FOLDER))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH)
                        .pathType(PathType.JSON_PATH).build()));
        topics = loadIndex();
    }

    /** The schemas, loaded once per JVM (they are immutable). */
    public static ContractSchemas get() {
        ContractSchemas s = shared;
        if (s == null) {
            synchronized (ContractSchemas.class) {
                s = shared;
                if (s == null) {
                    s = new ContractSchemas();
                    shared = s;
                }
            }
        }
        return s;
    }

    private Map<String, Topic> loadIndex() {
        JsonNode index = readResource(INDEX).get("topics");
        Map<String, Topic> out = new LinkedHashMap<>();
        index.properties().forEach(e -> {
            JsonNode t = e.getValue();
            String keyFile = t.get("key").asText();
            String valueFile = t.get("value").asText();
            out.put(e.getKey(), new Topic(e.getKey(), keyFile, valueFile, t.get("cleanup").asText().equals("compact"),
                    t.get("role").asText(), schema(keyFile), schema(valueFile)));
        });
        return Map.copyOf(out);
    }

    /** A schema by file name (optionally with a {@code #} fragment), every reference resolved. */
    public Schema schema(String file) {
        return schemaByIri(BASE_IRI + file);
    }

    /** A schema by absolute IRI, such as the draft 2020-12 meta-schema the validator carries with it. */
    public Schema schemaByIri(String iri) {
        Schema s = registry.getSchema(SchemaLocation.of(iri));
        s.initializeValidators();
        return s;
    }

    /** A file of {@code schemas/} from the classpath, as JSON. */
    public static JsonNode readResource(String file) {
        String path = CLASSPATH_FOLDER + file;
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return READER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The topics of the index by name without prefix ({@code best-routes}). */
    public Map<String, Topic> topics() {
        return topics;
    }

    /**
     * The topic a name denotes: a name of the index as is, or with the configurable prefix in front
     * ({@code rtm.best-routes}, {@code test.best-routes}); the longest matching name wins.
     */
    public Topic topic(String name) {
        return topics.values().stream()
                .filter(t -> name.equals(t.name()) || name.endsWith("." + t.name()))
                .max(Comparator.comparingInt(t -> t.name().length()))
                .orElseThrow(() -> new IllegalArgumentException("no schema for topic '" + name + "'; known: "
                        + topics.keySet()));
    }

    // ---- validation ---------------------------------------------------------------------------------------

    /** Every problem of a record; empty when it conforms to the contract. */
    public List<String> validate(String topic, byte[] key, byte[] value) {
        Topic t = topic(topic);
        List<String> errors = new ArrayList<>();
        JsonNode k = keyNode(t, key, errors);
        if (k != null) {
            errors.addAll(validateNode(t.key(), k, "key"));
        }
        JsonNode v = valueNode(t, value, errors);
        if (v != null) {
            errors.addAll(validateNode(t.value(), v, "value"));
            errors.addAll(KeyRules.check(t.name(), key, k, v));
        }
        return errors;
    }

    /** Throws an AssertionError naming the topic, the record and every problem unless the record conforms. */
    public void assertValid(String topic, byte[] key, byte[] value) {
        List<String> errors = validate(topic, key, value);
        if (!errors.isEmpty()) {
            throw new AssertionError(describe(topic, key, value) + " breaks the contract:\n  "
                    + String.join("\n  ", errors));
        }
    }

    /** Checks a value given as JSON text (null for a tombstone), without a key. */
    public List<String> validateValue(String topic, String json) {
        Topic t = topic(topic);
        List<String> errors = new ArrayList<>();
        JsonNode v = valueNode(t, json == null ? null : json.getBytes(StandardCharsets.UTF_8), errors);
        if (v != null) {
            errors.addAll(validateNode(t.value(), v, "value"));
        }
        return errors;
    }

    /** Checks a key given as text (null for no key). */
    public List<String> validateKey(String topic, String key) {
        return validateNode(topic(topic).key(), key == null ? NullNode.getInstance() : TextNode.valueOf(key), "key");
    }

    /** The key as a JSON string (null for no key); null, with an error except on rejected, when not UTF-8. */
    private static JsonNode keyNode(Topic t, byte[] key, List<String> errors) {
        if (key == null) {
            return NullNode.getInstance();
        }
        String text = utf8(key);
        if (text != null) {
            return TextNode.valueOf(text);
        }
        if (!t.name().equals("rejected")) {
            errors.add("key: not UTF-8 text (contract.md, Conventions)");
        }
        return null;
    }

    /** The value as JSON to validate; null for a tombstone or, with an error, for bytes that are not JSON. */
    private static JsonNode valueNode(Topic t, byte[] value, List<String> errors) {
        if (value == null) {
            if (!t.compacted()) {
                errors.add("value: a tombstone (null value) is valid only on the compacted topics (contract.md, "
                        + "Topics), not on " + t.name());
            }
            return null;
        }
        if (utf8(value) == null) {
            errors.add("value: not UTF-8 text (contract.md, Conventions)");
            return null;
        }
        try {
            JsonNode node = READER.readTree(value);
            if (node == null || node.isMissingNode()) {
                errors.add("value: not JSON: no content");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            errors.add("value: not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            errors.add("value: unreadable: " + e.getMessage());
            return null;
        }
    }

    /** The errors of one document, as readable lines prefixed by {@code what} ("key", "value"). */
    public List<String> validateNode(Schema schema, JsonNode node, String what) {
        List<Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            errors = focusOnOp(schema, node, errors);
        }
        return errors.stream().map(e -> what + ": " + ErrorText.of(e)).distinct().toList();
    }

    /**
     * A command that fails a {@code oneOf} of one definition per op gets errors from every op's definition; those
     * of its own op's definition say what is wrong, and without a known op the errors outside the {@code oneOf}
     * (op is not one of the ops) do.
     */
    private List<Error> focusOnOp(Schema schema, JsonNode node, List<Error> errors) {
        JsonNode defs = schema.getSchemaNode().get("$defs");
        if (!node.isObject() || defs == null || !schema.getSchemaNode().has("oneOf")) {
            return errors;
        }
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual() || !defs.has(op.asText())) {
            List<Error> outside = errors.stream().filter(e -> !e.getEvaluationPath().toString().contains("oneOf"))
                    .toList();
            return outside.isEmpty() ? errors : outside;
        }
        String file = schema.getSchemaLocation().getAbsoluteIri().toString().substring(BASE_IRI.length());
        List<Error> own = schema(file + "#/$defs/" + op.asText()).validate(node);
        return own.isEmpty() ? errors : own;
    }

    static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String describe(String topic, byte[] key, byte[] value) {
        return topic + " record (key " + text(key) + ", value " + text(value) + ")";
    }

    private static String text(byte[] b) {
        if (b == null) {
            return "null";
        }
        String s = utf8(b);
        return s == null ? "<" + b.length + " bytes, not UTF-8>" : s;
    }

    /** The topics whose values may be null (compacted, contract.md Topics). */
    public Set<String> compactedTopics() {
        return Set.copyOf(topics.values().stream().filter(Topic::compacted).map(Topic::name).toList());
    }
}
