package io.rtmstreams.rtm;

/**
 * Where an operation's effects go as they happen. Collected into an {@link Effects} for ordinary calls; streamed
 * by the topology, so that a cascade over a whole table (D3, D14) never holds all its changes in memory.
 */
public interface EffectSink {

    void change(DestChange change);

    void event(EntityEvent event);

    void notify(Notification notification);

    /**
     * The effects that follow, until the next call, are those of a timer that fired at {@code deadline} (D8): the
     * topology stamps their records with that time, as if the timer had fired on time.
     */
    default void timerFired(long deadline) {
    }
}
