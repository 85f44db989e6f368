package io.rtmstreams.app.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress where no terminal shows a bar: a line per phase, then one per interval with the count and rate. */
class LoadgenProgressTest {

    private long now;
    private final StringWriter text = new StringWriter();
    private final LoadgenProgress progress = LoadgenProgress.lines(new PrintWriter(text, true), () -> now,
            5_000_000_000L);

    @Test
    void printsAPhaseAndThenALineEveryIntervalNotOnEveryStep() {
        progress.phase("initial load", 1_000_000, " adverts");
        for (int i = 1; i <= 12; i++) {
            now += 1_000_000_000L;
            progress.at(i * 50_000L);
        }
        progress.phase("churn", -1, " events");
        now += 6_000_000_000L;
        progress.at(3_000);
        progress.phase("waiting", 2, " results");
        now += 6_000_000_000L;
        progress.at(1);

        assertThat(text.toString().lines()).containsExactly(
                "loadgen: initial load (1,000,000 adverts)...",
                "loadgen: initial load: 250,000 of 1,000,000 adverts, 50,000/s",
                "loadgen: initial load: 500,000 of 1,000,000 adverts, 50,000/s",
                "loadgen: churn...",
                "loadgen: churn: 3,000 events, 500/s",
                "loadgen: waiting (2 results)...",
                "loadgen: waiting: 1 of 2 results");
    }
}
