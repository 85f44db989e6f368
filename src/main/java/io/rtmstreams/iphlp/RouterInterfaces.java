package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory copy of one router's interface rows and index slots, both families. The cost model asks for the
 * row behind every next hop of every route it prices, so the rows are held in hash maps rather than read from the
 * store each time; {@link InterfaceTable} fills the copy from the stores once and keeps it in step on every write.
 */
final class RouterInterfaces {

    private final Map<IpFamily, Map<Long, InterfaceRow>> rows = new EnumMap<>(IpFamily.class);
    private final Map<IpFamily, Map<Long, IndexSlot>> slots = new EnumMap<>(IpFamily.class);
    /**
     * Address → the rows that list it (D18); rebuilt lazily after a row changes, and built before a copy is shared
     * between threads ({@link #readyToShare}) so that readers of a shared copy never write it.
     */
    private Map<IpAddress, List<InterfaceRow>> owners;

    RouterInterfaces() {
        for (IpFamily f : IpFamily.values()) {
            rows.put(f, new HashMap<>());
            slots.put(f, new HashMap<>());
        }
    }

    InterfaceRow row(IpFamily family, long luid) {
        return rows.get(family).get(luid);
    }

    IndexSlot slot(IpFamily family, long index) {
        return slots.get(family).get(index);
    }

    /** The present row the index names, or null when it names none (never reported, deleted, or moved away). */
    InterfaceRow rowAt(IpFamily family, long index) {
        IndexSlot s = slot(family, index);
        if (s == null || s.deleted()) {
            return null;
        }
        InterfaceRow r = row(family, s.interfaceLuid());
        return r != null && r.interfaceIndex() == index ? r : null;
    }

    /** The family's rows in interface index order. */
    List<InterfaceRow> rows(IpFamily family) {
        List<InterfaceRow> out = new ArrayList<>(rows.get(family).values());
        out.sort(Comparator.comparingLong(InterfaceRow::interfaceIndex));
        return out;
    }

    /**
     * This copy with every lazily built part built, ready to be published to other threads (through a concurrent
     * map) and read there without further writes.
     */
    RouterInterfaces readyToShare() {
        ownerIndex();
        return this;
    }

    /** The rows that list {@code address} among their unicast addresses, lowest LUID (unsigned) first. */
    List<InterfaceRow> owners(IpAddress address) {
        return ownerIndex().getOrDefault(address, List.of());
    }

    private Map<IpAddress, List<InterfaceRow>> ownerIndex() {
        if (owners == null) {
            owners = indexAddresses();
        }
        return owners;
    }

    private Map<IpAddress, List<InterfaceRow>> indexAddresses() {
        Map<IpAddress, List<InterfaceRow>> out = new HashMap<>();
        for (Map<Long, InterfaceRow> family : rows.values()) {
            for (InterfaceRow r : family.values()) {
                for (IpAddress a : r.unicastAddresses()) {
                    out.computeIfAbsent(a, k -> new ArrayList<>()).add(r);
                }
            }
        }
        out.values().forEach(l -> l.sort((x, y) -> Long.compareUnsigned(x.interfaceLuid(), y.interfaceLuid())));
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return out;
    }

    void putRow(InterfaceRow row) {
        rows.get(row.ipFamily()).put(row.interfaceLuid(), row);
        owners = null;
    }

    void removeRow(IpFamily family, long luid) {
        rows.get(family).remove(luid);
        owners = null;
    }

    void putSlot(IpFamily family, long index, IndexSlot slot) {
        slots.get(family).put(index, slot);
    }
}
