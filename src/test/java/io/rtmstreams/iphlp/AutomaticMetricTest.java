package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic interface metric (§5.2, D15, T2–T8, Q11–Q14). Speeds are bits per second. */
class AutomaticMetricTest {

    @ParameterizedTest(name = "T4: {0} b/s -> {1}")
    @CsvSource({
        // the vectors listed in iphlp.md §5.2
        "100000000000, 5", "99999000000, 10", "2000000000, 20", "1999000000, 25", "1000000000, 25",
        "100000000, 35", "10000000, 55", "500000, 65", "499000, 75",
        // every other boundary, both sides
        "40000000000, 10", "39999999999, 15", "10000000000, 15", "9999999999, 20", "200000000, 25",
        "199999999, 35", "80000000, 35", "79999999, 45", "20000000, 45", "19999999, 55", "4000000, 55",
        "3999999, 65", "1, 75"})
    void shouldReadTheWindows10TableForNonWirelessMediaWithAtLeastBoundaries(long speed, long metric) {
        assertThat(AutomaticMetric.fromSpeed(MetricTable.WINDOWS_10, MediaType.ETHERNET, speed)).isEqualTo(metric);
        assertThat(AutomaticMetric.fromSpeed(MetricTable.WINDOWS_10, MediaType.OTHER, speed)).isEqualTo(metric);
    }

    @ParameterizedTest(name = "T3: {0} b/s -> {1}")
    @CsvSource({
        "2000000000, 25", "1999999999, 30", "500000000, 30", "499999999, 35", "200000000, 35", "199999999, 40",
        "150000000, 40", "149999999, 45", "80000000, 45", "79999999, 50", "50000000, 50", "49999999, 55",
        "20000000, 55", "19999999, 60", "10000000, 60", "9999999, 65", "4000000, 65", "3999999, 70",
        "2000000, 70", "1999999, 75", "500000, 75", "499999, 80", "200000, 80", "199999, 85", "1, 85"})
    void shouldReadTheWindows10WirelessTableWithoutHalving(long speed, long metric) {
        assertThat(AutomaticMetric.fromSpeed(MetricTable.WINDOWS_10, MediaType.WIRELESS, speed)).isEqualTo(metric);
    }

    @ParameterizedTest(name = "T2: {0} b/s -> {1}")
    @CsvSource({
        // the vectors listed in iphlp.md §5.2
        "200000000, 20", "200001000, 10", "80000000, 25", "500000, 50", "2000000000, 5",
        // the other boundaries: "more than" each bound, except the top row's "at least 2 Gb"
        "1999999999, 10", "80000001, 20", "20000001, 25", "20000000, 30", "4000001, 30", "4000000, 40",
        "500001, 40", "1, 50"})
    void shouldReadTheVistaTableWithMoreThanBoundaries(long speed, long metric) {
        assertThat(AutomaticMetric.fromSpeed(MetricTable.VISTA, MediaType.ETHERNET, speed)).isEqualTo(metric);
    }

    @ParameterizedTest(name = "T6: wireless {0} b/s -> {1}")
    @CsvSource({"400000000, 20", "400002000, 10", "4000000000, 5", "3999999998, 10"})
    void shouldHalveWirelessSpeedsOnlyInTheVistaTable(long speed, long metric) {
        assertThat(AutomaticMetric.fromSpeed(MetricTable.VISTA, MediaType.WIRELESS, speed)).isEqualTo(metric);
    }

    @Test
    void shouldCompareSpeedsUnsignedSoTheFastestLinkStillGetsTheTopRow() {
        long nearlyAllOnes = -2L; // 2^64 - 2 b/s: unknown is only ~0 (Q12), this is a (huge) known speed
        assertThat(AutomaticMetric.fromSpeed(MetricTable.WINDOWS_10, MediaType.ETHERNET, nearlyAllOnes)).isEqualTo(5);
        assertThat(AutomaticMetric.fromSpeed(MetricTable.VISTA, MediaType.WIRELESS, nearlyAllOnes)).isEqualTo(5);
    }

    @Test
    void shouldMatchTheSpotChecksSeenOnWindows10() {
        // T8: 1 Gb/s Ethernet shows 25, a 10 Gb/s Hyper-V vEthernet 15
        assertThat(metric(row().linkSpeed(1_000_000_000L).mediaType(MediaType.ETHERNET))).isEqualTo(25);
        assertThat(metric(row().linkSpeed(10_000_000_000L).mediaType(MediaType.OTHER))).isEqualTo(15);
    }

    @Test
    void shouldUseTheTransmitSpeedAndFallBackToReceiveWhenTransmitIsUnknown() {
        // Q12: transmit first; 0 and ~0 mean unknown
        assertThat(metric(row().transmitLinkSpeed(1_000_000_000L).receiveLinkSpeed(10_000_000L))).isEqualTo(25);
        assertThat(metric(row().transmitLinkSpeed(0).receiveLinkSpeed(10_000_000L))).isEqualTo(55);
        assertThat(metric(row().transmitLinkSpeed(-1L).receiveLinkSpeed(10_000_000L))).isEqualTo(55);
    }

    @Test
    void shouldUseTheRowMetricWhenNoLinkSpeedIsKnown() {
        // D15: with no link speed the row's Metric is used as given
        assertThat(metric(row().metric(42).transmitLinkSpeed(0).receiveLinkSpeed(-1L))).isEqualTo(42);
    }

    @Test
    void shouldUseTheManualMetricOnlyWhenTheAutomaticMetricIsOff() {
        // F8, Q14: the automatic value wins while the flag is set
        InterfaceRowBuilder fast = row().metric(7).linkSpeed(1_000_000_000L);
        assertThat(metric(fast)).isEqualTo(25);
        assertThat(metric(fast.useAutomaticMetric(false))).isEqualTo(7);
    }

    @Test
    void shouldPickTheWirelessTableByMediaType() {
        InterfaceRowBuilder wifi = row().linkSpeed(300_000_000L).mediaType(MediaType.WIRELESS);
        assertThat(metric(wifi)).isEqualTo(35);
        assertThat(AutomaticMetric.interfaceMetric(wifi.build(), MetricTable.VISTA)).isEqualTo(20);
    }

    private static InterfaceRowBuilder row() {
        return InterfaceRow.builder(IpFamily.IPV4).interfaceLuid(NetLuid.of(6, 1)).interfaceIndex(1);
    }

    private static long metric(InterfaceRowBuilder b) {
        return AutomaticMetric.interfaceMetric(b.build(), MetricTable.WINDOWS_10);
    }
}
