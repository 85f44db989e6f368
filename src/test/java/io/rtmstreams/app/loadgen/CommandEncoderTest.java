package io.rtmstreams.app.loadgen;

import io.rtmstreams.contract.Ack;
import io.rtmstreams.contract.CommandReader;
import io.rtmstreams.contract.Decoded;
import io.rtmstreams.contract.InterfaceChangeReader;
import io.rtmstreams.contract.schema.ContractSchemas;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.iphlp.NotificationType;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.View;
import io.rtmstreams.streams.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the generator writes is what it means: each command read back by the processor's own readers is the domain
 * command intended, and every record passes the contract's schemas.
 */
class CommandEncoderTest {

    private static final Topics TOPICS = new Topics(null);
    private static final EntityId BGP = new EntityId(14, 1);
    private static final FleetCommand.Neighbour PEER = new FleetCommand.Neighbour(IpAddress.parse("198.18.2.11"), 2);
    private static final NextHopSpec PEER_HOP = new NextHopSpec(IpAddress.parse("198.18.2.11"), 2, 0, null);
    private static final Prefix TEN = Prefix.parse("10.0.0.0/8");
    private static final Prefix NET = Prefix.parse("192.0.2.0/24");

    @Test
    void anAdvertBatchIsAnAddRoutesWithAckErrorsWhoseRoutesInheritTheNeighbourAsNextHop() {
        Command.AddRoutes batch = (Command.AddRoutes) read(new FleetCommand.Advertise("r1", "lg-t1", PEER,
                List.of(new FleetCommand.Route(TEN, 7), new FleetCommand.Route(NET, 0xFFFF_FFFFL)), true),
                Ack.ERRORS);

        assertThat(batch.routes()).extracting(BatchRoute::command).containsExactly(
                add(TEN, 7), add(NET, 0xFFFF_FFFFL));
        assertThat(batch.entity()).isEqualTo(BGP);
    }

    @Test
    void aSingleAdvertIsAnAddRouteAnsweredWhateverItsStatus() {
        Command command = read(new FleetCommand.Advertise("r1", "lg-c4", PEER,
                List.of(new FleetCommand.Route(TEN, 7)), false), Ack.ALL);

        assertThat(command).isEqualTo(add(TEN, 7));
    }

    @Test
    void aWithdrawalNamesDestinationAndNeighbour() {
        Command.DeleteRoutes batch = (Command.DeleteRoutes) read(new FleetCommand.Withdraw("r1", "lg-c2", PEER,
                List.of(TEN, NET), true), Ack.ERRORS);
        Command single = read(new FleetCommand.Withdraw("r1", "lg-c3", PEER, List.of(NET), false), Ack.ALL);

        assertThat(batch.routes()).extracting(BatchRoute::command).containsExactly(delete(TEN), delete(NET));
        assertThat(single).isEqualTo(delete(NET));
    }

    @Test
    void registerAndSyncAreTheBgpEntitysForIpv4() {
        assertThat(read(new FleetCommand.Register("r1", "lg-register"), Ack.ALL)).isEqualTo(
                new Command.RegisterEntity("r1", 0, BGP, IpFamily.IPV4, null, null));
        assertThat(read(new FleetCommand.Sync("r1", "lg-sync-end-of-rib", "end-of-rib"), Ack.ALL)).isEqualTo(
                new Command.Sync("r1", 0, BGP, IpFamily.IPV4, "end-of-rib"));
    }

    @Test
    void anInterfaceChangeIsAWholeRowOnTheInterfaceTopic() {
        FleetCommand.InterfaceChange down = TestTables.shape(1, 4, 3, 1).interfaceChange(0, "lg-c9-down",
                FleetCommand.InterfaceChange.Type.PARAMETER_CHANGE, 3, false);
        byte[] json = CommandEncoder.encode(down);

        Decoded<InterfaceChange> decoded = InterfaceChangeReader.read(key("r1"), json);

        assertThat(CommandEncoder.topic(down, TOPICS)).isEqualTo("rtm.interface-changes");
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        InterfaceChange change = ((Decoded.Valid<InterfaceChange>) decoded).command();
        assertThat(change.requestId()).isEqualTo("lg-c9-down");
        assertThat(change.notificationType()).isEqualTo(NotificationType.PARAMETER_CHANGE);
        assertThat(change.row().interfaceIndex()).isEqualTo(3);
        assertThat(change.row().interfaceLuid()).isEqualTo((6L << 48) | (3L << 24));
        assertThat(change.row().metric()).isEqualTo(FleetShape.INTERFACE_METRIC);
        assertThat(change.row().useAutomaticMetric()).isFalse();
        assertThat(change.row().connected()).isFalse();
        assertThat(change.row().unicastAddresses()).containsExactly(IpAddress.parse("198.18.3.1"));
        ContractSchemas.get().assertValid("rtm.interface-changes", key("r1"), json);
    }

    @Test
    void aBatchLeavesSharedFieldsToItsTopLevel() {
        String json = new String(CommandEncoder.encode(new FleetCommand.Advertise("r1", "lg-t1", PEER,
                List.of(new FleetCommand.Route(TEN, 7)), true)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"routes\":[{\"dest\":\"10.0.0.0/8\",\"metric\":7}]")
                .doesNotContain("null");
    }

    private static Command read(FleetCommand command, Ack ack) {
        byte[] json = CommandEncoder.encode(command);
        ContractSchemas.get().assertValid("rtm.route-adverts", key(command.router()), json);
        assertThat(CommandEncoder.topic(command, TOPICS)).isEqualTo("rtm.route-adverts");
        Decoded<Command> decoded = CommandReader.read(key(command.router()), json);
        assertThat(decoded).as(new String(json, StandardCharsets.UTF_8)).isInstanceOf(Decoded.Valid.class);
        Decoded.Valid<Command> valid = (Decoded.Valid<Command>) decoded;
        assertThat(valid.envelope().requestId()).isEqualTo(command.requestId());
        assertThat(valid.envelope().ack()).isEqualTo(ack);
        return valid.command();
    }

    /** Routes carry no family: their prefix implies it. */
    private static Command.AddRoute add(Prefix dest, long metric) {
        return new Command.AddRoute("r1", 0, BGP, null, dest, List.of(PEER_HOP), PEER_HOP, 20, metric,
                View.UNICAST.mask(), 0, Command.INFINITE, 0, null, null, null);
    }

    private static Command.DeleteRoute delete(Prefix dest) {
        return new Command.DeleteRoute("r1", 0, BGP, null, null, dest, PEER_HOP);
    }

    private static byte[] key(String router) {
        return router.getBytes(StandardCharsets.UTF_8);
    }
}
