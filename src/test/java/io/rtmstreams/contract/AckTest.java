package io.rtmstreams.contract;

import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** D26: which results are published, decided in one place. */
class AckTest {

    @Test
    void allShouldPublishEveryResult() {
        assertThat(Ack.ALL.publishes("ADD_ROUTE", Status.NO_ERROR)).isTrue();
        assertThat(Ack.ALL.publishes("ADD_ROUTES", Status.ERROR_NOT_FOUND)).isTrue();
    }

    @Test
    void errorsShouldPublishFailuresAndEverySync() {
        assertThat(Ack.ERRORS.publishes("ADD_ROUTES", Status.NO_ERROR)).isFalse();
        assertThat(Ack.ERRORS.publishes("ADD_ROUTES", Status.ERROR_INVALID_PARAMETER)).isTrue();
        assertThat(Ack.ERRORS.publishes(Ack.SYNC, Status.NO_ERROR)).as("D26, D30").isTrue();
    }

    @Test
    void theOperatorsErrorsShouldNarrowEveryCommandsAck() {
        assertThat(Ack.ALL.and(Ack.ALL)).isEqualTo(Ack.ALL);
        assertThat(Ack.ALL.and(Ack.ERRORS)).isEqualTo(Ack.ERRORS);
        assertThat(Ack.ERRORS.and(Ack.ALL)).isEqualTo(Ack.ERRORS);
    }

    @Test
    void anUnknownAckShouldBeInvalidButStillAnsweredWithItsError() {
        assertThat(Ack.fromWire(null)).isEqualTo(Ack.ALL);
        assertThat(Ack.fromWire("ERRORS")).isEqualTo(Ack.ERRORS);
        assertThatThrownBy(() -> Ack.fromWire("errors")).hasMessage("ack must be ALL or ERRORS, not 'errors'");
        assertThat(Ack.lenient("errors")).as("its error is published").isEqualTo(Ack.ALL);
        assertThat(Ack.lenient("ERRORS")).isEqualTo(Ack.ERRORS);
    }
}
