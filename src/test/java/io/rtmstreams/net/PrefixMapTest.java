package io.rtmstreams.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PrefixMap}'s longest match against a brute-force scan of every entry, the covering test done on the bits
 * ({@link BigInteger}), over random puts, replacements and removals of nested prefixes of both families, so that
 * lengths come and go from the map's length bitmap.
 */
class PrefixMapTest {

    private static final int STEPS = 600;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldFindTheLongestAcceptedCoveringPrefixAsABruteForceScanDoes(long seed) {
        NetRandom r = new NetRandom(seed);
        IpFamily family = r.family();
        PrefixMap<Integer> map = new PrefixMap<>(family);
        Map<Prefix, Integer> model = new HashMap<>();
        List<Prefix> known = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (!known.isEmpty() && r.random().nextInt(4) == 0) {
                Prefix gone = known.get(r.random().nextInt(known.size()));
                map.remove(gone);
                model.remove(gone);
            } else {
                Prefix p = Prefix.of(r.address(family), r.length(family));
                map.put(p, step);
                model.put(p, step);
                known.add(p);
            }
            Prefix target = Prefix.of(r.address(family), r.length(family));
            int odd = r.random().nextInt(2);
            assertThat(map.<Integer>longestMatch(target, v -> v % 2 == odd ? v : null)).as("%s (seed %d)", target, seed)
                    .isEqualTo(bruteForce(model, target, odd));
            assertThat(map.size()).isEqualTo(model.size());
        }
    }

    @Test
    void shouldRefuseAPrefixOfTheOtherFamily() {
        PrefixMap<String> map = new PrefixMap<>(IpFamily.IPV4);

        assertThatThrownBy(() -> map.put(Prefix.parse("2001:db8::/32"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.<String>longestMatch(Prefix.parse("::/0"), v -> v))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWalkFromTheLongestToTheDefaultRoute() {
        PrefixMap<String> map = new PrefixMap<>(IpFamily.IPV4);
        map.put(Prefix.parse("0.0.0.0/0"), "default");
        map.put(Prefix.parse("10.0.0.0/8"), "ten");
        map.put(Prefix.parse("10.1.0.0/16"), "ten-one");

        assertThat(map.<String>longestMatch(Prefix.parse("10.1.2.3/32"), v -> v)).isEqualTo("ten-one");
        assertThat(map.<String>longestMatch(Prefix.parse("10.1.2.3/32"), v -> v.equals("ten-one") ? null : v))
                .isEqualTo("ten");
        assertThat(map.<String>longestMatch(Prefix.parse("10.0.0.0/7"), v -> v)).as("shorter than 10/8").isEqualTo("default");
        map.remove(Prefix.parse("0.0.0.0/0"));
        assertThat(map.<String>longestMatch(Prefix.parse("11.0.0.0/8"), v -> v)).isNull();
    }

    /** The value of the longest entry whose bits cover the target's and whose value has the parity, or null. */
    private static Integer bruteForce(Map<Prefix, Integer> model, Prefix target, int odd) {
        Prefix best = null;
        for (Map.Entry<Prefix, Integer> e : model.entrySet()) {
            Prefix p = e.getKey();
            if (e.getValue() % 2 == odd && p.length() <= target.length() && sameLeadingBits(p, target, p.length())
                    && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best == null ? null : model.get(best);
    }

    private static boolean sameLeadingBits(Prefix a, Prefix b, int n) {
        int width = a.family().bits();
        BigInteger x = new BigInteger(1, a.address().toBytes()).shiftRight(width - n);
        BigInteger y = new BigInteger(1, b.address().toBytes()).shiftRight(width - n);
        return x.equals(y);
    }
}
