package io.rtmstreams.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written examples of {@code schema-examples/<topic>.json}, one file per topic of the index, written from
 * contract.md: every valid example conforms, and every invalid one is refused for the reason it states (its
 * {@code expect} text is part of an error), not for some other slip in the example.
 */
class SchemaExamplesTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> shouldAcceptEveryValidExample() {
        return SCHEMAS.topics().keySet().stream().sorted().map(topic -> DynamicContainer.dynamicContainer(topic,
                examples(topic, "valid").stream().map(e -> DynamicTest.dynamicTest(e.path("about").asText(), () -> {
                    List<String> errors = validate(topic, e);
                    assertThat(errors).as("errors of %s", e).isEmpty();
                }))));
    }

    @TestFactory
    Stream<DynamicNode> shouldRefuseEveryInvalidExampleForItsStatedReason() {
        return SCHEMAS.topics().keySet().stream().sorted().map(topic -> DynamicContainer.dynamicContainer(topic,
                examples(topic, "invalid").stream().map(e -> DynamicTest.dynamicTest(e.path("about").asText(), () -> {
                    String expect = e.path("expect").asText();
                    assertThat(expect).as("the example says which error it expects").isNotBlank();
                    assertThat(validate(topic, e)).as("errors of %s", e).anyMatch(m -> m.contains(expect));
                }))));
    }

    @Test
    void shouldHaveValidAndInvalidExamplesForEveryTopic() {
        for (String topic : SCHEMAS.topics().keySet()) {
            assertThat(examples(topic, "valid")).as("valid examples of %s", topic).isNotEmpty();
            assertThat(examples(topic, "invalid")).as("invalid examples of %s", topic).isNotEmpty();
        }
    }

    @Test
    void shouldHaveAValidExampleOfEveryOp() {
        Set<String> ops = new TreeSet<>();
        ContractSchemas.readResource("common.schema.json").at("/$defs/op/enum").forEach(op -> ops.add(op.asText()));
        Set<String> covered = new TreeSet<>();
        examples("route-adverts", "valid").forEach(e -> covered.add(e.at("/value/op").asText()));
        assertThat(ops).hasSize(21);
        assertThat(covered).containsAll(ops);
    }

    @Test
    void shouldAcceptTombstonesOnlyOnTheCompactedTopics() {
        assertThat(SCHEMAS.compactedTopics()).containsExactlyInAnyOrder("best-routes", "notifications", "fleet-routes");
        for (String topic : SCHEMAS.topics().keySet()) {
            List<String> errors = SCHEMAS.validateValue(topic, null);
            if (SCHEMAS.compactedTopics().contains(topic)) {
                assertThat(errors).as(topic).isEmpty();
            } else {
                assertThat(errors).as(topic).singleElement().asString().contains("tombstone");
            }
        }
    }

    private static List<String> validate(String topic, JsonNode example) {
        JsonNode key = example.get("key");
        JsonNode value = example.get("value");
        return SCHEMAS.validate(topic, key == null || key.isNull() ? null : key.asText().getBytes(StandardCharsets.UTF_8),
                value == null || value.isNull() ? null : value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> examples(String topic, String kind) {
        String path = "schema-examples/" + topic + ".json";
        try (InputStream in = SchemaExamplesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the test classpath").isNotNull();
            JsonNode file = JSON.readTree(in);
            assertThat(file.path("topic").asText()).as("topic of " + path).isEqualTo(topic);
            List<JsonNode> out = new ArrayList<>();
            file.path(kind).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
