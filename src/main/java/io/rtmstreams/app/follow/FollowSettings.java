package io.rtmstreams.app.follow;

import io.rtmstreams.app.follow.pmacct.PmacctSettings;
import io.rtmstreams.streams.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code follow pmacct} adapter: its name (the consumer group, the transactional id, the request-id prefix and
 * the state topic {@code <name>-state} derive from it, so one name is one adapter), the collector's topics (the
 * msglog, and the dump topic when pmacct writes its dumps elsewhere), the contract's topics it writes, the mapping
 * settings, the Kafka client properties, where to start without a committed position, and how often it commits.
 */
public record FollowSettings(String name, String fromTopic, String dumpTopic, Topics topics, PmacctSettings mapping,
                             Map<String, String> client, boolean startAtLatest, Duration commitInterval) {

    public FollowSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromTopic, "fromTopic");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(mapping, "mapping");
        client = Map.copyOf(client);
    }

    /** The compacted topic of the adapter's state, one record per router. */
    public String stateTopic() {
        return name + "-state";
    }

    /** The collector's topics, the msglog first (it wins ties of the timestamp merge). */
    public List<String> inputTopics() {
        List<String> inputs = new ArrayList<>(List.of(fromTopic));
        if (dumpTopic != null && !dumpTopic.equals(fromTopic)) {
            inputs.add(dumpTopic);
        }
        return inputs;
    }
}
