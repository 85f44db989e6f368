package io.rtmstreams.app.cli;

import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.streams.Topics;

import java.util.List;
import java.util.Locale;

/** The topics as a table for people: name, partitions, cleanup policy, and whether this run created it. */
final class TopicTable {

    private TopicTable() {
    }

    static List<String> lines(Topics topics, TopicAdmin.Report report) {
        int width = topics.all().stream().mapToInt(t -> t.name().length()).max().orElse(0);
        return topics.all().stream().map(topic -> line(topic, report, width)).toList();
    }

    private static String line(Topics.TopicSpec topic, TopicAdmin.Report report, int width) {
        Integer partitions = report.partitions().get(topic.name());
        return String.format(Locale.ROOT, "%-" + width + "s  %3d partition%s  %-7s  %s", topic.name(), partitions,
                partitions == 1 ? " " : "s", topic.compacted() ? "compact" : "delete",
                report.created().contains(topic.name()) ? "created" : "existed");
    }
}
