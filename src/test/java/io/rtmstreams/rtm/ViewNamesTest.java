package io.rtmstreams.rtm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The contract's view names are exact (contract.md, Conventions). */
class ViewNamesTest {

    @Test
    @DisplayName("contract.md: fromName takes unicast and multicast exactly, and no other spelling")
    void shouldReadTheContractNamesExactly() {
        assertThat(View.fromName("unicast")).isEqualTo(View.UNICAST);
        assertThat(View.fromName("multicast")).isEqualTo(View.MULTICAST);
        assertThatIllegalArgumentException().isThrownBy(() -> View.fromName("UNICAST"));
        assertThatIllegalArgumentException().isThrownBy(() -> View.fromName("Multicast"));
        assertThatIllegalArgumentException().isThrownBy(() -> View.fromName("broadcast"));
    }

    @Test
    @DisplayName("wireName and fromName agree for every view")
    void shouldReadBackItsOwnWireName() {
        for (View v : View.values()) {
            assertThat(View.fromName(v.wireName())).isEqualTo(v);
        }
    }
}
