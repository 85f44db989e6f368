package io.rtmstreams.app.importer;

import io.rtmstreams.mrt.Nlri;
import io.rtmstreams.net.IpAddress;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The synthetic interfaces of an import (D28): MRT data has no interfaces, so each peer (or, with ADD-PATH
 * interfaces, each path of a peer) gets one, its neighbour and next hops living there. The index is a hash of the
 * peer's address (and path id) in the 24 bits of a NET_LUID's index, so a later import of another file of the same
 * collector (updates after a RIB dump) finds the same interfaces; the LUID is an Ethernet one (IfType 6) with that
 * index. Two peers whose hashes collide in one run take the next free index, in the order they appear.
 */
public final class SyntheticInterfaces {

    /** The interface of a peer, or of one of its ADD-PATH paths ({@link Nlri#NO_PATH_ID} for the peer's own). */
    public record Key(IpAddress peer, long pathId) {
    }

    /** An interface: its index and LUID. */
    public record Interface(long index, long luid) {
    }

    private static final long INDEXES = (1L << 24) - 2;
    private static final long ETHERNET = 6;

    private final Map<Key, Interface> interfaces = new LinkedHashMap<>();
    private final Set<Long> taken = new HashSet<>();

    /** The interface of {@code key}, or null when it has none yet. */
    public Interface get(Key key) {
        return interfaces.get(key);
    }

    /** Gives {@code key} its interface. */
    public Interface create(Key key) {
        long index = 1 + Integer.toUnsignedLong(hash(key)) % INDEXES;
        while (!taken.add(index)) {
            index = index % INDEXES + 1;
        }
        Interface created = new Interface(index, ETHERNET << 48 | index << 24);
        interfaces.put(key, created);
        return created;
    }

    /**
     * Gives {@code key} the interface it had (an adapter restoring its state): the index is taken as it was, so the
     * neighbours keep their interfaces across restarts even where hashes collided.
     */
    public void restore(Key key, Interface itf) {
        if (!taken.add(itf.index())) {
            throw new IllegalArgumentException("interface index " + itf.index() + " is taken twice");
        }
        interfaces.put(key, itf);
    }

    /** Every interface, in the order they were created. */
    public Map<Key, Interface> all() {
        return Collections.unmodifiableMap(interfaces);
    }

    public int size() {
        return interfaces.size();
    }

    /** FNV-1a over the address bytes and the path id: stable across runs and JVMs, unlike hashCode. */
    private static int hash(Key key) {
        int h = 0x811C9DC5;
        for (byte b : key.peer().toBytes()) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            h = (h ^ (int) (key.pathId() >>> shift & 0xFF)) * 0x01000193;
        }
        return h;
    }
}
