package io.rtmstreams.api;

import io.rtmstreams.streams.state.CommittedTables;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The server's state access over a {@link TopologyTestDriver}: one instance that owns everything (partition 0) and
 * reads the driver's stores, RUNNING unless a test says otherwise.
 */
final class DriverState implements StateAccess {

    private final TopologyTestDriver driver;
    private volatile String state = "RUNNING";

    DriverState(TopologyTestDriver driver) {
        this.driver = driver;
    }

    void state(String s) {
        state = s;
    }

    @Override
    public String state() {
        return state;
    }

    @Override
    public boolean ready() {
        return state.equals("RUNNING");
    }

    @Override
    public Owner owner(String store, String key) {
        return ready() ? new Owner.Local(0) : new Owner.Unavailable("Kafka Streams is " + state);
    }

    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
        if (partition != 0) {
            throw new IllegalArgumentException("the driver has one partition");
        }
        return driver.getKeyValueStore(name);
    }

    @Override
    public CommittedTables committedTables(int partition) {
        if (partition != 0) {
            throw new IllegalArgumentException("the driver has one partition");
        }
        return CommittedTables.of(driver.getKeyValueStore(StoreRegistry.TABLE_STATE));
    }
}
