package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/** Change types of a destination in a view (R100–R104), as a mask in RTM_CHANGE_TYPE_* values. */
public enum ChangeType {
    /** Any route of the destination in the view was added, modified or removed; also hold-down expiry (R101, R95). */
    ALL(0x1),
    /** The view's best route became another, or the best route's preference, metric, next hops or flags changed (R102). */
    BEST(0x2),
    /** A BEST change other than one that only touches non-forwarding flags (R103). */
    FORWARDING(0x4);

    private final int bit;

    ChangeType(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int mask) {
        return (mask & bit) != 0;
    }

    public static final int ALL_TYPES = 0x7;

    public static List<ChangeType> of(int mask) {
        List<ChangeType> out = new ArrayList<>(3);
        for (ChangeType t : values()) {
            if (t.in(mask)) {
                out.add(t);
            }
        }
        return out;
    }

    public static int mask(List<ChangeType> types) {
        int m = 0;
        for (ChangeType t : types) {
            m |= t.bit;
        }
        return m;
    }
}
