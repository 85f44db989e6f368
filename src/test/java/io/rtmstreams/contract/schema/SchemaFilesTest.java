package io.rtmstreams.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import io.rtmstreams.streams.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of {@code schemas/} as they are on the classpath: each a valid draft 2020-12 schema with the {@code $id}
 * of its file name, every {@code $ref} pointing at a definition that exists, every file listed in the index, the
 * index agreeing with the topology's topics, and the key patterns repeating the shared patterns exactly.
 */
class SchemaFilesTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    @Test
    void everySchemaIsAValidDraft202012SchemaWithTheIdOfItsFile() {
        Schema meta = SCHEMAS.schemaByIri(META_SCHEMA);
        for (String file : schemaFiles()) {
            JsonNode schema = ContractSchemas.readResource(file);
            assertThat(schema.path("$schema").asText()).as("$schema of %s", file).isEqualTo(META_SCHEMA);
            assertThat(schema.path("$id").asText()).as("$id of %s", file).isEqualTo(ContractSchemas.BASE_IRI + file);
            assertThat(SCHEMAS.validateNode(meta, schema, file)).as("meta-schema errors").isEmpty();
            assertThat(schema.path("title").asText() + schema.path("description").asText()).as("title of %s", file)
                    .isNotBlank();
        }
    }

    @Test
    void everyRefNamesADefinitionThatExists() {
        List<String> refs = new ArrayList<>();
        for (String file : schemaFiles()) {
            JsonNode schema = ContractSchemas.readResource(file);
            collectRefs(schema, refs, file);
        }
        assertThat(refs).as("$refs found").hasSizeGreaterThan(100);
        for (String ref : refs) {
            String from = ref.substring(0, ref.indexOf(' '));
            String target = ref.substring(ref.indexOf(' ') + 1);
            String file = target.startsWith("#") ? from : target.substring(0, target.indexOf('#'));
            String pointer = target.substring(target.indexOf('#') + 1);
            assertThat(schemaFiles()).as("file of $ref %s in %s", target, from).contains(file);
            assertThat(ContractSchemas.readResource(file).at(pointer).isMissingNode())
                    .as("$ref %s in %s", target, from).isFalse();
        }
        for (String file : schemaFiles()) {
            SCHEMAS.schema(file);
        }
    }

    @Test
    void everyFileOfTheFolderIsInTheIndexAndEveryIndexedFileExists() throws IOException, URISyntaxException {
        Set<String> indexed = new TreeSet<>(schemaFiles());
        indexed.add(ContractSchemas.INDEX);
        indexed.add("README.md");
        assertThat(filesOnClasspath()).containsExactlyInAnyOrderElementsOf(indexed);
    }

    @Test
    void indexAgreesWithTheTopicsOfTheTopology() {
        Topics topics = new Topics(Topics.DEFAULT_PREFIX);
        Map<String, String> fromCode = new TreeMap<>();
        for (Topics.TopicSpec spec : topics.all()) {
            String name = spec.name().substring(Topics.DEFAULT_PREFIX.length());
            fromCode.put(name, (spec.compacted() ? "compact" : "delete") + "/" + (spec.input() ? "input" : "other"));
        }
        Map<String, String> fromIndex = new TreeMap<>();
        SCHEMAS.topics().forEach((name, t) -> fromIndex.put(name, (t.compacted() ? "compact" : "delete") + "/"
                + (t.role().equals("input") ? "input" : "other")));
        assertThat(fromIndex).isEqualTo(fromCode);
    }

    @Test
    void keyPatternsRepeatTheSharedPatternsExactly() {
        JsonNode defs = ContractSchemas.readResource("common.schema.json").path("$defs");
        String router = inner(defs, "routerId");
        String instance = inner(defs, "rtmInstanceText");
        String view = group(defs, "view");
        String prefix = inner(defs, "canonicalPrefix");
        String destKey = "^" + String.join("\\|", router, instance, view, prefix) + "$";
        String u32 = inner(defs, "uint32Text");
        assertThat(keyPattern("best-routes")).isEqualTo(destKey);
        assertThat(keyPattern("dest-changes")).isEqualTo(destKey);
        assertThat(keyPattern("entity-events"))
                .isEqualTo("^" + String.join("\\|", router, instance, group(defs, "family"), u32 + "\\." + u32) + "$");
        assertThat(keyPattern("notifications"))
                .isEqualTo("^" + String.join("\\|", router, instance, ".*", view, prefix) + "$");
        assertThat(keyPattern("fleet-routes")).isEqualTo("^" + view + "\\|" + prefix + "$");
    }

    private static String keyPattern(String topic) {
        return ContractSchemas.readResource(topic + ".key.schema.json").path("pattern").asText();
    }

    /** The pattern of a definition without its anchors. */
    private static String inner(JsonNode defs, String name) {
        String p = defs.path(name).path("pattern").asText();
        assertThat(p).as(name).startsWith("^").endsWith("$");
        return p.substring(1, p.length() - 1);
    }

    /** An enum definition as an alternation group. */
    private static String group(JsonNode defs, String name) {
        List<String> values = new ArrayList<>();
        defs.path(name).path("enum").forEach(v -> values.add(v.asText()));
        return "(" + String.join("|", values) + ")";
    }

    private static void collectRefs(JsonNode node, List<String> refs, String file) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(file + " " + e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs, file);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs, file));
        }
    }

    /** The schema files: every key and value schema of the index, and the shared definitions. */
    private static List<String> schemaFiles() {
        List<String> files = new ArrayList<>();
        files.add("common.schema.json");
        SCHEMAS.topics().values().forEach(t -> {
            files.add(t.keySchema());
            files.add(t.valueSchema());
        });
        return files;
    }

    private static Set<String> filesOnClasspath() throws IOException, URISyntaxException {
        URL index = SchemaFilesTest.class.getClassLoader().getResource(ContractSchemas.CLASSPATH_FOLDER
                + ContractSchemas.INDEX);
        assertThat(index).isNotNull();
        assertThat(index.getProtocol()).as("schemas/ as a folder of the build's classes").isEqualTo("file");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(index.toURI()).getParent())) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }
}
