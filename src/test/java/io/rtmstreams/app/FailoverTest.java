package io.rtmstreams.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fail-over settings as Kafka Streams receives them (README, Fail-over). */
class FailoverTest {

    private static final HostInfo API = new HostInfo("127.0.0.1", 8080);
    private static final String MEMBER = "rtm-5f0c";

    @Test
    void theDefaultsReachTheMainConsumerAndTheTransactionalProducer() {
        StreamsConfig streams = streamsConfig(AppConfig.defaults());

        assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        Map<String, Object> consumer = streams.getMainConsumerConfigs("g", "c", 0);
        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2000");
        assertThat(streams.getProducerConfigs("p")).containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
    }

    @Test
    void aKafkaPropertyOfTheSameNameWinsOverTheFlag() {
        AppConfig d = AppConfig.defaults();
        AppConfig config = new AppConfig(null, d.dataDir(), 0, d.applicationId(), d.settings(), 3, (short) 1, true,
                d.failover(), 1, d.apiHost(), 0, null, Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000",
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "20000"));

        StreamsConfig streams = streamsConfig(config);

        assertThat(streams.getMainConsumerConfigs("g", "c", 0))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");
        assertThat(streams.getProducerConfigs("p")).containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "20000");
    }

    @Test
    void atLeastOnceHasNoTransactionTimeoutToSet() {
        assertThat(Failover.defaults().streamsProperties(false))
                .doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
    }

    @Test
    void theHeartbeatMustBeShorterThanTheSession() {
        assertThatThrownBy(() -> Failover.defaults().withSessionTimeout(Duration.ofSeconds(6), Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the session timeout");
        assertThatThrownBy(() -> Failover.defaults().withStandbyReplicas(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Failover.defaults().withTransactionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachStreamThreadIsAStaticMemberNamedAfterTheInstance() {
        Map<String, Object> consumer = streamsConfig(AppConfig.defaults()).getMainConsumerConfigs("g", "c", 1);

        assertThat(consumer).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, MEMBER + "-1");
    }

    @Test
    void aConfiguredInstanceIdWinsAndTheStreamsProtocolHasNone() {
        Map<String, Object> configured = streamsConfig(withKafkaProperties(
                Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "edge-7"))).getMainConsumerConfigs("g", "c", 0);
        Map<String, Object> streamsProtocol = streamsConfig(withKafkaProperties(
                Map.of(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams"))).getMainConsumerConfigs("g", "c", 0);

        assertThat(configured).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "edge-7-0");
        assertThat(streamsProtocol).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    private static AppConfig withKafkaProperties(Map<String, String> properties) {
        AppConfig d = AppConfig.defaults();
        return new AppConfig(null, d.dataDir(), 0, d.applicationId(), d.settings(), 3, (short) 1, true,
                d.failover(), 1, d.apiHost(), 0, null, properties);
    }

    private static StreamsConfig streamsConfig(AppConfig config) {
        return new StreamsConfig(RtmRuntime.streamsProperties(config, "localhost:9092", Path.of("state"), API,
                MEMBER));
    }
}
