package io.rtmstreams.streams.scenario;

import io.rtmstreams.contract.Ack;
import io.rtmstreams.streams.OutputSelection;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.StreamsSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** D26: results that ack ERRORS (or --results ERRORS) leave unpublished are still counted by op and status. */
class AckMetricsTest {

    @Test
    void shouldCountEveryCommandWhetherItsResultIsPublishedOrNot() {
        List<String> counted = new ArrayList<>();
        ProcessorMetrics metrics = new ProcessorMetrics() {
            @Override
            public void command(String op, String status) {
                counted.add(op + " " + status);
            }
        };
        StreamsSettings errorsOnly = StreamsSettings.defaults().withOutputs(
                new OutputSelection(true, true, true, Ack.ERRORS));
        try (ScenarioDriver d = new ScenarioDriver(errorsOnly, ScenarioDriver.OUTPUTS, metrics)) {
            send(d, "{\"op\": \"REGISTER_ENTITY\", \"requestId\": \"1\", \"router\": \"r1\", \"entity\": "
                    + "{\"protocolId\": 14, \"instanceId\": 1}, \"family\": \"ipv4\"}");
            send(d, "{\"op\": \"ADD_ROUTES\", \"requestId\": \"2\", \"router\": \"r1\", \"entity\": {\"protocolId\": 14,"
                    + " \"instanceId\": 1}, \"ack\": \"ALL\", \"preference\": 1, \"metric\": 1, \"views\": [\"unicast\"],"
                    + " \"routes\": [{\"dest\": \"10.0.0.0/8\"}]}");
            send(d, "{\"op\": \"DELETE_ROUTE\", \"requestId\": \"3\", \"router\": \"r1\", \"entity\": "
                    + "{\"protocolId\": 14, \"instanceId\": 1}, \"routeId\": 7}");

            assertThat(d.drain().get("command-results")).as("the failure only").hasSize(1);
            assertThat(counted).containsExactly("REGISTER_ENTITY NO_ERROR", "ADD_ROUTES NO_ERROR",
                    "DELETE_ROUTE ERROR_INVALID_HANDLE");
        }
    }

    private static void send(ScenarioDriver d, String command) {
        d.send("route-adverts", "r1".getBytes(StandardCharsets.UTF_8), command.getBytes(StandardCharsets.UTF_8), 0);
    }
}
