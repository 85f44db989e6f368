package io.rtmstreams.net;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dotted-quad fast path of {@link IpLiterals} accepts exactly what the general parser accepts, with the same
 * result: random texts built from digits, dots and slashes go through both and must agree.
 */
class DottedQuadFastPathTest {

    @Test
    void shouldAgreeWithTheGeneralParserOnRandomDottedTexts() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789./";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 7 + random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(i % 4 == 3 ? alphabet.length() : 10)));
            }
            compare(sb.toString());
        }
        for (int n = 0; n < 50_000; n++) {
            String quad = octet(random) + "." + octet(random) + "." + octet(random) + "." + octet(random);
            compare(random.nextBoolean() ? quad : quad + "/" + random.nextInt(40));
        }
        for (String s : new String[]{"0.0.0.0/0", "255.255.255.255/32", "10.1.2.3", "1.2.3.4/08", "1.2.3.04",
                "256.1.1.1", "1.2.3", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4.", "01.2.3.4", "1.2.3.4/00"}) {
            compare(s);
        }
    }

    /** Mostly valid octets, sometimes out of range or with a leading zero. */
    private static String octet(SplittableRandom random) {
        int v = random.nextInt(300);
        return random.nextInt(20) == 0 ? "0" + v : Integer.toString(v);
    }

    private static void compare(String text) {
        IpLiterals.Parsed general;
        try {
            general = IpLiterals.parseGeneral(text);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> IpLiterals.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(IpLiterals.parse(text)).as(text).isEqualTo(general);
    }
}
