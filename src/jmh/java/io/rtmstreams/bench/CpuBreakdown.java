package io.rtmstreams.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the process's CPU went between {@link #start()} and {@link #report}: per group of threads (the Kafka
 * Streams thread, its producer's I/O thread, the embedded broker's threads, the load's own clients), and the rest
 * (JIT compiler, GC) as the difference to the process's CPU time. On a two-core machine with the broker in the
 * same process, this says which side a run was waiting for.
 */
final class CpuBreakdown {

    private static final Map<String, Pattern> GROUPS = groups();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private long startProcessCpu;
    private long startWall;

    private static Map<String, Pattern> groups() {
        Map<String, Pattern> g = new LinkedHashMap<>();
        g.put("stream thread", Pattern.compile(".*-StreamThread-\\d+$"));
        g.put("stream producer I/O", Pattern.compile("kafka-producer-network-thread \\| .*-StreamThread-.*"));
        g.put("broker", Pattern.compile("(data-plane-kafka|kafka-\\d|group-coordinator|TxnMarkerSender|"
                + "AddPartitionsToTxn|quorum-controller|ExpirationReaper|transaction-log|kafka-scheduler|"
                + "LogDirFailureHandler|ReplicaFetcher|log-cleaner|controller-|raft-).*"));
        g.put("load clients", Pattern.compile("(main|load-sender|kafka-producer-network-thread \\| producer-.*|"
                + "kafka-coordinator-heartbeat-thread.*|kafka-admin-client-thread.*)"));
        return g;
    }

    CpuBreakdown start() {
        startCpu.clear();
        for (long id : threads.getAllThreadIds()) {
            startCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        startProcessCpu = os.getProcessCpuTime();
        startWall = System.nanoTime();
        return this;
    }

    /** One line per group: CPU seconds and share of one core over the wall time since {@link #start()}. */
    String report() {
        double wall = (System.nanoTime() - startWall) / 1e9;
        Map<String, Long> byGroup = new LinkedHashMap<>();
        GROUPS.keySet().forEach(k -> byGroup.put(k, 0L));
        long threadTotal = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            long used = cpu - startCpu.getOrDefault(id, 0L);
            threadTotal += used;
            String group = GROUPS.entrySet().stream().filter(e -> e.getValue().matcher(info.getThreadName()).matches())
                    .map(Map.Entry::getKey).findFirst().orElse("other threads");
            byGroup.merge(group, used, Long::sum);
        }
        long process = os.getProcessCpuTime() - startProcessCpu;
        byGroup.put("JIT, GC, exited threads", Math.max(0, process - threadTotal));
        StringBuilder out = new StringBuilder(String.format("  CPU over %.1f s wall (%.2f cores busy):%n", wall,
                process / 1e9 / wall));
        byGroup.forEach((k, v) -> out.append(String.format("    %-26s %6.1f s  %5.0f %% of a core%n", k, v / 1e9,
                v / 1e7 / wall)));
        return out.toString();
    }
}
