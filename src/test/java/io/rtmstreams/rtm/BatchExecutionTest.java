package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.InMemoryStores;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreProvider;
import io.rtmstreams.rtm.state.StoreSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.BGP;
import static io.rtmstreams.rtm.RtmFixture.RIP;
import static io.rtmstreams.rtm.RtmFixture.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's side of ADD_ROUTES and DELETE_ROUTES (D25) and of the id counters written once per record (D22). */
class BatchExecutionTest {

    private final RtmFixture batched = new RtmFixture();
    private final RtmFixture singles = new RtmFixture();

    private static Command.AddRoutes adds(List<BatchRoute<Command.AddRoute>> routes) {
        return new Command.AddRoutes(ROUTER, 0, BGP, null, routes);
    }

    private static BatchRoute<Command.AddRoute> add(RtmFixture f, String dest, long metric) {
        return BatchRoute.of(f.route(BGP, dest).neighbour("192.0.2.1", 1).via("192.0.2.1", 1).cost(20, metric)
                .command());
    }

    @Test
    @DisplayName("D25: each route as its single command; a failing one changes nothing and stops nothing")
    void shouldApplyEachRouteAsItsSingleCommand() {
        batched.register(BGP);
        singles.register(BGP);

        Outcome o = batched.run(adds(List.of(add(batched, "10.0.0.0/8", 1),
                BatchRoute.of(batched.route(BGP, "10.1.0.0/16").ttl(0).command()),
                BatchRoute.unreadable(Status.ERROR_NOT_SUPPORTED, "views: view 'broadcast' is not supported"),
                add(batched, "10.2.0.0/16", 2))));
        Outcome first = singles.run(add(singles, "10.0.0.0/8", 1).command());
        Outcome last = singles.run(add(singles, "10.2.0.0/16", 2).command());

        assertThat(batched.stores.snapshot()).isEqualTo(singles.stores.snapshot());
        assertThat(o.routes()).extracting(Outcome::status).containsExactly(Status.NO_ERROR,
                Status.ERROR_INVALID_PARAMETER, Status.ERROR_NOT_SUPPORTED, Status.NO_ERROR);
        assertThat(o.routes().get(0).routeId()).isEqualTo(first.routeId());
        assertThat(o.routes().get(3).routeId()).isEqualTo(last.routeId());
        assertThat(o.status()).as("the first failure's").isEqualTo(Status.ERROR_INVALID_PARAMETER);
        assertThat(o.message()).startsWith("2 of 4 routes failed; the first, routes[1]: timeToLiveMs 0");
        assertThat(o.changeFlags()).isZero();
        assertThat(o.effects().destChanges()).as("the succeeded routes' effects")
                .containsExactlyElementsOf(concat(first.effects().destChanges(), last.effects().destChanges()));
    }

    @Test
    @DisplayName("D25: a DELETE_ROUTES route that does not exist succeeds with no change; other errors still fail")
    void shouldTakeAMissingRouteAsSuccessInADeleteBatch() {
        batched.register(BGP);
        batched.register(RIP);
        long own = batched.route(BGP, "10.0.0.0/8").cost(1, 1).add().routeId();
        long foreign = batched.route(RIP, "10.1.0.0/16").cost(1, 1).add().routeId();
        batched.delete(BGP, own);

        Outcome o = batched.run(new Command.DeleteRoutes(ROUTER, 0, BGP, null, List.of(
                BatchRoute.of(new Command.DeleteRoute(ROUTER, 0, BGP, null, own, null, null)),
                BatchRoute.of(new Command.DeleteRoute(ROUTER, 0, BGP, null, null, Prefix.parse("10.9.0.0/16"), null)),
                BatchRoute.of(new Command.DeleteRoute(ROUTER, 0, BGP, null, foreign, null, null)))));

        assertThat(o.routes()).extracting(Outcome::status).containsExactly(Status.NO_ERROR, Status.NO_ERROR,
                Status.ERROR_ACCESS_DENIED);
        assertThat(o.routes().subList(0, 2)).allSatisfy(r -> {
            assertThat(r.changeFlags()).isZero();
            assertThat(r.routeId()).isZero();
        });
    }

    @Test
    @DisplayName("D22: a record that fails unexpectedly still writes the ids it handed out, so none is handed out twice")
    void shouldWriteTheCountersEvenWhenARecordFailsUnexpectedly() {
        FailingStores stores = new FailingStores();
        RtmEngine engine = new RtmEngine(stores, RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
        engine.execute(new Command.RegisterEntity(ROUTER, 0, BGP, io.rtmstreams.net.IpFamily.IPV4, null, null), 0);
        Command.AddRoute a = new RtmFixture().route(BGP, "10.0.0.0/8").cost(1, 1).command();
        Command.AddRoute b = new RtmFixture().route(BGP, "10.1.0.0/16").cost(1, 1).command();

        stores.failDestinationWrites = true;
        assertThatThrownBy(() -> engine.execute(a, 0)).hasMessage("disk full");
        stores.failDestinationWrites = false;
        RtmEngine restarted = new RtmEngine(stores, RtmConfig.DEFAULTS, RouteCostModel.PLAIN);

        assertThat(restarted.execute(b, 0).routeId()).as("id 1 was handed out to the failed record").isEqualTo(2);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** In-memory stores whose destination writes can be made to fail, as a bug or a broken disk would. */
    private static final class FailingStores implements StoreProvider {
        private final InMemoryStores inner = new InMemoryStores();
        boolean failDestinationWrites;

        @Override
        public <V> OrderedStore<V> store(StoreSpec<V> spec) {
            OrderedStore<V> s = inner.store(spec);
            if (!spec.equals(RtmStores.DESTINATIONS)) {
                return s;
            }
            return new OrderedStore<>() {
                @Override
                public V get(byte[] key) {
                    return s.get(key);
                }

                @Override
                public void put(byte[] key, V value) {
                    if (failDestinationWrites) {
                        throw new IllegalStateException("disk full");
                    }
                    s.put(key, value);
                }

                @Override
                public void delete(byte[] key) {
                    s.delete(key);
                }

                @Override
                public Cursor<V> range(byte[] from, byte[] to) {
                    return s.range(from, to);
                }

                @Override
                public Cursor<V> reverseRange(byte[] from, byte[] to) {
                    return s.reverseRange(from, to);
                }
            };
        }
    }
}
