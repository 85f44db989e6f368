package io.rtmstreams.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prefix order (R125), sortable byte keys (design.md State), canonical bits (R33) and the prefix-tree relations
 * ({@code covers}, {@code contains}, {@code commonLength}, {@code truncate}, {@code masked}), each checked against
 * brute-force bit arithmetic on {@link BigInteger}s over random prefixes of both families.
 */
class PrefixPropertiesTest {

    private static final int PAIRS_PER_SEED = 1000;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    // ---- examples -----------------------------------------------------------------------------------------------

    @Test
    void shouldOrderByAddressThenShorterLengthFirst() {
        List<Prefix> expected = List.of(
                Prefix.parse("0.0.0.0/0"),
                Prefix.parse("9.255.255.255/32"),
                Prefix.parse("10.0.0.0/8"),
                Prefix.parse("10.0.0.0/16"),
                Prefix.parse("10.0.0.0/32"),
                Prefix.parse("10.0.0.1/32"),
                Prefix.parse("10.1.0.0/16"),
                Prefix.parse("128.0.0.0/1"),
                Prefix.parse("255.255.255.255/32"),
                Prefix.parse("::/0"),
                Prefix.parse("::/128"),
                Prefix.parse("::1/128"),
                Prefix.parse("2001:db8::/32"),
                Prefix.parse("2001:db8::/64"),
                Prefix.parse("ff00::/8"));
        List<Prefix> shuffled = new ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(Comparator.naturalOrder());
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldZeroHostBits() {
        assertThat(Prefix.parse("10.1.2.3/8")).hasToString("10.0.0.0/8").isEqualTo(Prefix.parse("10.0.0.0/8"));
        assertThat(Prefix.parse("10.1.2.3/8").address()).isEqualTo(IpAddress.parse("10.0.0.0"));
        assertThat(Prefix.parse("255.255.255.255/0")).hasToString("0.0.0.0/0");
        assertThat(Prefix.parse("192.0.2.255/25")).hasToString("192.0.2.128/25");
        assertThat(Prefix.parse("2001:db8:ffff::1/32")).hasToString("2001:db8::/32");
        assertThat(Prefix.parse("2001:db8::1/127")).hasToString("2001:db8::/127");
        assertThat(Prefix.of(IpAddress.parse("10.1.2.3"), 16)).hasToString("10.1.0.0/16");
        assertThat(Prefix.host(IpAddress.parse("10.1.2.3"))).hasToString("10.1.2.3/32");
    }

    @Test
    void shouldRejectLengthsOutsideTheFamily() {
        assertThatThrownBy(() -> Prefix.of(IpAddress.parse("1.2.3.4"), 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Prefix.of(IpAddress.parse("1.2.3.4"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Prefix.of(IpAddress.parse("::"), 129)).isInstanceOf(IllegalArgumentException.class);
        byte[] key = new byte[5];
        Prefix.parse("1.2.3.0/24").writeKey(key, 0);
        key[4] = 33;
        assertThatThrownBy(() -> Prefix.readKey(IpFamily.IPV4, key, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellCoveringPrefixesOnTheBoundaries() {
        Prefix ten = Prefix.parse("10.0.0.0/8");
        assertThat(ten.covers(ten)).isTrue();
        assertThat(ten.covers(Prefix.parse("10.255.255.255/32"))).isTrue();
        assertThat(ten.covers(Prefix.parse("11.0.0.0/32"))).isFalse();
        assertThat(ten.covers(Prefix.parse("10.0.0.0/7"))).isFalse();
        assertThat(ten.contains(IpAddress.parse("10.255.255.255"))).isTrue();
        assertThat(ten.contains(IpAddress.parse("9.255.255.255"))).isFalse();
        assertThat(Prefix.parse("0.0.0.0/0").covers(Prefix.parse("255.255.255.255/32"))).isTrue();
        assertThat(Prefix.parse("0.0.0.0/0").covers(Prefix.parse("::/0"))).isFalse();
        assertThat(Prefix.parse("::/0").contains(IpAddress.parse("0.0.0.0"))).isFalse();
        assertThat(Prefix.parse("::/96").covers(Prefix.parse("::ffff:1.2.3.4/128"))).isFalse();
        assertThat(Prefix.parse("::ffff:0.0.0.0/96").covers(Prefix.parse("::ffff:1.2.3.4/128"))).isTrue();
    }

    @Test
    void shouldRefuseToCompareBitsAcrossFamilies() {
        Prefix v4 = Prefix.parse("10.0.0.0/8");
        Prefix v6 = Prefix.parse("a00::/8");
        assertThatThrownBy(() -> v4.commonLength(v6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v4.commonLength(IpAddress.parse("a00::1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAddress.parse("10.0.0.1").commonPrefixLength(IpAddress.parse("a00::1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(v4.covers(v6)).isFalse();
        assertThat(v6.contains(IpAddress.parse("10.0.0.1"))).isFalse();
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void compareToShouldFollowFamilyAddressThenLength(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Drawn a = Drawn.of(g);
            Drawn b = Drawn.of(g);
            int expected = a.compareModel(b);
            String why = "seed " + seed + ": " + a.prefix + " vs " + b.prefix;
            assertThat(Integer.signum(a.prefix.compareTo(b.prefix))).as(why).isEqualTo(expected);
            assertThat(Integer.signum(b.prefix.compareTo(a.prefix))).as(why).isEqualTo(-expected);
            assertThat(a.prefix.equals(b.prefix)).as(why).isEqualTo(expected == 0);
            if (expected == 0) {
                assertThat(a.prefix.hashCode()).as(why).isEqualTo(b.prefix.hashCode());
                assertThat(a.prefix.toString()).as(why).isEqualTo(b.prefix.toString());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void byteKeysShouldSortLikeCompareTo(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            IpFamily f = g.family();
            Prefix a = g.prefix(f);
            Prefix b = g.prefix(f);
            int byKey = Integer.signum(Arrays.compareUnsigned(key(a), key(b)));
            assertThat(byKey).as("seed %d: key(%s) vs key(%s)", seed, a, b).isEqualTo(Integer.signum(a.compareTo(b)));
        }
        // Across families the key carries no family (the table key does, Keys.destination): family byte first.
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Prefix a = g.prefix();
            Prefix b = g.prefix();
            int byKey = Integer.signum(Arrays.compareUnsigned(familyKey(a), familyKey(b)));
            assertThat(byKey).as("seed %d: %s vs %s", seed, a, b).isEqualTo(Integer.signum(a.compareTo(b)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sortingByKeyShouldGiveTheSameListAsSortingByCompareTo(long seed) {
        NetRandom g = new NetRandom(seed);
        for (IpFamily f : IpFamily.values()) {
            List<Prefix> list = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                list.add(g.prefix(f));
            }
            List<Prefix> byCompare = new ArrayList<>(list);
            byCompare.sort(Comparator.naturalOrder());
            List<Prefix> byKey = new ArrayList<>(list);
            byKey.sort((x, y) -> Arrays.compareUnsigned(key(x), key(y)));
            assertThat(byKey).as("seed %d", seed).containsExactlyElementsOf(byCompare);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readKeyShouldRoundTrip(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Prefix p = g.prefix();
            int offset = g.random().nextInt(4);
            byte[] buf = new byte[offset + p.keySize() + 2];
            Arrays.fill(buf, (byte) 0xA5);
            int n = p.writeKey(buf, offset);
            assertThat(n).isEqualTo(p.keySize()).isEqualTo(p.family().bytes() + 1);
            assertThat(buf[offset + n]).as("writeKey wrote past its size").isEqualTo((byte) 0xA5);
            assertThat(Prefix.readKey(p.family(), buf, offset)).as("seed %d: %s", seed, p).isEqualTo(p);
            assertThat(Arrays.copyOfRange(buf, offset, offset + p.family().bytes()))
                    .as("seed %d: %s address bytes", seed, p).isEqualTo(p.address().toBytes());
            assertThat(Prefix.parse(p.toString())).as("seed %d: text round trip", seed).isEqualTo(p);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void prefixBitsShouldBeTheMaskedAddress(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Drawn d = Drawn.of(g);
            String why = "seed " + seed + ": " + d.address + "/" + d.length;
            assertThat(d.prefix.family()).isEqualTo(d.address.family());
            assertThat(d.prefix.length()).isEqualTo(d.length);
            assertThat(NetRandom.value(d.prefix.address())).as(why).isEqualTo(d.maskedValue());
            assertThat(d.prefix.isDefault()).isEqualTo(d.length == 0);
            IpAddress masked = d.address.masked(d.length);
            assertThat(masked.family()).isEqualTo(d.address.family());
            assertThat(NetRandom.value(masked)).as(why).isEqualTo(d.maskedValue());
            BigInteger v = NetRandom.value(d.address);
            int w = d.address.family().bits();
            for (int bit = 0; bit < w; bit++) {
                if (d.address.bit(bit) != v.testBit(w - 1 - bit)) {
                    throw new AssertionError(why + ": bit " + bit);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void coversAndContainsShouldAgreeWithBitLogic(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Drawn a = Drawn.of(g);
            Drawn b = g.random().nextInt(3) == 0 ? a.narrowed(g) : Drawn.of(g);
            boolean sameFamily = a.prefix.family() == b.prefix.family();
            boolean covers = sameFamily && b.length >= a.length
                    && NetRandom.maskedValue(b.prefix.address(), a.length).equals(a.maskedValue());
            assertThat(a.prefix.covers(b.prefix)).as("seed %d: %s covers %s", seed, a.prefix, b.prefix)
                    .isEqualTo(covers);
            boolean contains = sameFamily && NetRandom.maskedValue(b.address, a.length).equals(a.maskedValue());
            assertThat(a.prefix.contains(b.address)).as("seed %d: %s contains %s", seed, a.prefix, b.address)
                    .isEqualTo(contains);
            if (a.prefix.covers(b.prefix)) {
                assertThat(a.prefix.compareTo(b.prefix)).as("a covering prefix sorts first (R125)").isLessThanOrEqualTo(0);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void commonLengthShouldCountSharedLeadingBits(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            IpFamily f = g.family();
            Drawn a = Drawn.of(g, f);
            Drawn b = g.random().nextInt(3) == 0 ? a.narrowed(g) : Drawn.of(g, f);
            int shared = NetRandom.common(a.prefix.address(), b.prefix.address());
            assertThat(a.prefix.commonLength(b.prefix)).as("seed %d: %s ^ %s", seed, a.prefix, b.prefix)
                    .isEqualTo(Math.min(shared, Math.min(a.length, b.length)));
            int withAddress = NetRandom.common(a.prefix.address(), b.address);
            assertThat(a.prefix.commonLength(b.address)).as("seed %d: %s ^ %s", seed, a.prefix, b.address)
                    .isEqualTo(Math.min(withAddress, a.length));
            assertThat(a.address.commonPrefixLength(b.address)).as("seed %d: %s ^ %s", seed, a.address, b.address)
                    .isEqualTo(NetRandom.common(a.address, b.address));
            assertThat(a.prefix.commonLength(b.prefix) == a.length && b.length >= a.length)
                    .as("commonLength agrees with covers").isEqualTo(a.prefix.covers(b.prefix));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void truncateShouldKeepTheLeadingBits(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            Drawn d = Drawn.of(g);
            int k = g.random().nextInt(d.length + 1);
            Prefix t = d.prefix.truncate(k);
            assertThat(t.length()).isEqualTo(k);
            assertThat(NetRandom.value(t.address())).as("seed %d: %s to /%d", seed, d.prefix, k)
                    .isEqualTo(NetRandom.maskedValue(d.address, k));
            assertThat(t.covers(d.prefix)).isTrue();
            assertThat(t).isEqualTo(Prefix.of(d.address, k));
            if (d.length < d.address.family().bits()) {
                int beyond = d.length + 1 + g.random().nextInt(d.address.family().bits() - d.length);
                assertThatThrownBy(() -> d.prefix.truncate(beyond)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> Prefix.parse("10.0.0.0/8").truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addressesShouldOrderNumericallyAndRoundTripTheirBytes(long seed) {
        NetRandom g = new NetRandom(seed);
        for (int i = 0; i < PAIRS_PER_SEED; i++) {
            IpAddress a = g.address(g.family());
            IpAddress b = g.address(g.family());
            int expected = a.family() != b.family()
                    ? Integer.signum(a.family().compareTo(b.family()))
                    : NetRandom.value(a).compareTo(NetRandom.value(b));
            assertThat(Integer.signum(a.compareTo(b))).as("seed %d: %s vs %s", seed, a, b).isEqualTo(expected);
            assertThat(a.equals(b)).isEqualTo(expected == 0);
            assertThat(IpAddress.ofBytes(a.toBytes())).isEqualTo(a);
            assertThat(IpAddress.parse(a.toString())).as("seed %d: text round trip of %s", seed, a).isEqualTo(a);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static byte[] key(Prefix p) {
        byte[] k = new byte[p.keySize()];
        p.writeKey(k, 0);
        return k;
    }

    private static byte[] familyKey(Prefix p) {
        byte[] k = new byte[p.keySize() + 1];
        k[0] = (byte) p.family().afNumber();
        p.writeKey(k, 1);
        return k;
    }

    /** A drawn address and length with the prefix built from them. */
    private record Drawn(IpAddress address, int length, Prefix prefix) {

        static Drawn of(NetRandom g) {
            return of(g, g.family());
        }

        static Drawn of(NetRandom g, IpFamily f) {
            IpAddress a = g.address(f);
            int len = g.length(f);
            return new Drawn(a, len, Prefix.of(a, len));
        }

        /** A prefix inside this one (equal or longer, same leading bits). */
        Drawn narrowed(NetRandom g) {
            IpFamily f = address.family();
            byte[] b = address.toBytes();
            for (int bit = length; bit < f.bits(); bit++) {
                if (g.random().nextBoolean()) {
                    b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                }
            }
            IpAddress a = IpAddress.ofBytes(b);
            int len = g.random().nextInt(length, f.bits() + 1);
            return new Drawn(a, len, Prefix.of(a, len));
        }

        BigInteger maskedValue() {
            return NetRandom.maskedValue(address, length);
        }

        int compareModel(Drawn o) {
            if (address.family() != o.address.family()) {
                return Integer.signum(address.family().compareTo(o.address.family()));
            }
            int c = maskedValue().compareTo(o.maskedValue());
            return c != 0 ? c : Integer.signum(Integer.compare(length, o.length));
        }
    }
}
