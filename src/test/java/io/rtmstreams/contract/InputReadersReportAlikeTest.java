package io.rtmstreams.contract;

import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D20: the two input topics' readers word the same problem the same way, so a producer (and the rejected topic's
 * reader) need not know which topic a record came from to understand why it failed.
 */
class InputReadersReportAlikeTest {

    private static final String COMMAND =
            "\"op\":\"REGISTER_ENTITY\",\"requestId\":\"1\",\"router\":\"r1\",\"family\":\"ipv4\","
                    + "\"entity\":{\"protocolId\":\"BGP\",\"instanceId\":1}";
    private static final String CHANGE = "\"notificationType\":\"ADD_INSTANCE\",\"requestId\":\"1\",\"router\":\"r1\"";

    @Test
    @DisplayName("D20: a tombstone is rejected on either topic, saying what it is not")
    void shouldRejectTombstonesAlike() {
        assertThat(rejected(CommandReader.read(bytes("r1"), null)))
                .isEqualTo("no value (a tombstone is not a command)");
        assertThat(rejected(InterfaceChangeReader.read(bytes("r1"), null)))
                .isEqualTo("no value (a tombstone is not an interface change)");
    }

    @Test
    @DisplayName("D20: input that does not parse is rejected with the parser's first line on either topic")
    void shouldRejectUnparsableInputAlike() {
        String command = rejected(CommandReader.read(bytes("r1"), bytes("{broken")));
        String change = rejected(InterfaceChangeReader.read(bytes("r1"), bytes("{broken")));

        assertThat(command).startsWith("not a JSON object: ").doesNotContain("\n").isEqualTo(change);
    }

    @Test
    @DisplayName("D20: JSON that is not an object is rejected alike")
    void shouldRejectNonObjectsAlike() {
        assertThat(rejected(CommandReader.read(bytes("r1"), bytes("[1, 2, 3]")))).isEqualTo("not a JSON object");
        assertThat(rejected(InterfaceChangeReader.read(bytes("r1"), bytes("[1, 2, 3]"))))
                .isEqualTo("not a JSON object");
    }

    @Test
    @DisplayName("D2: a key that is not the router is rejected alike")
    void shouldRejectAForeignKeyAlike() {
        assertThat(rejected(CommandReader.read(bytes("r2"), bytes("{" + COMMAND + "}"))))
                .isEqualTo("key 'r2' is not the router 'r1' (D2)");
        assertThat(rejected(InterfaceChangeReader.read(bytes("r2"), bytes("{" + CHANGE + ",\"interface\":{}}"))))
                .isEqualTo("key 'r2' is not the router 'r1' (D2)");
    }

    @Test
    @DisplayName("D20: a field of the wrong JSON type is ERROR_INVALID_PARAMETER naming its path, on either topic")
    void shouldAnswerAMistypedFieldAlike() {
        Decoded.Invalid<?> command = invalid(CommandReader.read(bytes("r1"),
                bytes("{" + COMMAND + ",\"methods\":{\"a\":1}}")));
        Decoded.Invalid<?> change = invalid(InterfaceChangeReader.read(bytes("r1"),
                bytes("{" + CHANGE + ",\"interface\":{\"family\":\"ipv4\",\"metric\":{\"a\":1}}}")));

        assertThat(List.of(command, change)).extracting(Decoded.Invalid::status)
                .containsOnly(Status.ERROR_INVALID_PARAMETER);
        assertThat(command.message()).startsWith("wrong JSON type at methods: ");
        assertThat(change.message()).startsWith("wrong JSON type at interface.metric: ");
        assertThat(change.envelope().requestId()).isEqualTo("1");
        assertThat(change.envelope().router()).isEqualTo("r1");
    }

    @Test
    @DisplayName("D20: a value out of range is ERROR_INVALID_PARAMETER with the reader's reason, on either topic")
    void shouldAnswerABadValueAlike() {
        Decoded.Invalid<?> command = invalid(CommandReader.read(bytes("r1"),
                bytes("{" + COMMAND.replace("\"ipv4\"", "\"ipv5\"") + "}")));
        Decoded.Invalid<?> change = invalid(InterfaceChangeReader.read(bytes("r1"),
                bytes("{" + CHANGE + ",\"interface\":{\"family\":\"ipv5\"}}")));

        assertThat(List.of(command, change)).extracting(Decoded.Invalid::status)
                .containsOnly(Status.ERROR_INVALID_PARAMETER);
        assertThat(List.of(command, change)).extracting(Decoded.Invalid::message)
                .allSatisfy(m -> assertThat(m).contains("ipv"));
    }

    private static String rejected(Decoded<?> d) {
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected<?>) d).reason();
    }

    private static Decoded.Invalid<?> invalid(Decoded<?> d) {
        assertThat(d).isInstanceOf(Decoded.Invalid.class);
        return (Decoded.Invalid<?>) d;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
