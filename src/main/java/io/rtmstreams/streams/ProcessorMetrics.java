package io.rtmstreams.streams;

/**
 * What the table processor counts (commands by op and status, rejected records, best-route changes, timers fired).
 * The runtime binds these to its metrics registry; tests and the topology test driver use {@link #NONE}.
 */
public interface ProcessorMetrics {

    void command(String op, String status);

    void rejected(String topic);

    void bestRouteChange();

    void timersFired(int count);

    ProcessorMetrics NONE = new ProcessorMetrics() {
        @Override
        public void command(String op, String status) {
        }

        @Override
        public void rejected(String topic) {
        }

        @Override
        public void bestRouteChange() {
        }

        @Override
        public void timersFired(int count) {
        }
    };
}
