package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Routers' interface rows for readers, safe to share between threads over stores another thread writes (the query
 * API). The cost model asks for the row behind every next hop it prices, so a router's rows are read once per
 * generation: every write of the router's rows advances it ({@link IphlpStores#INTERFACE_GENERATIONS}), and a read
 * checks the generation, one key, and reuses the copy loaded at that generation. A copy is complete (its lazy parts
 * built) before it is shared and never written afterwards.
 */
final class InterfaceReads implements InterfaceSource {

    private record Copy(long generation, RouterInterfaces interfaces) {
    }

    private final StoreProvider stores;
    private final ToLongFunction<String> generations;
    private final ConcurrentHashMap<String, Copy> copies = new ConcurrentHashMap<>();

    /** Reads over {@code stores}, each router's generation from {@code generations}. */
    InterfaceReads(StoreProvider stores, ToLongFunction<String> generations) {
        this.stores = stores;
        this.generations = generations;
    }

    /** Reads over {@code stores}, generations included. */
    static InterfaceReads over(StoreProvider stores) {
        OrderedStore<Long> stored = stores.store(IphlpStores.INTERFACE_GENERATIONS);
        return new InterfaceReads(stores, router -> {
            Long g = stored.get(IphlpKeys.router(router));
            return g == null ? 0 : g;
        });
    }

    @Override
    public RouterInterfaces router(String router) {
        long generation = generations.applyAsLong(router);
        Copy copy = copies.get(router);
        if (copy != null && copy.generation() == generation) {
            return copy.interfaces();
        }
        RouterInterfaces loaded = InterfaceTable.load(stores, router).readyToShare();
        copies.put(router, new Copy(generation, loaded));
        return loaded;
    }
}
