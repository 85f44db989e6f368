package io.rtmstreams.streams;

import io.rtmstreams.iphlp.IphlpConfig;
import io.rtmstreams.rtm.RtmConfig;

/**
 * What the topology is built from: topic names, the engine's limits and choices, the IP Helper options and the
 * timer settings (D8).
 *
 * @param topics                   topic names (with the configurable prefix)
 * @param rtm                      the RTM engine's configuration
 * @param iphlp                    the IP Helper options (strict interfaces, metric table)
 * @param punctuationIntervalMs    how often idle tasks look for due deadlines (D8: 100 ms)
 * @param maxTimersPerPunctuation  deadlines handled per punctuation, so a burst cannot stall processing
 */
public record StreamsSettings(Topics topics, RtmConfig rtm, IphlpConfig iphlp, long punctuationIntervalMs,
                              int maxTimersPerPunctuation) {

    public static StreamsSettings defaults() {
        return new StreamsSettings(new Topics(Topics.DEFAULT_PREFIX), RtmConfig.DEFAULTS, IphlpConfig.DEFAULTS, 100,
                5_000);
    }

    public StreamsSettings {
        if (punctuationIntervalMs < 1 || maxTimersPerPunctuation < 1) {
            throw new IllegalArgumentException("punctuation interval and timer budget must be positive");
        }
    }

    public StreamsSettings withTopics(Topics t) {
        return new StreamsSettings(t, rtm, iphlp, punctuationIntervalMs, maxTimersPerPunctuation);
    }

    public StreamsSettings withRtm(RtmConfig c) {
        return new StreamsSettings(topics, c, iphlp, punctuationIntervalMs, maxTimersPerPunctuation);
    }

    public StreamsSettings withIphlp(IphlpConfig c) {
        return new StreamsSettings(topics, rtm, c, punctuationIntervalMs, maxTimersPerPunctuation);
    }
}
