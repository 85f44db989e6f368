package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration and deregistration (R13–R24, D5); the cascade has its own class. */
class EntityRegistrationTest {

    private final RtmFixture f = new RtmFixture();

    @Test
    @DisplayName("R13, R22: a registered entity is listed with its table, the caller included")
    void shouldListRegisteredEntitiesIncludingTheCaller() {
        f.register(RIP);
        f.register(STATIC);

        assertThat(f.engine.queries().registeredEntities(V4)).extracting(Entity::id).containsExactly(RIP, STATIC);
        assertThat(f.engine.queries().entity(V4, RIP).expiryPolicy()).isEqualTo(ExpiryPolicy.DELETE);
        assertThat(f.engine.queries().registeredEntities(V6)).isEmpty();
    }

    @Test
    @DisplayName("R14: registering the same (protocol id, instance id) again is ERROR_ALREADY_EXISTS")
    void shouldRejectSecondRegistrationOfTheSameEntity() {
        f.register(RIP);
        var before = f.stores.snapshot();

        Outcome again = f.register(RIP, ExpiryPolicy.NOTIFY, IpFamily.IPV4);

        assertThat(again.status()).isEqualTo(Status.ERROR_ALREADY_EXISTS);
        assertThat(f.stores.snapshot()).isEqualTo(before);
        assertThat(f.engine.queries().entity(V4, RIP).expiryPolicy()).isEqualTo(ExpiryPolicy.DELETE);
    }

    @Test
    @DisplayName("R14, R15: the uniqueness key includes instance and family; another instance id is another entity")
    void shouldRegisterTheSameEntityPerFamilyAndInstance() {
        assertThat(f.register(RIP, IpFamily.IPV4).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.register(RIP, IpFamily.IPV6).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.run(new Command.RegisterEntity(ROUTER, 7, RIP, IpFamily.IPV4, null, List.of())).status())
                .isEqualTo(Status.NO_ERROR);
        assertThat(f.register(EntityId.of(8, 2)).status()).isEqualTo(Status.NO_ERROR);

        assertThat(f.engine.queries().registeredEntities(V4)).extracting(Entity::id)
                .containsExactly(RIP, EntityId.of(8, 2));
        assertThat(f.engine.queries().registeredEntities(TableId.of(ROUTER, 7, IpFamily.IPV4))).hasSize(1);
    }

    @Test
    @DisplayName("R19: ENTITY_REGISTERED goes to every other entity of the table, not to the newcomer")
    void shouldTellOnlyTheOtherEntitiesOfTheTableAboutARegistration() {
        f.register(RIP);
        f.register(OSPF);
        f.register(BGP, IpFamily.IPV6);

        Outcome o = f.register(STATIC);

        assertThat(o.effects().events()).containsExactly(
                new EntityEvent.Registered(V4, RIP, STATIC),
                new EntityEvent.Registered(V4, OSPF, STATIC));
    }

    @Test
    @DisplayName("R19: the first entity of a table tells nobody")
    void shouldEmitNoEventForTheFirstEntity() {
        assertThat(f.register(RIP).effects().events()).isEmpty();
    }

    @Test
    @DisplayName("R23: entity info of an unregistered entity is ERROR_INVALID_HANDLE")
    void shouldAnswerInvalidHandleForAnUnknownEntity() {
        assertThat(statusOf(() -> f.engine.queries().entity(V4, RIP))).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    @DisplayName("D5: a command from an unregistered entity is ERROR_INVALID_HANDLE and changes nothing")
    void shouldRefuseCommandsFromUnregisteredEntities() {
        f.register(STATIC);
        var before = f.stores.snapshot();

        Outcome add = f.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).add();
        Outcome hop = f.addNextHop(RIP, "192.0.2.1", 1);
        Outcome dereg = f.deregister(RIP);

        assertThat(List.of(add.status(), hop.status(), dereg.status())).containsOnly(Status.ERROR_INVALID_HANDLE);
        assertThat(f.stores.snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("D5: with auto-registration on, a command from an unknown entity registers it first")
    void shouldAutoRegisterWhenTheImporterFlagIsOn() {
        RtmFixture auto = new RtmFixture(RtmConfig.DEFAULTS.withAutoRegister(true));
        auto.register(STATIC);

        Outcome add = auto.route(RIP, "10.0.0.0/8").via("192.0.2.1", 1).add();

        assertThat(add.status()).isEqualTo(Status.NO_ERROR);
        assertThat(add.changeFlags()).isEqualTo(RouteChange.NEW | RouteChange.BEST);
        assertThat(add.effects().events()).containsExactly(new EntityEvent.Registered(V4, STATIC, RIP));
        assertThat(auto.engine.queries().registeredEntities(V4)).extracting(Entity::id).containsExactly(RIP, STATIC);
    }

    @Test
    @DisplayName("D5, D20: a failing command does not auto-register its caller")
    void shouldNotAutoRegisterTheCallerOfAFailingCommand() {
        RtmFixture auto = new RtmFixture(RtmConfig.DEFAULTS.withAutoRegister(true));
        auto.register(STATIC);
        var before = auto.stores.snapshot();

        Outcome bad = auto.route(RIP, "10.0.0.0/8").ttl(0).add();

        assertThat(bad.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(auto.stores.snapshot()).isEqualTo(before);
        assertThat(auto.engine.queries().registeredEntities(V4)).extracting(Entity::id).containsExactly(STATIC);
    }

    @Test
    @DisplayName("D5, D20: a failing auto-registering command streams no events")
    void shouldStreamNoEventsForAFailingAutoRegisteringCommand() {
        RtmFixture auto = new RtmFixture(RtmConfig.DEFAULTS.withAutoRegister(true));
        auto.register(STATIC);
        Effects.Builder sink = new Effects.Builder();

        Outcome bad = auto.engine.execute(auto.route(RIP, "10.0.0.0/8").views(0).command(), auto.now, sink);

        assertThat(bad.status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(sink.build().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("R24: after deregistration the entity's commands are ERROR_INVALID_HANDLE")
    void shouldRefuseCommandsAfterDeregistration() {
        f.register(RIP);
        assertThat(f.deregister(RIP).status()).isEqualTo(Status.NO_ERROR);

        assertThat(f.route(RIP, "10.0.0.0/8").add().status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.deregister(RIP).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(f.engine.queries().registeredEntities(V4)).isEmpty();
    }

    @Test
    @DisplayName("R14, R24: an entity may register again after deregistering, and starts afresh")
    void shouldRegisterAgainAfterDeregistration() {
        f.register(RIP, ExpiryPolicy.NOTIFY, IpFamily.IPV4);
        f.deregister(RIP);

        assertThat(f.register(RIP).status()).isEqualTo(Status.NO_ERROR);
        assertThat(f.engine.queries().entity(V4, RIP).expiryPolicy()).isEqualTo(ExpiryPolicy.DELETE);
    }

    @Test
    @DisplayName("R13, R16: a command without family uses the caller's only registration; both families is ambiguous")
    void shouldResolveTheFamilyFromTheCallersOnlyRegistration() {
        f.register(RIP);
        Command.RegisterChangeNotification noFamily =
                new Command.RegisterChangeNotification(ROUTER, 0, RIP, null, "n", U, ChangeType.ALL.bit(), false);

        assertThat(f.run(noFamily).status()).isEqualTo(Status.NO_ERROR);

        f.register(RIP, IpFamily.IPV6);
        Command.RegisterChangeNotification again =
                new Command.RegisterChangeNotification(ROUTER, 0, RIP, null, "m", U, ChangeType.ALL.bit(), false);
        assertThat(f.run(again).status()).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }
}
