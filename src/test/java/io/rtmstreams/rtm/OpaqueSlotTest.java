package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opaque per-destination slots (R135, R136). Engine choices tested as documented: every entity gets a slot at
 * registration while {@code RtmConfig.opaqueSlots} remain, else it registers without one and SET_OPAQUE answers
 * ERROR_NOT_FOUND; a missing destination is ERROR_INVALID_HANDLE.
 */
class OpaqueSlotTest {

    private static final String DEST = "10.0.0.0/8";

    private final RtmFixture f = new RtmFixture(new RtmConfig(16, 100, 64, 2, 300_000, false));

    @BeforeEach
    void twoEntitiesWithSlotsAndADestination() {
        f.register(RIP);
        f.register(OSPF);
        f.route(OSPF, DEST).add();
    }

    private String read(EntityId e, String prefix) {
        return f.engine.queries().opaque(V4, e, p(prefix));
    }

    @Test
    @DisplayName("R135: an entity writes, reads and clears its own slot of a destination, without any change")
    void shouldKeepTheEntitysOwnSlotPerDestination() {
        Outcome set = f.setOpaque(RIP, DEST, "advertised");

        assertThat(set.status()).isEqualTo(Status.NO_ERROR);
        assertThat(set.effects()).isEqualTo(Effects.NONE);
        assertThat(read(RIP, DEST)).isEqualTo("advertised");
        assertThat(read(OSPF, DEST)).isNull();
        f.setOpaque(RIP, DEST, null);
        assertThat(read(RIP, DEST)).isNull();
    }

    @Test
    @DisplayName("R135: a slot belongs to one entity; another entity's write does not touch it")
    void shouldKeepSlotsPrivate() {
        f.setOpaque(RIP, DEST, "rip");
        f.setOpaque(OSPF, DEST, "ospf");

        assertThat(read(RIP, DEST)).isEqualTo("rip");
        assertThat(read(OSPF, DEST)).isEqualTo("ospf");
    }

    @Test
    @DisplayName("R135: a destination that does not exist has no slots: ERROR_INVALID_HANDLE")
    void shouldRefuseSlotsOfAMissingDestination() {
        assertThat(f.setOpaque(RIP, "20.0.0.0/8", "x").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(statusOf(() -> read(RIP, "20.0.0.0/8"))).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R135, R35: the slots go with the destination; a destination that comes back starts empty")
    void shouldDropSlotsWithTheDestination() {
        f.setOpaque(RIP, DEST, "rip");

        f.delete(OSPF, DEST, null, 0);
        f.route(OSPF, DEST).add();

        assertThat(read(RIP, DEST)).isNull();
    }

    @Test
    @DisplayName("R136: slots are handed out first come, first served; without one SET_OPAQUE is ERROR_NOT_FOUND")
    void shouldRegisterWithoutASlotOnceAllAreTaken() {
        f.register(STATIC);

        assertThat(f.engine.queries().entity(V4, STATIC).opaqueSlot()).isFalse();
        assertThat(f.setOpaque(STATIC, DEST, "x").status()).isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(statusOf(() -> read(STATIC, DEST))).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R136, D3: a deregistered entity's slot is free for the next registration")
    void shouldFreeTheSlotOfADeregisteredEntity() {
        f.deregister(RIP);

        f.register(STATIC);

        assertThat(f.engine.queries().entity(V4, STATIC).opaqueSlot()).isTrue();
        assertThat(f.setOpaque(STATIC, DEST, "x").status()).isEqualTo(Status.NO_ERROR);
    }
}
