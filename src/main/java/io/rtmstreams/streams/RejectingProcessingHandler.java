package io.rtmstreams.streams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * An unexpected exception while processing a record is a bug or corrupt state, never bad input (bad input is
 * answered by the processor itself). The record goes to the rejected topic with the exception as its reason, the
 * failure is logged with its coordinates and stack, and processing continues with the next record, so one poison
 * record cannot stop every router of the partition. The trade-off, chosen deliberately: the failed command may have
 * written part of its state; stopping instead would leave the whole partition without service until a fix ships.
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingHandler.class);

    private RejectedRecords rejected;

    @Override
    public void configure(Map<String, ?> configs) {
        rejected = new RejectedRecords(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        var at = rejected.origin(ctx);
        LOG.error("processing failed at {}-{}@{} in {}; the record goes to {} and processing continues",
                at.topic(), at.partition(), at.offset(), ctx.processorNodeId(), rejected.topic(), e);
        return Response.resume(rejected.of(ctx, "processing failed: " + RejectedRecords.describe(e)));
    }
}
