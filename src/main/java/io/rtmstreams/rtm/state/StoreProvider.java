package io.rtmstreams.rtm.state;

/** Hands the domain the store for each {@link StoreSpec}: in memory for tests, Kafka Streams stores in the topology. */
@FunctionalInterface
public interface StoreProvider {

    <V> OrderedStore<V> store(StoreSpec<V> spec);
}
