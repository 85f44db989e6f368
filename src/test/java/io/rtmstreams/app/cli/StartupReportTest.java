package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code run} says about fail-over once it runs. */
class StartupReportTest {

    @Test
    void namesTheStandbysAndTheTimeoutsThatDecideHowFastAnotherInstanceTakesOver() {
        assertThat(StartupReport.failover(AppConfig.defaults())).isEqualTo("1 standby replica (on other instances "
                + "of rtm-streams), session timeout 10 s (heartbeat 2 s), transaction timeout 10 s");
    }

    @Test
    void saysMillisecondsWhereSecondsWouldRoundAndLeavesOutTransactionsUnderAtLeastOnce() {
        AppConfig d = AppConfig.defaults();
        AppConfig config = new AppConfig(null, d.dataDir(), 0, "lab", d.settings(), 3, (short) 1, false,
                new Failover(2, Duration.ofMillis(7500), Duration.ofMillis(2500), Duration.ofSeconds(10)), 1,
                d.apiHost(), 0, null, d.kafkaProperties());

        assertThat(StartupReport.failover(config)).isEqualTo("2 standby replicas (on other instances of lab), "
                + "session timeout 7500 ms (heartbeat 2500 ms)");
    }
}
