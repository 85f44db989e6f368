package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JsonFields} against Jackson: the chosen top-level fields, as they were, whatever the values hold. */
class JsonFieldsTest {

    private static final List<String> NAMES = List.of("a", "owner", "nextHops", "s", "n");
    private static final JsonFields CHOSEN = new JsonFields(NAMES.toArray(String[]::new));

    @Test
    void shouldKeepTheChosenFieldsInTheirOrder() {
        assertThat(copy("{\"x\":1,\"owner\":{\"protocolId\":14,\"instanceId\":1},\"a\":[1,{\"b\":\"]}\"}],\"z\":null}"))
                .isEqualTo("{\"owner\":{\"protocolId\":14,\"instanceId\":1},\"a\":[1,{\"b\":\"]}\"}]}");
        assertThat(copy("{}")).isEqualTo("{}");
        assertThat(copy("{\"x\":true}")).isEqualTo("{}");
        assertThat(copy(" { \"n\" : -1.5e3 , \"s\" : \"q\\\"\\\\\" } ")).isEqualTo("{\"n\":-1.5e3,\"s\":\"q\\\"\\\\\"}");
    }

    @Test
    void shouldAgreeWithJacksonOnRandomObjects() throws IOException {
        Random random = new Random(27);
        for (int n = 0; n < 2_000; n++) {
            ObjectNode object = Json.MAPPER.createObjectNode();
            for (int f = random.nextInt(8); f > 0; f--) {
                String name = random.nextInt(3) == 0 ? NAMES.get(random.nextInt(NAMES.size())) : "f" + f + text(random);
                object.set(name, value(random, 3));
            }
            ObjectNode expected = Json.MAPPER.createObjectNode();
            object.fields().forEachRemaining(e -> {
                if (NAMES.contains(e.getKey())) {
                    expected.set(e.getKey(), e.getValue());
                }
            });
            String text = random.nextBoolean() ? object.toString() : object.toPrettyString();
            assertThat(Json.MAPPER.readTree(CHOSEN.copy(text.getBytes(StandardCharsets.UTF_8)))).as(text)
                    .isEqualTo(expected);
            assertThat(copy(object.toString())).as("compact in, compact out").isEqualTo(expected.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"a\":1", "{\"a\" 1}", "{a:1}", "{\"a\":\"open}"})
    void shouldRefuseWhatIsNotAnObject(String text) {
        assertThatThrownBy(() -> copy(text)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String copy(String text) {
        return new String(CHOSEN.copy(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0:
                return Json.MAPPER.getNodeFactory().textNode(text(random));
            case 1:
                return Json.MAPPER.getNodeFactory().numberNode(random.nextLong());
            case 2:
                return Json.MAPPER.getNodeFactory().numberNode(random.nextDouble() * 1e6);
            case 3:
                return Json.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 4:
                return Json.MAPPER.getNodeFactory().nullNode();
            case 5:
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                return array;
            default:
                ObjectNode object = Json.MAPPER.createObjectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(text(random), value(random, depth - 1));
                }
                return object;
        }
    }

    /** Text with what makes scanning hard: quotes, backslashes, brackets, commas, control and non-ASCII characters. */
    private static String text(Random random) {
        String alphabet = "ab\"\\{}[],: \n\té€😀/";
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return b.toString();
    }
}
