package io.rtmstreams.app.loadgen;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The churn mix as written on the command line and as drawn. */
class ChurnMixTest {

    @Test
    void parsesUpdatesWithdrawalsAndFlapsAndPrintsThemBack() {
        ChurnMix mix = ChurnMix.parse("90:9.5:0.5");

        assertThat(mix).isEqualTo(new ChurnMix(90, 9.5, 0.5));
        assertThat(mix.toString()).isEqualTo("90:9.5:0.5");
        assertThat(ChurnMix.parse(" 1:0:0 ").toString()).isEqualTo("1:0:0");
    }

    @Test
    void refusesWhatIsNotThreeWeights() {
        assertThatThrownBy(() -> ChurnMix.parse("90:10")).hasMessageContaining("UPDATES:WITHDRAWALS:FLAPS");
        assertThatThrownBy(() -> ChurnMix.parse("a:b:c")).hasMessageContaining("the weights are numbers");
        assertThatThrownBy(() -> ChurnMix.parse("0:0:0")).hasMessageContaining("not all 0");
        assertThatThrownBy(() -> ChurnMix.parse("-1:2:0")).hasMessageContaining("not negative");
        assertThatThrownBy(() -> ChurnMix.parse("NaN:1:0")).hasMessageContaining("not negative");
    }

    @Test
    void aKindWithWeightZeroIsNeverDrawn() {
        SplittableRandom random = new SplittableRandom(1);
        ChurnMix onlyFlaps = new ChurnMix(0, 0, 1);
        ChurnMix noFlaps = new ChurnMix(1, 1, 0);

        for (int i = 0; i < 10_000; i++) {
            assertThat(onlyFlaps.pick(random, 100)).isEqualTo(ChurnSchedule.Kind.FLAP);
            assertThat(noFlaps.pick(random, 100)).isNotEqualTo(ChurnSchedule.Kind.FLAP);
        }
    }
}
