package io.rtmstreams.rtm;

/**
 * Where an operation's effects go as they happen. Collected into an {@link Effects} for ordinary calls; streamed
 * by the topology, so that a cascade over a whole table (D3, D14) never holds all its changes in memory.
 */
public interface EffectSink {

    void change(DestChange change);

    void event(EntityEvent event);

    void notify(Notification notification);
}
