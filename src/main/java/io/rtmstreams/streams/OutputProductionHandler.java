package io.rtmstreams.streams;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Decides what a failed output write means. An output record too large for the broker (a fleet record listing very
 * many routers, say) or one that cannot be serialized is skipped and logged with its key and size, because the next
 * change of the same key replaces it anyway; every other failure (authorization, a missing topic, a fenced producer)
 * stops the task, because continuing would silently lose outputs.
 */
public final class OutputProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutputProductionHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception e) {
        if (e instanceof RecordTooLargeException) {
            LOG.error("output to {} with key {} is too large ({} bytes) and is skipped", record.topic(),
                    key(record), record.value() == null ? 0 : record.value().length);
            return Response.resume();
        }
        LOG.error("output to {} failed; stopping the task", record.topic(), e);
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes") // Kafka's signature
    public Response handleSerializationError(ErrorHandlerContext ctx, ProducerRecord record, Exception e,
                                             SerializationExceptionOrigin origin) {
        LOG.error("cannot serialize the {} of an output to {}; it is skipped", origin, record.topic(), e);
        return Response.resume();
    }

    private static String key(ProducerRecord<byte[], byte[]> r) {
        return r.key() == null ? "null" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
