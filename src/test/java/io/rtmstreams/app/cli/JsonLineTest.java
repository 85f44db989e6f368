package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lines {@code produce} can key by router (D2), and what it says about the others. */
class JsonLineTest {

    @Test
    void aCommandIsKeyedByItsRouter() {
        JsonLine line = JsonLine.parse("{\"op\":\"ADD_ROUTE\",\"router\":\"edge-1.fra:a_b\",\"dest\":\"10.0.0.0/8\","
                + "\"nextHops\":[{\"address\":\"192.0.2.1\",\"interfaceIndex\":1}],\"router2\":{\"router\":\"x\"}}");

        assertThat(line).isEqualTo(new JsonLine.Routable("edge-1.fra:a_b", false));
    }

    @Test
    void aLineWithANotificationTypeIsAnInterfaceChange() {
        JsonLine line = JsonLine.parse("{\"router\":\"r1\",\"notificationType\":\"ADD_INSTANCE\",\"interface\":"
                + "{\"family\":\"ipv4\",\"interfaceLuid\":\"1\",\"interfaceIndex\":1}}");

        assertThat(line).isEqualTo(new JsonLine.Routable("r1", true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                  | not valid JSON: Unrecognized token 'not'",
        "[{\"router\":\"r1\"}]                     | not a JSON object",
        "\"r1\"                                    | not a JSON object",
        "{\"op\":\"ADD_ROUTE\"}                    | no \"router\" field",
        "{\"router\":{\"id\":\"r1\"}}              | \"router\" is not a string",
        "{\"router\":7}                            | \"router\" is not a string",
        "{\"router\":\"\"}                         | router must be 1-64 characters",
        "{\"router\":\"r 1\"}                      | router must be 1-64 characters",
        "{\"router\":\"r1\",\"router\":\"r2\"}     | not valid JSON: Duplicate field 'router'",
        "{\"router\":\"r1\"} {\"router\":\"r2\"}   | more than one JSON value on the line",
        "{\"router\":\"r1\",                       | not valid JSON: Unexpected end-of-input"})
    void linesThatAreNotJsonObjectsWithAValidRouterSayWhy(String line, String reason) {
        JsonLine parsed = JsonLine.parse(line.strip());

        assertThat(parsed).isInstanceOf(JsonLine.Unroutable.class);
        assertThat(((JsonLine.Unroutable) parsed).reason()).startsWith(reason);
    }
}
