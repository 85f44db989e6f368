package io.rtmstreams.iphlp;

/**
 * What an interface index of a router's family names (F1, L4): the interface with this LUID, or, once that
 * interface was deleted or moved to another index, nothing usable (D12: its next hops become unusable). An index
 * with no slot at all was never reported, which D12 treats differently (usable with metric 0 unless strict).
 */
public record IndexSlot(long interfaceLuid, boolean deleted) {

    public static IndexSlot bound(long luid) {
        return new IndexSlot(luid, false);
    }

    public static IndexSlot deleted(long luid) {
        return new IndexSlot(luid, true);
    }
}
