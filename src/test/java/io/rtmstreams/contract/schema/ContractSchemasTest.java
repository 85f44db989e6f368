package io.rtmstreams.contract.schema;

import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test-side validator: how it names topics, what it checks beyond the schemas, how it words errors, and whether
 * the shared address and number patterns say what the processor's own parser and formatter do.
 */
class ContractSchemasTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.get();
    private static final String RESULT = "{\"requestId\":\"1\",\"router\":\"r1\",\"rtmInstance\":0,"
            + "\"op\":\"REGISTER_ENTITY\",\"entity\":{\"protocolId\":14,\"instanceId\":1},\"status\":\"NO_ERROR\","
            + "\"code\":0,\"changeFlags\":[]}";

    // ---- topics and record checks --------------------------------------------------------------------------

    @Test
    void shouldFindATopicByItsNameWithOrWithoutThePrefix() {
        assertThat(SCHEMAS.topic("best-routes").name()).isEqualTo("best-routes");
        assertThat(SCHEMAS.topic("rtm.best-routes").name()).isEqualTo("best-routes");
        assertThat(SCHEMAS.topic("lab.rtm.best-routes").name()).isEqualTo("best-routes");
        assertThatThrownBy(() -> SCHEMAS.topic("rtm.best-route")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no schema for topic");
    }

    @Test
    void shouldAcceptAConformingRecordAndListEveryProblemOfAnotherInOneError() {
        SCHEMAS.assertValid("rtm.command-results", bytes("r1"), bytes(RESULT));
        String bad = RESULT.replace("\"code\":0", "\"code\":87").replace("\"router\":\"r1\"", "\"router\":\"r 1\"");
        assertThatThrownBy(() -> SCHEMAS.assertValid("rtm.command-results", bytes("r1"), bytes(bad)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rtm.command-results record (key r1, value {")
                .hasMessageContaining("value: $.code: must be the constant value '0'")
                .hasMessageContaining("value: $.router: \"r 1\" does not match common.schema.json#/$defs/routerId")
                .hasMessageContaining("key: \"r1\" is not the value's router");
    }

    @Test
    void shouldNameTheDefinitionOfAFailedPatternInsteadOfQuotingIt() {
        List<String> errors = SCHEMAS.validate("best-routes", bytes("r1|0|unicast|10.0.0.0/8"),
                bytes(bestRoute("10.0.0.0/8").replace("\"192.0.2.1\"", "\"192.0.2.01\"")));
        assertThat(errors).contains(
                "value: $.nextHops[0].address: \"192.0.2.01\" does not match common.schema.json#/$defs/ipv4Address");
        assertThat(errors).allMatch(e -> e.length() < 200, "short lines");
    }

    @Test
    void shouldRefuseValuesThatAreNotStrictUtf8Json() {
        assertThat(SCHEMAS.validate("command-results", bytes("r1"), new byte[]{'{', (byte) 0xFF, '}'}))
                .containsExactly("value: not UTF-8 text (contract.md, Conventions)");
        assertThat(SCHEMAS.validate("command-results", bytes("r1"), bytes(RESULT.replace("{\"requestId\":\"1\",",
                "{\"requestId\":\"1\",\"requestId\":\"2\",")))).singleElement().asString()
                .startsWith("value: not JSON: Duplicate field 'requestId'");
        assertThat(SCHEMAS.validate("command-results", bytes("r1"), bytes(RESULT + " {}"))).singleElement()
                .asString().startsWith("value: not JSON");
        assertThat(SCHEMAS.validate("command-results", bytes("r1"), bytes("null"))).singleElement().asString()
                .contains("null found, object expected");
    }

    @Test
    void shouldAllowAKeyThatIsNotUtf8OnlyOnTheRejectedTopicWhereTheValueCarriesItInBase64() {
        byte[] key = {(byte) 0xC3, (byte) 0x28};
        String rejected = "{\"reason\":\"key is not the router\",\"topic\":\"rtm.route-adverts\",\"partition\":0,"
                + "\"offset\":4,\"key\":\"wyg=\",\"keyEncoding\":\"base64\",\"value\":\"x\"}";
        assertThat(SCHEMAS.validate("rtm.rejected", key, bytes(rejected))).isEmpty();
        assertThat(SCHEMAS.validate("rtm.rejected", key, bytes(rejected.replace("wyg=", "wyh="))))
                .singleElement().asString().contains("$.key \"wyh=\" but the record key is \"wyg=\"");
        assertThat(SCHEMAS.validate("rtm.rejected", bytes("r1"), bytes(rejected.replace("wyg=", "cjE="))))
                .singleElement().asString().contains("keyEncoding must be present exactly when");
        assertThat(SCHEMAS.validate("rtm.command-results", key, bytes(RESULT)))
                .contains("key: not UTF-8 text (contract.md, Conventions)");
    }

    @Test
    void shouldCheckThatTheKeyIsBuiltFromTheValue() {
        String value = bestRoute("10.0.0.0/8");
        assertThat(SCHEMAS.validate("best-routes", bytes("r1|0|unicast|10.0.0.0/8"), bytes(value))).isEmpty();
        assertThat(SCHEMAS.validate("best-routes", bytes("r1|0|multicast|10.0.0.0/8"), bytes(value)))
                .containsExactly("key: \"r1|0|multicast|10.0.0.0/8\" is not router|rtmInstance|view|prefix of the "
                        + "value: \"r1|0|unicast|10.0.0.0/8\" (contract.md, Topics)");
    }

    @Test
    void shouldReportTheErrorsOfTheCommandsOwnOpOnly() {
        String cmd = "{\"op\":\"HOLD_DESTINATION\",\"requestId\":\"1\",\"router\":\"r1\",\"entity\":"
                + "{\"protocolId\":14,\"instanceId\":1},\"dest\":\"10.0.0.0/8\",\"views\":[\"unicast\"]}";
        assertThat(SCHEMAS.validate("route-adverts", bytes("r1"), bytes(cmd)))
                .containsExactly("value: $: required property 'holdTimeMs' not found");
    }

    // ---- shared patterns against the processor's own parser and formatter ----------------------------------

    @Test
    void shouldAcceptEveryCanonicalAddressAndPrefixTheProcessorWrites() {
        Schema address = SCHEMAS.schema("common.schema.json#/$defs/canonicalIpAddress");
        Schema prefix = SCHEMAS.schema("common.schema.json#/$defs/canonicalPrefix");
        Schema inputPrefix = SCHEMAS.schema("common.schema.json#/$defs/prefix");
        Random random = new Random(20261121);
        for (int i = 0; i < 5_000; i++) {
            IpAddress a = IpAddress.ofBytes(randomAddressBytes(random));
            Prefix p = Prefix.of(a, random.nextInt(a.family().bits() + 1));
            assertThat(errors(address, a.toString())).as(a.toString()).isEmpty();
            assertThat(errors(prefix, p.toString())).as(p.toString()).isEmpty();
            assertThat(errors(inputPrefix, p.toString())).as(p.toString()).isEmpty();
        }
    }

    /**
     * Whitespace around a literal is refused by the schema (an IP literal has none, contract.md Conventions); the
     * parser on this branch trims it, so those texts are checked against the schema only.
     */
    @Test
    void shouldRefuseWhitespaceAroundALiteral() {
        Schema address = SCHEMAS.schema("common.schema.json#/$defs/ipAddress");
        Schema prefix = SCHEMAS.schema("common.schema.json#/$defs/prefix");
        for (String text : List.of(" 192.0.2.1", "192.0.2.1 ", "2001:db8::1\n", "\t::1")) {
            assertThat(errors(address, text)).as("'" + text + "'").isNotEmpty();
            assertThat(errors(prefix, text + "/32")).as("'" + text + "/32'").isNotEmpty();
        }
    }

    @Test
    void shouldAcceptExactlyTheAddressLiteralsTheProcessorParses() {
        Schema address = SCHEMAS.schema("common.schema.json#/$defs/ipAddress");
        List<String> disagreements = new ArrayList<>();
        for (String text : addressTexts()) {
            boolean schema = errors(address, text).isEmpty();
            if (text.strip().equals(text) && schema != parses(text, false)) {
                disagreements.add("'" + text + "': schema " + (schema ? "accepts" : "refuses")
                        + ", IpAddress.parse " + (schema ? "refuses" : "accepts"));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldAcceptExactlyThePrefixesTheProcessorParses() {
        Schema prefix = SCHEMAS.schema("common.schema.json#/$defs/prefix");
        List<String> disagreements = new ArrayList<>();
        for (String address : addressTexts()) {
            if (!address.strip().equals(address)) {
                continue;
            }
            for (String length : List.of("0", "8", "32", "33", "64", "128", "129", "08", "", "-1", "1a")) {
                String text = address + "/" + length;
                boolean schema = errors(prefix, text).isEmpty();
                if (schema != parses(text, true)) {
                    disagreements.add("'" + text + "': schema " + (schema ? "accepts" : "refuses")
                            + ", Prefix.parse " + (schema ? "refuses" : "accepts"));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldBoundTheNumberPatternsLikeTheirIntegerRanges() {
        checkDecimalText("common.schema.json#/$defs/uint32Text", 4294967295L);
        checkDecimalText("common.schema.json#/$defs/rtmInstanceText", 65535L);
        Schema u64 = SCHEMAS.schema("common.schema.json#/$defs/uint64String");
        assertThat(errors(u64, "18446744073709551615")).isEmpty();
        assertThat(errors(u64, "9223372036854775808")).isEmpty();
        assertThat(errors(u64, "18446744073709551616")).isNotEmpty();
        assertThat(errors(u64, "18446744073709551620")).isNotEmpty();
        assertThat(errors(u64, "99999999999999999999")).isNotEmpty();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            assertThat(errors(u64, Long.toUnsignedString(random.nextLong() >>> random.nextInt(64)))).isEmpty();
        }
    }

    private static void checkDecimalText(String definition, long max) {
        Schema schema = SCHEMAS.schema(definition);
        Random random = new Random(max);
        for (int i = 0; i < 2_000; i++) {
            long v = (long) (random.nextDouble() * max * 2);
            assertThat(errors(schema, Long.toString(v)).isEmpty()).as(definition + " " + v).isEqualTo(v <= max);
        }
        for (long v : new long[]{0, 1, 9, 10, max - 1, max, max + 1, max * 10}) {
            assertThat(errors(schema, Long.toString(v)).isEmpty()).as(definition + " " + v).isEqualTo(v <= max);
        }
        for (String bad : List.of("", "01", "-1", "+1", "1.0", " 1")) {
            assertThat(errors(schema, bad)).as(definition + " '" + bad + "'").isNotEmpty();
        }
    }

    /** Literals around the edges of RFC 4291 text, and mutations of them. */
    private static List<String> addressTexts() {
        List<String> seeds = List.of("0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.0", "::", "::1", "1::",
                "2001:db8::", "2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "fe80::1", "::ffff:192.0.2.1",
                "64:ff9b::192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
                "1::2:3:4:5:6:7", "1:2:3:4::5:6:7");
        List<String> texts = new ArrayList<>(seeds);
        texts.addAll(List.of("", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "0x1.2.3.4",
                ":::", "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:8::", "::1.2.3", "::1.2.3.4.5", "fe80::1%eth0", "[::1]", "localhost", "::ffff:1.2.3.256",
                "1:2:3:4:5:6:7:1.2.3.4", "::00000", "0:0:0:0:0:0:0:0:0", "1.2.3.4::", "::1:", ":1::", "-1.2.3.4"));
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEFg:.%/-";
        for (String seed : seeds) {
            for (int i = 0; i < 40; i++) {
                StringBuilder sb = new StringBuilder(seed);
                int pos = sb.length() == 0 ? 0 : random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(pos);
                    default -> sb.setCharAt(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                }
                texts.add(sb.toString());
            }
        }
        return texts;
    }

    private static boolean parses(String text, boolean prefix) {
        try {
            if (prefix) {
                Prefix.parse(text);
            } else {
                IpAddress.parse(text);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] randomAddressBytes(Random random) {
        byte[] b = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(b);
        if (b.length == 16 && random.nextInt(4) > 0) {
            int from = random.nextInt(8);
            int to = from + random.nextInt(9 - from);
            for (int i = 2 * from; i < 2 * to; i++) {
                b[i] = 0;
            }
            if (random.nextInt(5) == 0) {
                java.util.Arrays.fill(b, 0, 10, (byte) 0);
                b[10] = (byte) 0xFF;
                b[11] = (byte) 0xFF;
            }
        }
        return b;
    }

    private static List<String> errors(Schema schema, String text) {
        return SCHEMAS.validateNode(schema, TextNode.valueOf(text), "text");
    }

    private static String bestRoute(String prefix) {
        return "{\"router\":\"r1\",\"rtmInstance\":0,\"family\":\"ipv4\",\"view\":\"unicast\",\"prefix\":\"" + prefix
                + "\",\"version\":1,\"routeId\":1,\"owner\":{\"protocolId\":14,\"instanceId\":1},\"preference\":20,"
                + "\"metric\":5,\"interfaceMetric\":0,\"effectiveMetric\":5,\"nextHops\":[{\"address\":\"192.0.2.1\","
                + "\"interfaceIndex\":3,\"nextHopId\":1}],\"flags\":[],\"reason\":\"ONLY_CANDIDATE\",\"numRoutes\":1,\"lastChanged\":0}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
