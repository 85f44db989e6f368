package io.rtmstreams.rtm.state;

import java.util.Objects;

/**
 * The name and value type of one store. The names are part of the deployment (they name the changelog topics), so
 * every store is declared once, as a constant, and never renamed.
 */
public record StoreSpec<V>(String name, Class<V> valueType) {

    public StoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
    }
}
