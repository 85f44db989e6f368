package io.rtmstreams.mrt;

import java.util.List;

/** AS paths for tests outside this package, whose AsPath constructor is the reader's own. */
public final class AsPathFixtures {

    private AsPathFixtures() {
    }

    /** A sequence of {@code length} ASes 64512, 64513, ... */
    public static AsPath sequence(int length) {
        long[] asns = new long[length];
        for (int i = 0; i < length; i++) {
            asns[i] = 64_512 + i;
        }
        return new AsPath(List.of(new AsPath.Segment(AsPath.AS_SEQUENCE, asns)));
    }
}
