package io.rtmstreams.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A record the source deserializers cannot read goes to the rejected topic with the reason and its coordinates,
 * and the stream continues (D20). The input topics are read as raw bytes and parsed by the processor, so this only
 * guards the internal topic and any source added later.
 */
public final class RejectingDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingDeserializationHandler.class);

    private RejectedRecords rejected;

    @Override
    public void configure(Map<String, ?> configs) {
        rejected = new RejectedRecords(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        LOG.warn("unreadable record at {}-{}@{} goes to {}: {}", ctx.topic(), ctx.partition(), ctx.offset(),
                rejected.topic(), RejectedRecords.describe(e));
        return Response.resume(rejected.of(ctx, "unreadable record: " + RejectedRecords.describe(e)));
    }
}
