package io.rtmstreams.rtm;

/**
 * Collects what an operation streams out, for tests of other packages (the IP Helper's) that call the engine's
 * streaming entry points: {@link Effects.Builder} itself stays the engine's, handed out only as an
 * {@link EffectSink}.
 */
public final class EffectsCollector {

    private final Effects.Builder collected = new Effects.Builder();

    /** Where the operation under test streams its effects. */
    public EffectSink sink() {
        return collected;
    }

    /** Everything collected so far, each kind in the order it happened. */
    public Effects effects() {
        return collected.build();
    }
}
