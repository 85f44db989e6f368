package io.rtmstreams.rtm.state;

/** Hands the domain the store for each {@link StoreSpec}: in memory for tests, Kafka Streams stores in the topology. */
@FunctionalInterface
public interface StoreProvider {

    <V> OrderedStore<V> store(StoreSpec<V> spec);

    /**
     * True when the provider's stores keep the domain's derived indexes in step with the records they are derived
     * from by themselves (the Kafka store does it below its changelog layer); then the domain only reads them. By
     * default the domain writes them along with those records.
     */
    default boolean derivesIndexes() {
        return false;
    }
}
