package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator's model of what the processor holds: route ids (D22) and best routes. */
class FleetModelTest {

    private final FleetShape shape = TestTables.shape(2, 6, 2, 2);
    private final FleetModel model = new FleetModel(shape);

    @Test
    void newRoutesTakeTheRoutersNextIdUpdatesKeepTheirsAndAReannouncedRouteGetsANewOne() {
        assertThat(model.advertise(0, 3, 0, 100)).isTrue();
        assertThat(model.advertise(0, 1, 1, 100)).isTrue();
        assertThat(model.advertise(1, 3, 0, 100)).isTrue();
        assertThat(model.advertise(0, 3, 0, 50)).isFalse();

        assertThat(model.routeId(0, 3, 0)).isEqualTo(1);
        assertThat(model.routeId(0, 1, 1)).isEqualTo(2);
        assertThat(model.routeId(1, 3, 0)).isEqualTo(1);
        assertThat(model.metric(0, 3, 0)).isEqualTo(50);

        model.withdraw(0, 3, 0);
        assertThat(model.routeId(0, 3, 0)).isZero();
        model.advertise(0, 3, 0, 7);
        assertThat(model.routeId(0, 3, 0)).isEqualTo(3);
    }

    @Test
    void withdrawingARouteThatIsNotAdvertisedIsRefused() {
        model.advertise(0, 2, 0, 1);
        model.withdraw(0, 2, 0);

        assertThatThrownBy(() -> model.withdraw(0, 2, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slot 2 of r1 from peer 0 is not advertised");
        assertThatThrownBy(() -> model.withdraw(0, 2, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsAdvertisedRoutesPerInterfaceAndPeer() {
        model.advertise(0, 0, 0, 1);
        model.advertise(0, 2, 0, 1);
        model.advertise(0, 2, 0, 2);
        model.advertise(0, 1, 1, 1);
        model.withdraw(0, 0, 0);

        assertThat(model.advertisedBy(0, 1, 0)).isEqualTo(1);
        assertThat(model.advertisedBy(0, 2, 1)).isEqualTo(1);
        assertThat(model.advertisedBy(0, 2, 0)).isZero();
        assertThat(model.advertisedBy(1, 1, 0)).isZero();
        assertThat(model.advertisedRoutes()).isEqualTo(2);
    }

    @Test
    void theBestRouteOfADestinationIsItsLowestAdvertisedPeersAndWithdrawnDestinationsHaveNone() {
        model.advertise(0, 0, 1, 900);
        model.advertise(0, 0, 0, 5_000);
        model.advertise(0, 3, 1, 900);
        model.advertise(0, 4, 0, 1);
        model.withdraw(0, 4, 0);

        Map<Prefix, FleetModel.ExpectedRoute> best = model.expectedBest(0);

        Prefix first = shape.table(0).get(0).prefix();
        Prefix fourth = shape.table(0).get(3).prefix();
        assertThat(best).containsOnlyKeys(first, fourth);
        assertThat(best.get(first)).isEqualTo(new FleetModel.ExpectedRoute(first, 2, 5_000,
                IpAddress.parse("198.18.1.10"), 1));
        assertThat(best.get(fourth)).isEqualTo(new FleetModel.ExpectedRoute(fourth, 3, 900,
                IpAddress.parse("198.18.2.11"), 2));
        assertThat(best.get(fourth).effectiveMetric()).isEqualTo(900 + FleetShape.INTERFACE_METRIC);
        assertThat(model.expectedBest(1)).isEmpty();
    }

    @Test
    void metricsAreUnsigned32BitNumbers() {
        model.advertise(0, 0, 0, 0xFFFF_FFF0L);

        assertThat(model.metric(0, 0, 0)).isEqualTo(0xFFFF_FFF0L);
    }
}
