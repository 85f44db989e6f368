package io.rtmstreams.app.loadgen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run sent and how long the processor took: per phase the records, adverts (routes added or withdrawn) and
 * churn events, the time to send them and, when the run waited, the time to the last SYNC result (the processor
 * has applied the phase, D30), and the adverts per second over that; then the same for the whole run, and the
 * commands that failed.
 */
public final class LoadReport {

    /** One phase's counts and times, in nanoseconds from its start. */
    public static final class Phase {
        private final String name;
        private final Map<ChurnSchedule.Kind, Long> events = new EnumMap<>(ChurnSchedule.Kind.class);
        private long records;
        private long adverts;
        private long sentNanos;
        private long syncNanos = -1;

        Phase(String name) {
            this.name = name;
        }

        void sent(FleetCommand command) {
            records++;
            adverts += command.adverts();
        }

        void churned(ChurnSchedule.Churn churn) {
            events.merge(churn.kind(), (long) churn.events(), Long::sum);
        }

        public String name() {
            return name;
        }

        public long records() {
            return records;
        }

        public long adverts() {
            return adverts;
        }

        /** Churn events by kind (none in the initial load). */
        public long events(ChurnSchedule.Kind kind) {
            return events.getOrDefault(kind, 0L);
        }

        public long events() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }

        public long sentNanos() {
            return sentNanos;
        }

        /** Nanoseconds from the start to the last SYNC result, or -1 when the run did not wait for it. */
        public long syncNanos() {
            return syncNanos;
        }

        void finish(long sentNanos, long syncNanos) {
            this.sentNanos = sentNanos;
            this.syncNanos = syncNanos;
        }
    }

    private final List<Phase> phases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long failedRoutes;
    private long sentNanos;
    private long syncNanos = -1;

    Phase begin(String name) {
        Phase phase = new Phase(name);
        phases.add(phase);
        return phase;
    }

    void finish(long sentNanos, long syncNanos) {
        this.sentNanos = sentNanos;
        this.syncNanos = syncNanos;
    }

    void failed(long routes, List<String> firstFailures) {
        failedRoutes = routes;
        failures.clear();
        failures.addAll(firstFailures);
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Routes (and other commands) whose result was a failure. */
    public long failedRoutes() {
        return failedRoutes;
    }

    public long records() {
        return phases.stream().mapToLong(Phase::records).sum();
    }

    public long adverts() {
        return phases.stream().mapToLong(Phase::adverts).sum();
    }

    /** The report: a line per phase, the rate line of the whole run, and the failures if there were any. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Phase p : phases) {
            lines.add(p.name() + (p.events() > 0 ? " of " + churnEvents(p) : "") + ": "
                    + rate(p.records(), p.adverts(), p.sentNanos(), p.syncNanos()));
        }
        lines.add("total: " + rate(records(), adverts(), sentNanos, syncNanos));
        if (failedRoutes > 0) {
            lines.add(String.format(Locale.ROOT, "failed: %,d route%s or command%s; first: %s", failedRoutes,
                    failedRoutes == 1 ? "" : "s", failedRoutes == 1 ? "" : "s", String.join("; ", failures)));
        }
        return lines;
    }

    private static String churnEvents(Phase p) {
        return String.format(Locale.ROOT, "%,d events (%,d updates, %,d withdrawals, %,d flaps)", p.events(),
                p.events(ChurnSchedule.Kind.UPDATE), p.events(ChurnSchedule.Kind.WITHDRAWAL),
                p.events(ChurnSchedule.Kind.FLAP));
    }

    /** "R records, A adverts sent in S s; last SYNC result after T s: X adverts/s" (over T when waited, else S). */
    private static String rate(long records, long adverts, long sentNanos, long syncNanos) {
        String sent = String.format(Locale.ROOT, "%,d records, %,d adverts sent in %.2f s", records, adverts,
                sentNanos / 1e9);
        if (syncNanos < 0) {
            return sent + String.format(Locale.ROOT, ": %,.0f adverts/s sent", perSecond(adverts, sentNanos));
        }
        return sent + String.format(Locale.ROOT, "; last SYNC result after %.2f s: %,.0f adverts/s", syncNanos / 1e9,
                perSecond(adverts, syncNanos));
    }

    private static double perSecond(long n, long nanos) {
        return n / Math.max(nanos / 1e9, 1e-6);
    }
}
