package io.rtmstreams.api;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who answers a query (KafkaStreamsState over a fake metadata source, then Forwarder.route): the local instance
 * when it holds the active task of the key's partition, the owner's API otherwise, and nobody (503) while Kafka
 * Streams is not RUNNING, while no instance holds the partition, or when a forwarded request reaches an instance
 * that does not own the state either.
 */
class OwnershipTest {

    private static final HostInfo SELF = new HostInfo("10.0.0.1", 8080);
    private static final HostInfo OTHER = new HostInfo("10.0.0.2", 8080);

    /** Kafka Streams' answers, fixed by the test. */
    private record FakeMetadata(KafkaStreams.State state, KeyQueryMetadata answer)
            implements KafkaStreamsState.Metadata {

        @Override
        public KeyQueryMetadata forKey(String store, String key) {
            if (answer == null) {
                throw new IllegalStateException("KafkaStreams is not running");
            }
            return answer;
        }

        @Override
        public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.rtmstreams.streams.state.CommittedTables committedTables(int partition) {
            throw new UnsupportedOperationException();
        }
    }

    private static Owner owner(KafkaStreams.State state, KeyQueryMetadata md) {
        return new KafkaStreamsState(new FakeMetadata(state, md), SELF).owner(io.rtmstreams.streams.state.StoreRegistry.TABLE_STATE, "r1");
    }

    @Test
    void shouldAnswerLocallyWhenThisInstanceHoldsTheActiveTask() {
        assertThat(owner(KafkaStreams.State.RUNNING, new KeyQueryMetadata(SELF, Set.of(OTHER), 2)))
                .isEqualTo(new Owner.Local(2));
    }

    @Test
    void shouldForwardToTheActiveHostEvenWhenThisInstanceHasAStandby() {
        assertThat(owner(KafkaStreams.State.RUNNING, new KeyQueryMetadata(OTHER, Set.of(SELF), 2)))
                .isEqualTo(new Owner.Remote("10.0.0.2", 8080));
    }

    @Test
    void shouldBeUnavailableWhileNoInstanceHoldsThePartition() {
        assertThat(owner(KafkaStreams.State.RUNNING, KeyQueryMetadata.NOT_AVAILABLE))
                .isInstanceOf(Owner.Unavailable.class);
        assertThat(owner(KafkaStreams.State.RUNNING, null)).isInstanceOf(Owner.Unavailable.class);
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void shouldBeUnavailableUnlessRunning(KafkaStreams.State state) {
        Owner o = owner(state, new KeyQueryMetadata(SELF, Set.of(), 0));
        assertThat(o).isInstanceOf(Owner.Unavailable.class);
        assertThat(((Owner.Unavailable) o).reason()).contains(state.name());
        assertThat(new KafkaStreamsState(new FakeMetadata(state, null), SELF).ready()).isFalse();
    }

    @Test
    void shouldForwardARequestOnlyOnce() {
        Owner.Remote remote = new Owner.Remote("10.0.0.2", 8080);
        assertThat(Forwarder.route(remote, null)).isEqualTo(remote);
        assertThat(Forwarder.route(remote, "10.0.0.3:8080")).isInstanceOf(Owner.Unavailable.class);
        assertThat(((Owner.Unavailable) Forwarder.route(remote, "10.0.0.3:8080")).reason())
                .contains("10.0.0.3:8080", "10.0.0.2:8080");
        assertThat(Forwarder.route(new Owner.Local(1), "10.0.0.3:8080")).isEqualTo(new Owner.Local(1));
    }

    @Test
    void shouldWriteAnIpv6OwnerInBrackets() {
        assertThat(new Owner.Remote("fd00::2", 8080)).hasToString("[fd00::2]:8080");
    }
}
