package io.rtmstreams.streams.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The context {@link IndexDerivingStore} initialises its inner store with: the task's own context, except that the
 * restore callback the inner store registers is replaced by the one {@code intercept} makes of it. Every other call
 * goes to the task's context when it is made (a store keeps its context and asks it for the current record's
 * metadata on every write). What Kafka's RocksDB store asks of its context (task id, configuration, state directory,
 * {@code metrics()}, which it casts to Kafka's own implementation, record metadata, registration) is answered by the
 * task's context itself; nothing casts the context.
 */
final class RestoreInterceptingContext implements StateStoreContext {

    private final StateStoreContext task;
    private final UnaryOperator<StateRestoreCallback> intercept;

    RestoreInterceptingContext(StateStoreContext task, UnaryOperator<StateRestoreCallback> intercept) {
        this.task = task;
        this.intercept = intercept;
    }

    @Override
    public void register(StateStore store, StateRestoreCallback callback) {
        task.register(store, intercept.apply(callback));
    }

    @Override
    public void register(StateStore store, StateRestoreCallback callback, CommitCallback onCommit) {
        task.register(store, intercept.apply(callback), onCommit);
    }

    @Override
    public String applicationId() {
        return task.applicationId();
    }

    @Override
    public TaskId taskId() {
        return task.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return task.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
        return task.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return task.valueSerde();
    }

    @Override
    public File stateDir() {
        return task.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
        return task.metrics();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return task.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return task.appConfigsWithPrefix(prefix);
    }
}
