package io.rtmstreams.streams;

import io.rtmstreams.iphlp.IphlpConfig;
import io.rtmstreams.rtm.RtmConfig;

/**
 * What the topology is built from: topic names, the engine's limits and choices, the IP Helper options, the timer
 * settings (D8), the bound on work per call (D24), the input topics' partition count (D23) and which outputs are
 * written.
 *
 * @param topics                   topic names (with the configurable prefix)
 * @param rtm                      the RTM engine's configuration
 * @param iphlp                    the IP Helper options (strict interfaces, metric table)
 * @param punctuationIntervalMs    how often idle tasks look for due deadlines (D8: 100 ms)
 * @param stepUnits                the most work one record, timer firing or punctuation does before the stream thread
 *                                 may commit (D24): destinations recomputed or deleted, timers fired, notifications
 *                                 withdrawn (10,000)
 * @param stepMillis               the most wall-clock time one call starts work for (D24: 500 ms)
 * @param inputPartitions          the partition count of both input topics (D2), which places each router's records:
 *                                 the runtime passes what the broker reports; 1 (every record placed) by default,
 *                                 as in the topology test driver
 * @param outputs                  which outputs are written (all by default)
 */
public record StreamsSettings(Topics topics, RtmConfig rtm, IphlpConfig iphlp, long punctuationIntervalMs,
                              int stepUnits, long stepMillis, int inputPartitions, OutputSelection outputs) {

    public static StreamsSettings defaults() {
        return new StreamsSettings(new Topics(Topics.DEFAULT_PREFIX), RtmConfig.DEFAULTS, IphlpConfig.DEFAULTS, 100,
                10_000, 500, 1, OutputSelection.ALL);
    }

    public StreamsSettings {
        if (punctuationIntervalMs < 1 || stepUnits < 1 || stepMillis < 1 || inputPartitions < 1) {
            throw new IllegalArgumentException(
                    "punctuation interval, step bounds and input partitions must be positive");
        }
    }

    public StreamsSettings withTopics(Topics t) {
        return new StreamsSettings(t, rtm, iphlp, punctuationIntervalMs, stepUnits, stepMillis, inputPartitions,
                outputs);
    }

    public StreamsSettings withRtm(RtmConfig c) {
        return new StreamsSettings(topics, c, iphlp, punctuationIntervalMs, stepUnits, stepMillis, inputPartitions,
                outputs);
    }

    public StreamsSettings withIphlp(IphlpConfig c) {
        return new StreamsSettings(topics, rtm, c, punctuationIntervalMs, stepUnits, stepMillis, inputPartitions,
                outputs);
    }

    /** D24's bound on the work of one call: {@code units} units and {@code millis} of wall-clock time. */
    public StreamsSettings withStep(int units, long millis) {
        return new StreamsSettings(topics, rtm, iphlp, punctuationIntervalMs, units, millis, inputPartitions,
                outputs);
    }

    public StreamsSettings withOutputs(OutputSelection o) {
        return new StreamsSettings(topics, rtm, iphlp, punctuationIntervalMs, stepUnits, stepMillis, inputPartitions,
                o);
    }

    /** Whether the fleet view is fed (rtm.fleet-routes, /v1/fleet/prefixes). */
    public boolean fleetView() {
        return outputs.fleetView();
    }

    public StreamsSettings withInputPartitions(int n) {
        return new StreamsSettings(topics, rtm, iphlp, punctuationIntervalMs, stepUnits, stepMillis, n, outputs);
    }
}
