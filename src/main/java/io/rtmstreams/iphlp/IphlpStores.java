package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.state.StoreSpec;

import java.util.List;

/**
 * Every store of the IP Helper half, by name and value type. The names are how the store layer finds each store's
 * place (its namespace in the one physical table store) and codec: never rename one.
 * <ul>
 *   <li>{@link #INTERFACES}: {@code router | family (u8) | LUID (u64)} → the row (L4: state keys on the LUID).</li>
 *   <li>{@link #INTERFACE_INDEXES}: {@code router | family (u8) | index (u32)} → {@link IndexSlot}, the alternative
 *   key (F1) and the deleted marks of D12.</li>
 *   <li>{@link #INTERFACE_GENERATIONS}: {@code router} → a generation that every write of the router's rows and
 *   slots advances, so readers in other threads (the query API) can keep a copy and know when it is stale.</li>
 * </ul>
 */
public final class IphlpStores {

    public static final StoreSpec<InterfaceRow> INTERFACES = new StoreSpec<>("iphlp-interfaces", InterfaceRow.class);
    public static final StoreSpec<IndexSlot> INTERFACE_INDEXES =
            new StoreSpec<>("iphlp-interface-indexes", IndexSlot.class);

    /** {@code router} → a number that changes with every write of the router's rows or slots. */
    public static final StoreSpec<Long> INTERFACE_GENERATIONS =
            new StoreSpec<>("iphlp-interface-generations", Long.class);

    public static final List<StoreSpec<?>> ALL = List.of(INTERFACES, INTERFACE_INDEXES, INTERFACE_GENERATIONS);

    private IphlpStores() {
    }

    /** The router whose generation an {@link #INTERFACE_GENERATIONS} key holds. */
    public static String routerOfGeneration(byte[] key) {
        return IphlpKeys.routerOf(key);
    }
}
