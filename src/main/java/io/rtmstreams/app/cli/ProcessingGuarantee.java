package io.rtmstreams.app.cli;

import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams' processing guarantees that rtm-streams supports, written as Kafka writes them. */
enum ProcessingGuarantee {
    /** D19: every command's outputs and state changes are committed together, once. */
    EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2),
    /** Faster, but a crash may apply a command twice and publish its outputs twice. */
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

    private final String kafkaName;

    ProcessingGuarantee(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    boolean exactlyOnce() {
        return this == EXACTLY_ONCE_V2;
    }

    /** Kafka's name, which is also what help shows and the command line accepts (in any case). */
    @Override
    public String toString() {
        return kafkaName;
    }
}
