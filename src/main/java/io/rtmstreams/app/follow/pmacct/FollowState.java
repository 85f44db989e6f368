package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.contract.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final String REQUESTS = "|requests";

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

    /**
     * What changed since the last call, as the records of the adapter's compacted state topic, by key: a router's
     * {@link RouterState.Snapshot} (JSON) under its id when anything but its request counter changed, and its
     * request counter (decimal) under {@code <router>|requests} when that moved. The counter moves with every
     * command; the snapshot, which can be tens of kilobytes for a router with hundreds of peers, rarely.
     */
    public Map<String, byte[]> drainChanges() {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (String router : drainChanged()) {
            RouterState state = routers.get(router);
            if (state.takeChanged()) {
                records.put(router, snapshot(router));
            }
            Long requests = state.takeRequests();
            if (requests != null) {
                records.put(router + REQUESTS, Long.toString(requests).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return records;
    }

    /** Puts back one record of {@link #drainChanges}; IllegalArgumentException when it cannot be read. */
    public void restore(String key, byte[] value) {
        if (key.endsWith(REQUESTS)) {
            String router = key.substring(0, key.length() - REQUESTS.length());
            try {
                routers.computeIfAbsent(router, r -> new RouterState()).restoreRequests(Long.parseLong(new String(
                        value, StandardCharsets.US_ASCII)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the request counter of " + router + " cannot be read", e);
            }
            return;
        }
        RouterState restored;
        try {
            restored = RouterState.of(Json.MAPPER.readValue(value, RouterState.Snapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state of " + key + " cannot be read: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RouterState before = routers.put(key, restored);
        if (before != null) {
            restored.restoreRequests(before.requestsRestored());
        }
    }

    private byte[] snapshot(String router) {
        try {
            return Json.MAPPER.writeValueAsBytes(routers.get(router).snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + router, e);
        }
    }

    /** The VRF → rtmInstance assignments of {@code router}, in the order they were made. */
    public Map<String, Integer> instances(String router) {
        RouterState state = routers.get(router);
        return state == null ? Map.of() : state.instances();
    }

    /** The routers changed since the last call, in the order they first changed. */
    private List<String> drainChanged() {
        List<String> drained = List.copyOf(changed);
        changed.clear();
        return drained;
    }
}
