package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.Cause;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static io.rtmstreams.iphlp.IphlpFixture.via;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * D14, M4, N8: an interface change recomputes every destination with a next hop on the interface when, and only
 * when, something its next hops cost changed. Interface E (index 1) carries 10/8 and 0/0, W (index 2) 10/8 and
 * 172.16/12.
 */
class RecomputeScopeTest {

    static final long E = NetLuid.of(6, 1);
    static final long W = NetLuid.of(71, 1);

    private IphlpFixture f;

    @BeforeEach
    void setUp() {
        f = new IphlpFixture();
        f.add(base());
        f.add(v4(W, 2, 35));
        f.route("10.0.0.0/8", 1, via("192.0.2.1", 1));
        f.route("10.0.0.0/8", 1, via("198.51.100.1", 2));
        f.route("0.0.0.0/0", 0, via("192.0.2.1", 1));
        f.route("172.16.0.0/12", 1, via("198.51.100.1", 2));
    }

    private static InterfaceRowBuilder base() {
        return v4(E, 1, 25).addresses("192.0.2.10");
    }

    static Stream<Arguments> irrelevantChanges() {
        return Stream.of(
                change("ForwardingEnabled (Q6, G8)", b -> b.forwardingEnabled(true)),
                change("WeakHostSend (read at query time)", b -> b.weakHostSend(true)),
                change("WeakHostReceive (H5)", b -> b.weakHostReceive(true)),
                change("AdvertisingEnabled (G8)", b -> b.advertisingEnabled(true)),
                change("NlMtu", b -> b.nlMtu(9000)),
                change("SitePrefixLength", b -> b.sitePrefixLength(24)),
                change("ZoneIndices", b -> b.zoneIndices(Collections.nCopies(16, 3L))),
                change("ReachableTime (V9)", b -> b.reachableTime(31_000)),
                change("TransmitOffload (V9)", b -> b.transmitOffload(new InterfaceOffload(true, true, true, true,
                        true, true, true, true))),
                change("unicast addresses (D18)", b -> b.unicastAddresses(List.of(IpAddress.parse("192.0.2.11")))),
                change("media type with a manual metric", b -> b.mediaType(MediaType.WIRELESS)),
                change("link speed with a manual metric", b -> b.linkSpeed(10_000_000L)));
    }

    static Stream<Arguments> costChanges() {
        return Stream.of(
                change("Metric", b -> b.metric(26)),
                change("Connected", b -> b.connected(false)),
                change("DisableDefaultRoutes", b -> b.disableDefaultRoutes(true)),
                change("UseAutomaticMetric with a known speed", b -> b.useAutomaticMetric(true).linkSpeed(10_000_000L)),
                change("Metric 0xFFFFFFFF (M3)", b -> b.metric(0xFFFF_FFFFL)));
    }

    private static Arguments change(String what, UnaryOperator<InterfaceRowBuilder> edit) {
        return Arguments.of(what, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("irrelevantChanges")
    void shouldRecomputeNothingWhenNoCostInputChanged(String what, UnaryOperator<InterfaceRowBuilder> edit) {
        InterfaceRow changed = edit.apply(base()).build();
        IphlpFixture.Applied a = f.put(changed);
        assertThat(a.status()).isEqualTo(Status.NO_ERROR);
        assertThat(a.result().recomputedDestinations()).isZero();
        assertThat(a.effects().isEmpty()).isTrue();
        assertThat(f.ip.interfaces().row(IphlpFixture.ROUTER, changed.ipFamily(), E)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costChanges")
    void shouldRecomputeExactlyTheInterfacesDestinations(String what, UnaryOperator<InterfaceRowBuilder> edit) {
        IphlpFixture.Applied a = f.put(edit.apply(base()));
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(InterfaceNotificationTest.prefixes(a)).isNotEmpty().isSubsetOf("10.0.0.0/8", "0.0.0.0/0");
        assertThat(a.effects().destChanges()).extracting(DestChange::cause).containsOnly(Cause.INTERFACE);
    }

    @Test
    void shouldNotRewriteDestinationsThatARecomputationLeavesAsTheyWere() {
        // W carries 10/8 and 172.16/12 but no default route: DisableDefaultRoutes (D12) is a cost input, so both are
        // recomputed, and both come out exactly as stored.
        Map<String, Object> before = f.stores.snapshot().get(RtmStores.DESTINATIONS.name());
        IphlpFixture.Applied a = f.put(v4(W, 2, 35).disableDefaultRoutes(true));
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(a.effects().isEmpty()).isTrue();
        Map<String, Object> after = f.stores.snapshot().get(RtmStores.DESTINATIONS.name());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((key, stored) -> assertThat(stored).as(key).isSameAs(before.get(key)));
    }

    @Test
    void q14_shouldRecomputeNothingForAMetricWrittenWhileTheAutomaticMetricRules() {
        f.put(base().useAutomaticMetric(true).linkSpeed(1_000_000_000L)); // T4: 25, as before
        assertThat(f.put(base().useAutomaticMetric(true).linkSpeed(1_000_000_000L).metric(99))
                .result().recomputedDestinations()).isZero();
        // another speed in the same band: still 25
        assertThat(f.put(base().useAutomaticMetric(true).linkSpeed(1_500_000_000L))
                .result().recomputedDestinations()).isZero();
        // crossing a band boundary changes the metric: 10 Gb/s is 15
        IphlpFixture.Applied faster = f.put(base().useAutomaticMetric(true).linkSpeed(10_000_000_000L));
        assertThat(faster.result().recomputedDestinations()).isEqualTo(2);
        assertThat(f.storedBest("0.0.0.0/0").effectiveMetric()).isEqualTo(15);
    }

    @Test
    void shouldRecomputeWhenTheMediaTypeMovesAnAutomaticMetricToTheWirelessTable() {
        f.put(base().useAutomaticMetric(true).linkSpeed(1_000_000_000L)); // T4: 25
        IphlpFixture.Applied a = f.put(base().useAutomaticMetric(true).linkSpeed(1_000_000_000L)
                .mediaType(MediaType.WIRELESS)); // T3: 30
        assertThat(a.result().recomputedDestinations()).isEqualTo(2);
        assertThat(f.storedBest("0.0.0.0/0").effectiveMetric()).isEqualTo(30);
    }
}
