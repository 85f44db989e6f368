package io.rtmstreams.bench;

import io.rtmstreams.net.Prefix;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Watches a fail-over from the moment one instance was killed, with the clock in milliseconds since the kill:
 * the group's members (the coordinator drops the killed one when its session times out), the survivor's Kafka
 * Streams state (it leaves RUNNING when its rebalance starts: the failure was detected), the
 * last stable offset of every partition the processor writes (outputs, changelogs, internal topics: the dead
 * instance's open transaction holds it back until the transaction coordinator aborts it), and the survivor's
 * answers for every router (a router is taken over once the survivor answers for it from its own state).
 */
final class FailoverProbe {

    private static final long POLL_MS = 20;
    private static final long OFFSETS_POLL_MS = 100;

    /** The figures of one fail-over, in ms since the kill; null for what did not happen within the patience. */
    record Result(Long left, Long rebalancing, Long running, Long readable, Map<String, Long> answered,
                  Map<String, Integer> answersWhileMoving) {
        Long allAnswered() {
            return answered.values().stream().anyMatch(v -> v == null) ? null
                    : answered.values().stream().max(Long::compare).orElse(null);
        }
    }

    private final ProcessorJvm survivor;
    private final Map<String, Prefix> probes;
    private final Admin admin;
    private final Map<TopicPartition, Long> writtenAtKill;
    private final long killedAt;
    private final String group;
    private final int members;

    private Long left;
    private Long rebalancing;
    private Long running;
    private Long readable;
    private final Map<String, Long> answered = new LinkedHashMap<>();
    private final Map<String, Integer> moving = new TreeMap<>();

    private FailoverProbe(ProcessorJvm survivor, Map<String, Prefix> probes, Admin admin, String group,
                          int members, Map<TopicPartition, Long> writtenAtKill, long killedAt) {
        this.survivor = survivor;
        this.probes = probes;
        this.admin = admin;
        this.writtenAtKill = writtenAtKill;
        this.killedAt = killedAt;
        this.group = group;
        this.members = members;
        probes.keySet().forEach(r -> answered.put(r, null));
    }

    /**
     * To be called right after the kill at {@code killedAt} (System.nanoTime): takes the end offsets of
     * {@code topics} as they are now, so that everything the dead instance wrote lies below them.
     */
    static FailoverProbe afterKill(ProcessorJvm survivor, Map<String, Prefix> probes, Admin admin, String group,
                                   List<String> topics, long killedAt) throws ExecutionException,
            InterruptedException {
        int members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        List<TopicPartition> partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> written = offsets(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
        return new FailoverProbe(survivor, probes, admin, group, members, written, killedAt);
    }

    /** Polls until every router is answered by the survivor and every partition is readable, or patience ends. */
    Result run(Duration patience) throws ExecutionException, InterruptedException {
        long lastOffsets = 0;
        while (since() < patience.toMillis() && (answered.containsValue(null) || readable == null
                || running == null || left == null)) {
            pollState();
            pollRouters();
            if ((readable == null || left == null) && since() - lastOffsets >= OFFSETS_POLL_MS) {
                lastOffsets = since();
                pollOffsets();
                pollGroup();
            }
            Thread.sleep(POLL_MS);
        }
        return new Result(left, rebalancing, running, readable, answered, moving);
    }

    private void pollState() {
        String state = survivor.streamsState();
        if (rebalancing == null && !state.equals("RUNNING")) {
            rebalancing = since();
        } else if (rebalancing != null && running == null && state.equals("RUNNING")) {
            running = since();
        }
    }

    private void pollRouters() {
        for (Map.Entry<String, Long> r : answered.entrySet()) {
            if (r.getValue() != null) {
                continue;
            }
            ProcessorJvm.Answer a = survivor.get("/v1/routers/" + r.getKey() + "/destinations?prefix="
                    + probes.get(r.getKey()));
            if (a.status() == 200 && survivor.address().equals(a.servedBy())) {
                r.setValue(since());
            } else {
                moving.merge(kind(a), 1, Integer::sum);
            }
        }
    }

    /** What an answer during the move was, by the reason the API gives. */
    private String kind(ProcessorJvm.Answer a) {
        if (a.status() == 503) {
            String why = a.json().path("message").asText();
            String reason = why.contains("did not answer") ? "owner unreachable"
                    : why.startsWith("Kafka Streams is") ? why.substring(0, why.indexOf(';') < 0 ? why.length()
                    : why.indexOf(';')) : "not queryable";
            return "503 (" + reason + ")";
        }
        return a.status() == 200 ? "200 from " + a.servedBy() : a.status() + " " + a.body();
    }

    /** The coordinator removed the killed member: its session expired. */
    private void pollGroup() throws ExecutionException, InterruptedException {
        if (left == null && admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size()
                < members) {
            left = since();
        }
    }

    private void pollOffsets() throws ExecutionException, InterruptedException {
        if (readable != null) {
            return;
        }
        Map<TopicPartition, Long> stable = offsets(admin, List.copyOf(writtenAtKill.keySet()),
                IsolationLevel.READ_COMMITTED);
        if (writtenAtKill.entrySet().stream().allMatch(e -> stable.get(e.getKey()) >= e.getValue())) {
            readable = since();
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions,
                                                     IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    private long since() {
        return (System.nanoTime() - killedAt) / 1_000_000;
    }
}
