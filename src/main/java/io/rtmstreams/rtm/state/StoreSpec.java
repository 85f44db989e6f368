package io.rtmstreams.rtm.state;

import java.util.Objects;

/**
 * The name and value type of one logical store. The names are part of the deployment: the Kafka store layer keeps
 * every logical store in one physical store under a namespace it finds by this name (the store registry of
 * {@code streams.state}), so every store is declared once, as a constant, and never renamed.
 */
public record StoreSpec<V>(String name, Class<V> valueType) {

    public StoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
    }
}
