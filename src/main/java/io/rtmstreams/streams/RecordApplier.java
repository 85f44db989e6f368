package io.rtmstreams.streams;

import io.rtmstreams.contract.Ack;
import io.rtmstreams.contract.CommandReader;
import io.rtmstreams.contract.Decoded;
import io.rtmstreams.contract.Envelope;
import io.rtmstreams.contract.InterfaceChangeReader;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.contract.Rejection;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.iphlp.InterfaceChangeResult;
import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.streams.state.WaitingEntry;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.function.Function;

/**
 * Applies one input record to the domain: a command to the RTM engine, an interface change to IP Helper, each
 * dispatched by the topic its producer wrote it to (D23), and publishes its one result (D20) or its rejection. A
 * record whose work does not fit the budget leaves it pending (D24); its result is published by {@link #finish}
 * when the last step is done.
 */
final class RecordApplier {

    /** What applying a record did. */
    enum Applied {
        /** Applied, its result published. */
        DONE,
        /** Applied as far as the budget went; the rest is its router's pending work, and its result waits. */
        STARTED
    }

    private final IpHelper ipHelper;
    private final RecordEmitter out;
    private final ProcessorMetrics metrics;
    private final ProcessorContext<Object, Object> ctx;
    private final String interfaceChanges;
    private final Ack results;

    RecordApplier(IpHelper ipHelper, RecordEmitter out, ProcessorMetrics metrics, ProcessorContext<Object, Object> ctx,
                  StreamsSettings settings) {
        this.ipHelper = ipHelper;
        this.out = out;
        this.metrics = metrics;
        this.ctx = ctx;
        this.interfaceChanges = settings.topics().interfaceChanges();
        this.results = settings.outputs().results();
    }

    Applied apply(WaitingEntry e, WorkBudget budget) {
        if (e.topic().equals(interfaceChanges)) {
            return apply(e, InterfaceChangeReader.read(e.key(), e.value()), change -> {
                InterfaceChangeResult r = ipHelper.apply(change, e.timestamp(), out, budget);
                return Outcome.error(r.status(), r.message());
            });
        }
        return apply(e, CommandReader.read(e.key(), e.value()),
                command -> ipHelper.engine().execute(command, e.timestamp(), out, budget));
    }

    /**
     * The one ladder of a decoded record: rejected (unreadable) to the rejected topic; invalid answered with its
     * Win32 status; valid executed, and answered unless its work goes on in steps (D24). The effects of the last two
     * carry the record's time and request id.
     */
    private <C> Applied apply(WaitingEntry e, Decoded<C> d, Function<C, Outcome> execute) {
        if (d instanceof Decoded.Rejected<C> r) {
            reject(e, r.reason());
            return Applied.DONE;
        }
        Envelope env = d instanceof Decoded.Valid<C> v ? v.envelope() : ((Decoded.Invalid<C>) d).envelope();
        out.cause(e.timestamp(), env.requestId());
        if (d instanceof Decoded.Invalid<C> i) {
            return result(env, Outcome.error(i.status(), i.message()));
        }
        Outcome o = execute.apply(((Decoded.Valid<C>) d).command());
        return started(env) ? Applied.STARTED : result(env, o);
    }

    /** The request id of a record whose work is pending, which the effects of its steps carry (D24). */
    String requestId(WaitingEntry e) {
        return envelope(e).requestId();
    }

    /** Publishes the result of a record whose pending work is done, with the outcome of its last step. */
    void finish(WaitingEntry e, Outcome o) {
        Envelope env = envelope(e);
        out.cause(e.timestamp(), env.requestId());
        result(env, o);
    }

    /** Sends the record to the rejected topic with the reason and the coordinates its producer wrote it at. */
    void reject(WaitingEntry e, String reason) {
        out.cause(e.timestamp(), null);
        ctx.forward(new Record<>(e.key(), Rejection.of(reason, e.topic(), e.partition(), e.offset(), e.key(),
                e.value()), e.timestamp()), Nodes.REJECTED_SINK);
        metrics.rejected(e.topic());
    }

    private boolean started(Envelope env) {
        return ipHelper.engine().hasPendingWork(env.router());
    }

    private Envelope envelope(WaitingEntry e) {
        Decoded<?> d = e.topic().equals(interfaceChanges) ? InterfaceChangeReader.read(e.key(), e.value())
                : CommandReader.read(e.key(), e.value());
        if (d instanceof Decoded.Valid<?> v) {
            return v.envelope();
        }
        throw new IllegalStateException("a record that started work no longer reads as valid");
    }

    /**
     * Counts every answer and publishes those the command's {@code ack} and the operator's {@code --results} ask
     * for (D20, D26); a result that is not published is never built.
     */
    private Applied result(Envelope env, Outcome o) {
        metrics.command(env.op(), o.status().name());
        Ack ack = results.and(env.ack());
        if (ack.publishes(env.op(), o.status())) {
            out.forward(Nodes.COMMAND_RESULTS_SINK, env.router(), OutputMapper.result(env, o, ack));
        }
        return Applied.DONE;
    }
}
