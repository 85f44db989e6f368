package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.contract.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pmacct mapping remembers between records, kept apart from the mapper so that the consume–transform–produce
 * loop can make it durable with its output (exactly once): a {@link RouterState} per router, and which routers
 * changed since the loop last wrote them ({@link #drainChanged}).
 */
public final class FollowState {

    /** A BMP peer of one router and VRF ({@code ""} for the global table); {@code loc} for its Loc-RIB peer. */
    public record PeerKey(String router, String vrf, String peer, boolean loc) {
    }

    private final Map<String, RouterState> routers = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** The state of {@code router}, created empty when new; counted as changed. */
    RouterState router(String router) {
        changed.add(router);
        return routers.computeIfAbsent(router, r -> new RouterState());
    }

    /** The state of {@code router} as it is, or null: for reading only. */
    public RouterState get(String router) {
        return routers.get(router);
    }

    /** The durable form of a router's state: its {@link RouterState.Snapshot} as JSON. */
    public byte[] snapshot(String router) {
        try {
            return Json.MAPPER.writeValueAsBytes(routers.get(router).snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + router, e);
        }
    }

    /** Puts a router's state back from its {@link #snapshot}; IllegalArgumentException when it cannot be read. */
    public void restore(String router, byte[] snapshot) {
        try {
            routers.put(router, RouterState.of(Json.MAPPER.readValue(snapshot, RouterState.Snapshot.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state of " + router + " cannot be read: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The VRF → rtmInstance assignments of {@code router}, in the order they were made. */
    public Map<String, Integer> instances(String router) {
        RouterState state = routers.get(router);
        return state == null ? Map.of() : state.instances();
    }

    /** The routers changed since the last call, in the order they first changed. */
    public List<String> drainChanged() {
        List<String> drained = List.copyOf(changed);
        changed.clear();
        return drained;
    }
}
