package io.rtmstreams.rtm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Entity methods: export, invoke, answer, block and resume (R27–R31, A2). */
class EntityMethodTest {

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void ripExportsThreeMethods() {
        f.register(RIP, List.of("neighbours", "interfaces", "tags"));
        f.register(OSPF);
    }

    @Test
    @DisplayName("R28: the methods an entity exports are listed in export order")
    void shouldListExportedMethods() {
        assertThat(f.engine.queries().entityMethods(V4, RIP)).containsExactly("neighbours", "interfaces", "tags");
        assertThat(f.engine.queries().entityMethods(V4, OSPF)).isEmpty();
    }

    @Test
    @DisplayName("R27, R29, A2: an invocation reaches the target with method bits 1 << i, OR-ed")
    void shouldDeliverAnInvocationWithMethodBits() {
        Outcome o = f.invoke(OSPF, RIP, "call-1", "tags", "neighbours");

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.effects().events()).containsExactly(new EntityEvent.MethodInvoked(V4, RIP, "call-1", OSPF,
                List.of("tags", "neighbours"), 0b101, "in-call-1"));
    }

    @Test
    @DisplayName("R29: the target's answer goes back to the caller with its status and output")
    void shouldReturnTheResultToTheCaller() {
        f.invoke(OSPF, RIP, "call-1", "interfaces");

        Outcome o = f.answer(RIP, "call-1", OSPF, Status.ERROR_NOT_FOUND, "none");

        assertThat(o.effects().events()).containsExactly(
                new EntityEvent.MethodResult(V4, OSPF, "call-1", RIP, Status.ERROR_NOT_FOUND, "none"));
        assertThat(f.answer(RIP, "call-1", OSPF, Status.NO_ERROR, "again").status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R29: only the invoked entity answers; a wrong caller or unknown invocation is refused")
    void shouldAcceptAnswersOnlyFromTheTarget() {
        f.invoke(OSPF, RIP, "call-1", "interfaces");

        assertThat(f.answer(OSPF, "call-1", OSPF, Status.NO_ERROR, "x").status()).isEqualTo(Status.ERROR_ACCESS_DENIED);
        assertThat(f.answer(RIP, "call-1", RIP, Status.NO_ERROR, "x").status())
                .isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.answer(RIP, "call-9", OSPF, Status.NO_ERROR, "x").status()).isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    @DisplayName("R27, R29: an unknown method is INVALID_PARAMETER; an unregistered target INVALID_HANDLE (R30)")
    void shouldRefuseUnknownMethodsAndTargets() {
        var before = f.stores.snapshot();

        assertThat(f.invoke(OSPF, RIP, "c", "routes").status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.invoke(OSPF, RIP, "c").status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.invoke(OSPF, BGP, "c", "tags").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("R29: an invocation id is unique while outstanding, and free again once answered")
    void shouldKeepInvocationIdsUniqueWhileOutstanding() {
        f.invoke(OSPF, RIP, "c", "tags");

        assertThat(f.invoke(OSPF, RIP, "c", "tags").status()).isEqualTo(Status.ERROR_ALREADY_EXISTS);
        f.answer(RIP, "c", OSPF, Status.NO_ERROR, "ok");
        assertThat(f.invoke(OSPF, RIP, "c", "tags").status()).isEqualTo(Status.NO_ERROR);
    }

    @Test
    @DisplayName("R30, R31: while the target blocks its methods, calls are held and released in order on resume")
    void shouldHoldCallsWhileBlockedAndReleaseThemInOrder() {
        f.block(RIP, true);

        Outcome first = f.invoke(OSPF, RIP, "c1", "tags");
        Outcome second = f.invoke(OSPF, RIP, "c2", "neighbours");
        Outcome early = f.answer(RIP, "c1", OSPF, Status.NO_ERROR, "x");
        Outcome resume = f.block(RIP, false);

        assertThat(first.effects().events()).isEmpty();
        assertThat(second.effects().events()).isEmpty();
        assertThat(early.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(events(resume.effects(), EntityEvent.MethodInvoked.class))
                .extracting(EntityEvent.MethodInvoked::invocationId).containsExactly("c1", "c2");
        assertThat(f.block(RIP, false).effects()).isEqualTo(Effects.NONE);
    }

    @Test
    @DisplayName("R30: a call into an entity that has deregistered is ERROR_INVALID_HANDLE")
    void shouldRefuseCallsIntoADeregisteredEntity() {
        f.deregister(RIP);

        assertThat(f.invoke(OSPF, RIP, "c", "tags").status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("R29: an answer to a caller that has deregistered is accepted and goes nowhere")
    void shouldDropTheAnswerToADeregisteredCaller() {
        f.invoke(OSPF, RIP, "c", "tags");
        f.deregister(OSPF);

        Outcome o = f.answer(RIP, "c", OSPF, Status.NO_ERROR, "late");

        assertThat(o.status()).isEqualTo(Status.NO_ERROR);
        assertThat(o.effects()).isEqualTo(Effects.NONE);
    }

    @Test
    @DisplayName("R10, R27: at most 32 exported methods, with distinct non-empty names")
    void shouldValidateExportedMethods() {
        List<String> names = IntStream.range(0, 33).mapToObj(i -> "m" + i).toList();

        assertThat(f.register(BGP, names).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.register(BGP, List.of("a", "a")).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(f.register(BGP, names.subList(0, 32)).status()).isEqualTo(Status.NO_ERROR);
        Outcome last = f.invoke(OSPF, BGP, "c", "m31");
        assertThat(events(last.effects(), EntityEvent.MethodInvoked.class).get(0).methodBits()).isEqualTo(1L << 31);
    }
}
