package io.rtmstreams.streams;

import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.streams.state.WaitingEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded work for one task (D24), and the timers' place between records (D8).
 *
 * <p><b>Time.</b> As in version 1, every deadline up to a record's time fires before the record, whichever router
 * it belongs to, and so does every deadline up to the wall clock when the task has been idle. A router's timers
 * only act on that router's tables, so what matters is where they fire between the router's own records: a free
 * router's due deadlines fire at once, a busy router's are noted in its queue as a horizon (a
 * {@linkplain WaitingEntry#horizon waiting entry}) that fires them when the queue gets there. When the free
 * routers' due deadlines are more than a budget (a restart after downtime), the time they are due by is kept as the
 * task's catch-up horizon: the steps fire them, and a router's record first fires that router's, so each router still
 * sees them before its next record, while the others go on; one write, not one per router.
 *
 * <p><b>Work.</b> A router is busy while it has pending work or a queue. A busy router's records wait in its queue,
 * in state, in arrival order; other routers go on. Work goes on in steps of one budget each, from a punctuation
 * that runs while any router is busy, each step followed by a commit: first the pending work, then the queue, whose
 * records are applied exactly as if they had just arrived, until the router is free. A record whose due deadlines
 * do not fit the budget waits too: it is queued behind a horizon, and its router is busy until they have fired.
 */
final class WorkScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkScheduler.class);

    private final RtmEngine engine;
    private final RecordApplier applier;
    private final RouterQueues queues;
    private final RecordEmitter out;
    private final ProcessorMetrics metrics;
    private String lastServed = "";

    WorkScheduler(RtmEngine engine, RecordApplier applier, RouterQueues queues, RecordEmitter out,
                  ProcessorMetrics metrics) {
        this.engine = engine;
        this.applier = applier;
        this.queues = queues;
        this.out = out;
        this.metrics = metrics;
    }

    boolean busy(String router) {
        return !queues.isEmpty(router);
    }

    /** True while some router of the task is busy, or free routers have deadlines to catch up on. */
    boolean hasWork() {
        return !queues.routers().isEmpty() || queues.catchUp() >= 0;
    }

    /**
     * A record of {@code router} arrives: the task's due deadlines fire (or are noted), then the record is applied,
     * or queued behind its router's work.
     */
    void arrive(String router, WaitingEntry e, WorkBudget budget) {
        passTime(e.timestamp(), router, budget);
        if (!busy(router)) {
            long horizon = Math.max(queues.catchUp(), e.timestamp());
            countTimers(engine.fireDueTimers(router, horizon, budget, out));
            if (engine.hasDueTimers(router, horizon)) {
                queues.append(router, WaitingEntry.horizon(horizon));
            }
        }
        if (busy(router) || applier.apply(e, budget) == RecordApplier.Applied.STARTED) {
            queues.append(router, e);
        }
    }

    /**
     * The task's time reaches {@code time} (a record of {@code except}, or the wall clock of an idle task; D8): every
     * busy router but {@code except} (whose record carries its own time) gets the horizon in its queue, and the free
     * routers' deadlines up to it fire, as many as the budget allows; what is left raises the catch-up horizon.
     */
    void passTime(long time, String except, WorkBudget budget) {
        for (String r : queues.routers()) {
            if (!r.equals(except)) {
                queues.passTime(r, time);
            }
        }
        catchUp(Math.max(time, queues.catchUp()), budget);
    }

    /**
     * Fires the free routers' deadlines up to {@code horizon} within the budget, earliest first; the catch-up horizon
     * is then {@code horizon} while some are left, else none.
     */
    private void catchUp(long horizon, WorkBudget budget) {
        if (horizon < 0) {
            return;
        }
        countTimers(engine.fireDueTimers(horizon, this::busy, budget, out));
        queues.setCatchUp(engine.routerWithDueTimers(horizon, this::busy) != null ? horizon : -1);
    }

    /**
     * One step: the busy routers' work, in turn from where the last step stopped, then the free routers' deadlines
     * to catch up on, as far as the budget goes.
     */
    void step(WorkBudget budget) {
        List<String> order = new ArrayList<>(queues.routers().tailSet(lastServed, false));
        order.addAll(queues.routers().headSet(lastServed, true));
        for (String r : order) {
            if (!budget.hasRoom()) {
                return;
            }
            drain(r, budget);
            lastServed = r;
        }
        catchUp(queues.catchUp(), budget);
    }

    /** Applies the router's pending work and then its queue until it is free or the budget is spent. */
    private void drain(String router, WorkBudget budget) {
        while (budget.hasRoom() && busy(router)) {
            WaitingEntry head = queues.first(router);
            try {
                if (!next(router, head, budget)) {
                    return;
                }
            } catch (RuntimeException ex) {
                failed(router, head, ex);
            }
        }
    }

    /** One move on the router's queue; false when the budget ran out before the head was done. */
    private boolean next(String router, WaitingEntry head, WorkBudget budget) {
        if (engine.hasPendingWork(router)) {
            out.cause(head.timestamp(), applier.requestId(head));
            Outcome done = engine.continueWork(router, budget, out);
            if (done == null) {
                return false;
            }
            applier.finish(head, done);
            queues.removeFirst(router);
            return true;
        }
        countTimers(engine.fireDueTimers(router, head.horizon(), budget, out));
        if (engine.hasDueTimers(router, head.horizon())) {
            return false;
        }
        if (!head.isRecord() || applier.apply(head, budget) == RecordApplier.Applied.DONE) {
            queues.removeFirst(router);
        }
        return true;
    }

    /**
     * An unexpected failure (a bug, corrupt state) while applying a waiting record or its work: as for a record
     * applied on arrival, the record goes to the rejected topic with the exception and processing goes on; its
     * unfinished work is dropped, so it is not retried forever.
     */
    private void failed(String router, WaitingEntry head, RuntimeException ex) {
        LOG.error("processing a waiting record of router {} failed; it goes to the rejected topic", router, ex);
        engine.abandonWork(router);
        if (head.isRecord()) {
            applier.reject(head, "processing failed: " + ex);
        }
        queues.removeFirst(router);
    }

    private void countTimers(int fired) {
        if (fired > 0) {
            metrics.timersFired(fired);
        }
    }
}
