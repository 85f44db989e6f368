package io.rtmstreams.app.cli;

import io.rtmstreams.streams.Topics;
import picocli.CommandLine.Option;

/** Which topics a command works on: the contract's names with a configurable prefix in place of {@code rtm.}. */
final class TopicOptions {

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Prefix of every topic name, in place of rtm. (several deployments can share a cluster).")
    private String prefix = Topics.DEFAULT_PREFIX;

    Topics topics() {
        return new Topics(prefix);
    }
}
