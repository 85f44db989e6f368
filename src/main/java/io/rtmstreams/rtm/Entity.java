package io.rtmstreams.rtm;

import java.util.List;

/**
 * A registered entity (R13): its identity, the expiry answer it stands for (D7), the methods it exports (bit
 * {@code 1 << i} for the i-th name, A2), whether it has blocked its methods (R31), and whether it holds an opaque
 * slot in every destination (R135, R136).
 */
public record Entity(EntityId id, ExpiryPolicy expiryPolicy, List<String> methods, boolean blocked,
                     boolean opaqueSlot, long registeredAt) {

    public Entity {
        methods = List.copyOf(methods);
    }

    public Entity withBlocked(boolean b) {
        return new Entity(id, expiryPolicy, methods, b, opaqueSlot, registeredAt);
    }

    /** The method-type bits of the named methods (A2); -1 if a name is not exported. */
    public long methodBits(List<String> names) {
        long bits = 0;
        for (String n : names) {
            int i = methods.indexOf(n);
            if (i < 0) {
                return -1;
            }
            bits |= 1L << i;
        }
        return bits;
    }
}
