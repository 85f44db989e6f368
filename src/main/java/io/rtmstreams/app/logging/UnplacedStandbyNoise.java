package io.rtmstreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops Kafka Streams' warning that a task's standby replica found no instance to live on. {@code run} keeps one
 * standby by default so that a second instance fails over fast, and until that instance joins there is nowhere to
 * put it: the assignor then warns once per task at every rebalance (twelve lines for six partitions), about the
 * normal state of a single instance. The standby count is printed at start-up instead, next to the instance count
 * an operator knows; the assignor's other warnings still show.
 */
public final class UnplacedStandbyNoise extends Filter<ILoggingEvent> {

    /** The standby assignors (default, client-tag aware) all log it from this package. */
    static final String ASSIGNMENT_PACKAGE = "org.apache.kafka.streams.processor.internals.assignment.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() == Level.WARN && event.getLoggerName().startsWith(ASSIGNMENT_PACKAGE)
                && event.getFormattedMessage().startsWith("Unable to assign ")
                && event.getFormattedMessage().contains("standby tasks for task")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
