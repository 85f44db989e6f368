package io.rtmstreams.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.rtmstreams.it.OutputComparison.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * D24 on the real broker: with the producer's transaction timeout lowered to 2 s, an interface goes down under more
 * destinations than one transaction could recompute in that time (each change also notifies
 * {@value #REGISTRATIONS} registrations, so one destination costs dozens of records). Done at once, the
 * coordinator would abort the transaction, fence the producer, and the task would process the same record into the
 * same abort again. In steps, no producer is fenced, no task is re-created, and the outputs are those of the
 * uninterrupted model: every best route withdrawn once, one destination change per destination, one notification
 * per registration and destination, one result per command.
 */
@ExtendWith(BrokerExtension.class)
class BoundedWorkIT {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedWorkIT.class);
    private static final int DESTINATIONS = 20_000;
    private static final int REGISTRATIONS = 16;
    private static final Hop VIA = new Hop("192.168.3.254", 3);

    private static TestBroker broker;

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void anInterfaceDownLargerThanATransactionCanHoldIsRecomputedInStepsWithoutFencing(@TempDir Path data)
            throws Exception {
        RtmTestApp app = RtmTestApp.unique("bounded", 1);
        app.createTopics(bootstrap());
        Commands r1 = new Commands("r1");
        Map<String, String> shortTransactions = Map.of("producer.transaction.timeout.ms", "2000");
        try (CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), app.topics());
             RtmRuntime runtime = app.start(bootstrap(), data, shortTransactions)) {
            List<Input> setup = new ArrayList<>();
            setup.add(Input.command(r1.register(Entity.BGP, null), 1));
            setup.add(Input.interfaceChange(r1.interfaceRow("ADD_INSTANCE", 3, 10, true), 2));
            for (int i = 0; i < DESTINATIONS; i++) {
                setup.add(Input.command(r1.addRoute(Entity.BGP, prefix(i), VIA, 20, 100, List.of("unicast")), 3));
            }
            for (int i = 0; i < REGISTRATIONS; i++) {
                setup.add(Input.command(r1.registerNotification(Entity.BGP, "reg" + i, List.of("unicast"),
                        List.of("ALL")), 4));
            }
            send(app, setup);
            outputs.await("the set-up's results", o -> o.count("command-results") == setup.size());
            double tasksBefore = tasksCreated(runtime);

            ObjectNode down = r1.interfaceRow("PARAMETER_CHANGE", 3, 10, false);
            long start = System.nanoTime();
            send(app, List.of(Input.interfaceChange(down, 5)));
            outputs.await("the interface change's result", o -> o.count("command-results") == setup.size() + 1);
            LOG.info("{} destinations recomputed and committed in {} ms", DESTINATIONS,
                    (System.nanoTime() - start) / 1_000_000);
            outputs.readToEnd();

            assertThat(tasksCreated(runtime)).as("tasks created since the set-up (a fenced producer re-creates its"
                    + " task)").isEqualTo(tasksBefore);
            assertUninterruptedModel(outputs, setup.size() + 1);
        }
    }

    private static void assertUninterruptedModel(CommittedOutputs outputs, int commands) {
        assertThat(outputs.of("command-results")).hasSize(commands)
                .allMatch(r -> json(r.value()).path("status").asText().equals("NO_ERROR"));
        Map<String, Integer> bestRecords = new HashMap<>();
        for (OutputRecord r : outputs.of("best-routes")) {
            bestRecords.merge(r.key(), 1, Integer::sum);
        }
        assertThat(bestRecords).hasSize(DESTINATIONS).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(2));
        assertThat(OutputComparison.finalState(outputs.of("best-routes"))).as("best routes left").isEmpty();
        List<String> recomputed = outputs.of("dest-changes").stream()
                .filter(r -> json(r.value()).path("cause").asText().equals("INTERFACE")).map(OutputRecord::key)
                .toList();
        assertThat(recomputed).hasSize(DESTINATIONS).doesNotHaveDuplicates();
        assertThat(outputs.of("notifications")).hasSize(DESTINATIONS * REGISTRATIONS)
                .extracting(OutputRecord::key).doesNotHaveDuplicates();
    }

    private static double tasksCreated(RtmRuntime runtime) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> m : runtime.streams().metrics().entrySet()) {
            if (m.getKey().name().equals("task-created-total")) {
                total += ((Number) m.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    private static void send(RtmTestApp app, List<Input> inputs) {
        try (InputProducer producer = new InputProducer(bootstrap(), app.topics())) {
            producer.send(inputs);
        }
    }

    private static String prefix(int i) {
        return "10." + (i >> 8) + "." + (i & 0xFF) + ".0/24";
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }
}
