package io.rtmstreams.app.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a {@code loadgen} run sends: the fleet, the batch size, and the churn after the initial load ({@code count}
 * events, or for {@code duration} when it is not null, at {@code rate} events per second, 0 for as fast as
 * possible). Everything random comes from {@code seed}: the prefixes drawn ({@link #shape}) and the churn
 * ({@link #churn}) take streams of their own, so the same plan sends the same records.
 */
public record LoadPlan(FleetShape shape, int batch, ChurnMix mix, double rate, long count, Duration duration,
                       long seed) {

    public LoadPlan {
        ChurnSchedule.checkBatch(batch);
        if (!(rate >= 0) || Double.isInfinite(rate) || count < 0 || duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("rate, count and duration are not negative");
        }
    }

    /**
     * The fleet of {@code routers} carrying {@code prefixes} prefixes each drawn from {@code table} with the seed
     * (the whole table when it has no more; with {@link FleetShape.Layout#SPLIT} the prefixes drawn are dealt out).
     */
    public static FleetShape shape(List<RibEntry> table, int prefixes, List<String> routers, FleetShape.Layout layout,
                                   int interfaces, int peers, long seed) {
        return new FleetShape(routers, FleetShape.draw(table, prefixes, new SplittableRandom(seed)), layout,
                interfaces, peers);
    }

    /** Whether churn follows the initial load. */
    public boolean churns() {
        return duration != null ? !duration.isZero() : count > 0;
    }

    /** The events to send: {@code count}, or without limit for a duration. */
    public long events() {
        return duration != null ? Long.MAX_VALUE : count;
    }

    /** The churn after {@code model}'s initial load, from the seed's second stream. */
    public ChurnSchedule churn(FleetModel model) {
        return new ChurnSchedule(model, mix, batch, new SplittableRandom(seed).split());
    }
}
