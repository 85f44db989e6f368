package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka cluster of a client command ({@code topics}, {@code produce}): by default the broker {@code run} embeds
 * on its default port, so a first user's second terminal needs no flags.
 */
final class ClusterOptions {

    static final String DEFAULT_BOOTSTRAP_SERVERS = AppConfig.defaults().embeddedBootstrapServers();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "The Kafka cluster; the default is where 'rtm-streams run' embeds its broker.")
    private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client settings: the pass-through properties and the bootstrap servers. */
    Map<String, String> clientProperties(KafkaClientOptions kafka) {
        Map<String, String> properties = new LinkedHashMap<>(kafka.resolve());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }
}
