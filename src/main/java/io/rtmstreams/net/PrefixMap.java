package io.rtmstreams.net;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values by prefix of one family, with longest-match reads that take no lock: one thread writes, any number read.
 * A hash map per prefix length would be the textbook layout; one hash map keyed by the canonical {@link Prefix}
 * plus a bitmap of the lengths in use does the same with one map, and a longest match probes only the lengths that
 * hold a prefix (a full IPv4 table uses about 25 of 33, an IPv6 one far fewer of 129), each probe one hash lookup.
 *
 * <p>Readers see each entry whole, as the writer last put it ({@link ConcurrentHashMap}); a reader walking while the
 * writer changes several entries may see some of the changes and not others. The length bitmap is republished
 * whenever a length gains its first or loses its last prefix, so a reader never skips a length that held a prefix
 * before it started, and at worst probes one that no longer does.
 *
 * @param <V> the value type; values must be safe to share between threads (immutable)
 */
public final class PrefixMap<V> {

    private final IpFamily family;
    private final ConcurrentHashMap<Prefix, V> entries = new ConcurrentHashMap<>();
    /** Prefixes per length; the writer's alone. */
    private final int[] perLength;
    /** Bit {@code n} set while some prefix has length {@code n}; replaced whole, never written in place. */
    private volatile long[] lengths;

    public PrefixMap(IpFamily family) {
        this.family = Objects.requireNonNull(family, "family");
        this.perLength = new int[family.bits() + 1];
        this.lengths = new long[(family.bits() >> 6) + 1];
    }

    public IpFamily family() {
        return family;
    }

    public int size() {
        return entries.size();
    }

    public V get(Prefix p) {
        return entries.get(p);
    }

    /** Puts or replaces the value of {@code p}. Writer only. */
    public void put(Prefix p, V value) {
        requireFamily(p);
        if (entries.put(p, Objects.requireNonNull(value, "value")) == null && perLength[p.length()]++ == 0) {
            flip(p.length());
        }
    }

    /** Removes {@code p} if present. Writer only. */
    public void remove(Prefix p) {
        requireFamily(p);
        if (entries.remove(p) != null && --perLength[p.length()] == 0) {
            flip(p.length());
        }
    }

    /**
     * Visits the values of the prefixes that cover {@code target} (their length at most the target's), longest
     * first, and returns the first non-null answer of {@code visit}, or null.
     */
    public <R> R longestMatch(Prefix target, Function<? super V, ? extends R> visit) {
        requireFamily(target);
        long[] in = lengths;
        for (int n = target.length(); n >= 0; n--) {
            if ((in[n >> 6] & 1L << (n & 63)) != 0) {
                V v = entries.get(target.truncate(n));
                R r = v == null ? null : visit.apply(v);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private void flip(int length) {
        long[] next = lengths.clone();
        next[length >> 6] ^= 1L << (length & 63);
        lengths = next;
    }

    private void requireFamily(Prefix p) {
        if (p.family() != family) {
            throw new IllegalArgumentException(p + " is not an " + family + " prefix");
        }
    }
}
