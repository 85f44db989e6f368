package io.rtmstreams.contract;

import io.rtmstreams.rtm.Command;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE_NEIGHBOUR_ROUTES' notUpdatedSinceMs is compared with record timestamps (D29), milliseconds since the
 * epoch, which no unsigned 32-bit number reaches. */
class SweepTimeReadingTest {

    @Test
    void shouldReadARecordTimestampAsTheSweepTime() {
        Decoded<Command> decoded = read(1_401_487_200_000L);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Valid.class, v -> assertThat(v.command())
                .isInstanceOfSatisfying(Command.DeleteNeighbourRoutes.class, d -> assertThat(d.notUpdatedSinceMs())
                        .isEqualTo(1_401_487_200_000L)));
    }

    @Test
    void shouldRefuseANegativeSweepTime() {
        assertThat(read(-1)).isInstanceOfSatisfying(Decoded.Invalid.class, i -> assertThat(i.message())
                .contains("notUpdatedSinceMs"));
    }

    private static Decoded<Command> read(long since) {
        String json = "{\"op\":\"DELETE_NEIGHBOUR_ROUTES\",\"requestId\":\"s\",\"router\":\"r1\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"neighbour\":\"192.0.2.1\","
                + "\"notUpdatedSinceMs\":" + since + "}";
        return CommandReader.read("r1".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }
}
