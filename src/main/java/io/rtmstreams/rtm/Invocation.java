package io.rtmstreams.rtm;

import java.util.List;

/**
 * A method invocation from {@code caller} to {@code target} (R29), outstanding until the target answers with a
 * METHOD_RESULT. {@code delivered} is false while the target has its methods blocked (R30, R31).
 */
public record Invocation(String id, TableId table, EntityId caller, EntityId target, List<String> methods,
                         long methodBits, String input, boolean delivered, long seq) {

    public Invocation {
        methods = List.copyOf(methods);
    }

    public Invocation asDelivered() {
        return new Invocation(id, table, caller, target, methods, methodBits, input, true, seq);
    }
}
