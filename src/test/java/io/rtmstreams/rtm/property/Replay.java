package io.rtmstreams.rtm.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The seed and operation log of one randomized run, so that a failure says how to replay it: the runs are fully
 * determined by their seed, and {@code -Drtm.seed=N} restricts a property test to that one seed.
 */
public final class Replay {

    private final String test;
    private final long seed;
    private final List<String> log = new ArrayList<>();

    public Replay(String test, long seed) {
        this.test = test;
        this.seed = seed;
    }

    /**
     * Seeds 1..count; {@code -Drtm.seed=N} runs only seed N, {@code -Drtm.seeds=K} runs seeds 1..K (a longer soak).
     */
    public static LongStream seeds(int count) {
        String only = System.getProperty("rtm.seed");
        if (only != null) {
            return LongStream.of(Long.parseLong(only));
        }
        return LongStream.rangeClosed(1, Long.getLong("rtm.seeds", count));
    }

    public void log(String line) {
        log.add(line);
    }

    int steps() {
        return log.size();
    }

    /** Runs one checked step; a failure is rethrown with the seed and the log up to and including this step. */
    public void check(Runnable step) {
        try {
            step.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(message(e), e);
        }
    }

    private String message(Throwable e) {
        StringBuilder b = new StringBuilder();
        b.append(test).append(" failed at step ").append(log.size()).append(" with seed ").append(seed)
                .append(" (replay: mvn -q -B test -Dtest=").append(test).append(" -Drtm.seed=").append(seed)
                .append(")\n").append(e.getMessage()).append("\noperation log:\n");
        for (int i = 0; i < log.size(); i++) {
            b.append(String.format("%4d  %s%n", i + 1, log.get(i)));
        }
        return b.toString();
    }
}
