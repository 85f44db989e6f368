package io.rtmstreams.mrt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An AS_PATH (RFC 4271 §4.3): segments of AS numbers. Its {@link #length()} is the one BGP's decision process
 * uses (RFC 4271 §9.1.2.2): each AS of a sequence counts 1, a whole AS_SET counts 1, confederation segments count 0
 * (RFC 5065 §5.3). The text is bgpdump's: sequences separated by spaces, {@code {a,b}} for a set, {@code (a b)} and
 * {@code [a,b]} for confederation sequences and sets.
 */
public final class AsPath {

    static final int AS_SET = 1;
    static final int AS_SEQUENCE = 2;
    static final int AS_CONFED_SEQUENCE = 3;
    static final int AS_CONFED_SET = 4;

    public static final AsPath EMPTY = new AsPath(List.of());

    private final List<Segment> segments;

    AsPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** One segment: its type (1 AS_SET, 2 AS_SEQUENCE, 3 AS_CONFED_SEQUENCE, 4 AS_CONFED_SET) and AS numbers. */
    record Segment(int type, long[] asns) {

        int length() {
            return switch (type) {
                case AS_SEQUENCE -> asns.length;
                case AS_SET -> 1;
                default -> 0;
            };
        }

        /** The first {@code n} AS numbers of this segment (a sequence cut short by the AS4_PATH merge). */
        Segment first(int n) {
            return new Segment(type, Arrays.copyOf(asns, n));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.type == type && Arrays.equals(s.asns, asns);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(asns);
        }

        @Override
        public String toString() {
            String joined = Arrays.stream(asns).mapToObj(Long::toString)
                    .collect(Collectors.joining(type == AS_SEQUENCE || type == AS_CONFED_SEQUENCE ? " " : ","));
            return switch (type) {
                case AS_SET -> "{" + joined + "}";
                case AS_CONFED_SEQUENCE -> "(" + joined + ")";
                case AS_CONFED_SET -> "[" + joined + "]";
                default -> joined;
            };
        }
    }

    /** The path length of the decision process (see the class comment). */
    public int length() {
        int length = 0;
        for (Segment s : segments) {
            length += s.length();
        }
        return length;
    }

    List<Segment> segments() {
        return segments;
    }

    /**
     * The path a 2-byte-AS speaker saw merged with its AS4_PATH (RFC 6793 §4.2.3): when the AS4_PATH is not longer,
     * the leading ASes of this path that the AS4_PATH does not cover, then the AS4_PATH; otherwise this path.
     */
    AsPath mergeAs4(AsPath as4) {
        int keep = length() - as4.length();
        if (keep < 0) {
            return this;
        }
        List<Segment> merged = new ArrayList<>();
        for (Segment s : segments) {
            if (keep <= 0) {
                break;
            }
            int n = s.length();
            merged.add(n > keep ? s.first(keep) : s);
            keep -= n;
        }
        merged.addAll(as4.segments);
        return new AsPath(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return segments.stream().map(Segment::toString).collect(Collectors.joining(" "));
    }
}
