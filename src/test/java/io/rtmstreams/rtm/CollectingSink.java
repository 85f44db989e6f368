package io.rtmstreams.rtm;

/**
 * Collects what an operation streams out, for tests of other packages (the IP Helper's) that call the engine's
 * streaming entry points; {@link Effects.Builder} itself stays the engine's.
 */
public final class CollectingSink implements EffectSink {

    private final Effects.Builder collected = new Effects.Builder();

    @Override
    public void change(DestChange change) {
        collected.change(change);
    }

    @Override
    public void event(EntityEvent event) {
        collected.event(event);
    }

    @Override
    public void notify(Notification notification) {
        collected.notify(notification);
    }

    /** Everything collected so far, each kind in the order it happened. */
    public Effects effects() {
        return collected.build();
    }
}
