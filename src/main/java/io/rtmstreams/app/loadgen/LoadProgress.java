package io.rtmstreams.app.loadgen;

/** Where a run says how far it is: a progress bar, periodic lines, or nowhere. Called from the sending thread. */
public interface LoadProgress extends AutoCloseable {

    /** A phase begins; {@code total} units of {@code unit} in all, or -1 when unknown. */
    void phase(String name, long total, String unit);

    /** The phase has done {@code done} units. */
    void at(long done);

    /** Ends the last phase's display. */
    @Override
    void close();

    LoadProgress NONE = new LoadProgress() {
        @Override
        public void phase(String name, long total, String unit) {
        }

        @Override
        public void at(long done) {
        }

        @Override
        public void close() {
        }
    };
}
