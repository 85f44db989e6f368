package io.rtmstreams.app.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's lines: what was sent per phase and the rate to the last SYNC result. */
class LoadReportTest {

    private static final FleetCommand.Neighbour PEER = TestTables.shape(1, 1, 1, 1).neighbour(1, 0);

    @Test
    void saysPerPhaseAndInAllWhatWasSentAndTheRateToTheLastSyncResult() {
        LoadReport report = new LoadReport();
        LoadReport.Phase load = report.begin("initial load");
        load.sent(new FleetCommand.Register("r1", "lg-register"));
        for (int i = 0; i < 3; i++) {
            load.sent(advert(1_000));
        }
        load.finish(500_000_000, 1_500_000_000);
        LoadReport.Phase churn = report.begin("churn");
        churn.churned(new ChurnSchedule.Churn(ChurnSchedule.Kind.UPDATE, 900, List.of()));
        churn.sent(advert(900));
        churn.churned(new ChurnSchedule.Churn(ChurnSchedule.Kind.FLAP, 1, List.of()));
        churn.sent(new FleetCommand.Sync("r1", "lg-sync-x", "x"));
        churn.finish(250_000_000, 1_000_000_000);
        report.finish(2_000_000_000L, 2_500_000_000L);

        assertThat(report.lines()).containsExactly(
                "initial load: 4 records, 3,000 adverts sent in 0.50 s; last SYNC result after 1.50 s: "
                        + "2,000 adverts/s",
                "churn of 901 events (900 updates, 0 withdrawals, 1 flaps): 2 records, 900 adverts sent in 0.25 s; "
                        + "last SYNC result after 1.00 s: 900 adverts/s",
                "total: 6 records, 3,900 adverts sent in 2.00 s; last SYNC result after 2.50 s: 1,560 adverts/s");
    }

    @Test
    void withoutSyncResultsTheRateIsTheSendingRateAndFailuresAreListed() {
        LoadReport report = new LoadReport();
        LoadReport.Phase load = report.begin("initial load");
        load.sent(advert(5_000));
        load.finish(2_000_000_000L, -1);
        report.finish(2_000_000_000L, -1);
        report.failed(2, List.of("r1 lg-c3 DELETE_ROUTES: ERROR_INVALID_PARAMETER (2 routes)"));

        assertThat(report.lines()).containsExactly(
                "initial load: 1 records, 5,000 adverts sent in 2.00 s: 2,500 adverts/s sent",
                "total: 1 records, 5,000 adverts sent in 2.00 s: 2,500 adverts/s sent",
                "failed: 2 routes or commands; first: r1 lg-c3 DELETE_ROUTES: ERROR_INVALID_PARAMETER (2 routes)");
    }

    private static FleetCommand advert(int routes) {
        List<FleetCommand.Route> list = TestTables.entries(routes).stream()
                .map(e -> new FleetCommand.Route(e.prefix(), 1)).toList();
        return new FleetCommand.Advertise("r1", "lg-t", PEER, list, true);
    }
}
