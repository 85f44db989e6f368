package io.rtmstreams.app.loadgen;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The initial load: register and interfaces first, every route once, in batches of at most the batch size. */
class InitialLoadTest {

    @Test
    void aRouterRegistersItsEntityAndBringsEveryInterfaceUp() {
        FleetShape shape = TestTables.shape(2, 10, 3, 1);

        List<FleetCommand> bringUp = new InitialLoad(new FleetModel(shape), 100).bringUp(1);

        assertThat(bringUp.get(0)).isEqualTo(new FleetCommand.Register("r2", "lg-register"));
        assertThat(bringUp.subList(1, 4)).extracting(c -> (FleetCommand.InterfaceChange) c).allSatisfy(c -> {
            assertThat(c.router()).isEqualTo("r2");
            assertThat(c.type()).isEqualTo(FleetCommand.InterfaceChange.Type.ADD_INSTANCE);
            assertThat(c.connected()).isTrue();
        }).extracting(FleetCommand.InterfaceChange::interfaceIndex).containsExactly(1, 2, 3);
        assertThat(bringUp).hasSize(4);
    }

    @Test
    void theTableAdvertisesEveryRouteOfEveryPeerOnceInBatchesOfOneNeighbour() {
        FleetShape shape = TestTables.shape(1, 1_003, 4, 2);
        FleetModel model = new FleetModel(shape);

        List<FleetCommand> table = list(new InitialLoad(model, 100).table(0));

        Set<String> routes = new HashSet<>();
        for (FleetCommand c : table) {
            FleetCommand.Advertise advert = (FleetCommand.Advertise) c;
            assertThat(advert.batch()).isTrue();
            assertThat(advert.routes()).hasSizeBetween(1, 100);
            int peer = advert.neighbour().address().toBytes()[3] - 10;
            for (FleetCommand.Route route : advert.routes()) {
                int slot = shape.table(0).stream().map(RibEntry::prefix).toList().indexOf(route.dest());
                assertThat(shape.interfaceOf(slot)).isEqualTo(advert.neighbour().interfaceIndex());
                assertThat(route.metric()).isEqualTo(FleetShape.metric(shape.table(0).get(slot), peer,
                        shape.table(0).get(slot).med()));
                assertThat(routes.add(route.dest() + " from " + peer)).isTrue();
            }
        }
        assertThat(routes).hasSize(2 * 1_003);
        assertThat(table).hasSize(2 * (3 * 3 + 1 * 3));
        assertThat(table).extracting(FleetCommand::requestId).doesNotHaveDuplicates();
        assertThat(model.advertisedRoutes()).isEqualTo(2 * 1_003);
    }

    @Test
    void routeIdsFollowTheOrderOfTheAdverts() {
        FleetShape shape = TestTables.shape(1, 12, 3, 1);
        FleetModel model = new FleetModel(shape);

        List<FleetCommand> table = list(new InitialLoad(model, 5).table(0));

        long id = 0;
        for (FleetCommand c : table) {
            for (FleetCommand.Route route : ((FleetCommand.Advertise) c).routes()) {
                int slot = shape.table(0).stream().map(RibEntry::prefix).toList().indexOf(route.dest());
                assertThat(model.routeId(0, slot, 0)).isEqualTo(++id);
            }
        }
        assertThat(id).isEqualTo(12);
    }

    @Test
    void batchOneSendsSingleCommandsAndTheLargestBatchIsTheContractsLimit() {
        FleetShape shape = TestTables.shape(1, 12_000, 1, 1);

        List<FleetCommand> singles = list(new InitialLoad(new FleetModel(shape), 1).table(0));
        List<FleetCommand> batches = list(new InitialLoad(new FleetModel(shape), 5_000).table(0));

        assertThat(singles).hasSize(12_000).allMatch(c -> !((FleetCommand.Advertise) c).batch());
        assertThat(batches).extracting(FleetCommand::adverts).containsExactly(5_000, 5_000, 2_000);
    }

    @Test
    void theRoutersTakeTurnsCommandByCommand() {
        FleetShape shape = new FleetShape(List.of("a", "b", "c"), TestTables.entries(6), FleetShape.Layout.SPLIT, 1,
                1);

        List<FleetCommand> all = list(new InitialLoad(new FleetModel(shape), 1).tables());

        assertThat(all).extracting(FleetCommand::router).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void aSyncEndsTheTableWithItsMarker() {
        FleetCommand.Sync sync = new InitialLoad(new FleetModel(TestTables.shape(2, 2, 1, 1)), 10)
                .sync(0, InitialLoad.END_OF_RIB);

        assertThat(sync).isEqualTo(new FleetCommand.Sync("r1", "lg-sync-end-of-rib", "end-of-rib"));
    }

    private static List<FleetCommand> list(Iterator<FleetCommand> commands) {
        List<FleetCommand> out = new ArrayList<>();
        commands.forEachRemaining(out::add);
        return out;
    }
}
