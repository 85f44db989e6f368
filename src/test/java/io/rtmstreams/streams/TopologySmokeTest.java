package io.rtmstreams.streams;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.util.Properties;

class TopologySmokeTest {

    @Test
    void smoke() {
        StreamsSettings s = StreamsSettings.defaults();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "smoke");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1");
        try (TopologyTestDriver d = new TopologyTestDriver(RtmTopology.build(s, ProcessorMetrics.NONE), p)) {
            TestInputTopic<String, String> in = d.createInputTopic(s.topics().routeAdverts(), new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> results = d.createOutputTopic(s.topics().commandResults(), new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> best = d.createOutputTopic(s.topics().bestRoutes(), new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> fleet = d.createOutputTopic(s.topics().fleetRoutes(), new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> rej = d.createOutputTopic(s.topics().rejected(), new StringDeserializer(), new StringDeserializer());
            in.pipeInput("r1", "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"1\",\"router\":\"r1\",\"entity\":{\"protocolId\":\"BGP\",\"instanceId\":1},\"family\":\"ipv4\"}");
            in.pipeInput("r1", "{\"op\":\"ADD_ROUTE\",\"requestId\":\"2\",\"router\":\"r1\",\"entity\":{\"protocolId\":14,\"instanceId\":1},\"dest\":\"10.1.2.3/8\",\"nextHops\":[{\"address\":\"192.0.2.1\",\"interfaceIndex\":3}],\"neighbour\":{\"address\":\"192.0.2.1\",\"interfaceIndex\":3},\"preference\":20,\"metric\":5,\"views\":[\"unicast\"]}");
            in.pipeInput("r2", "{\"op\":\"ADD_ROUTE\",\"router\":\"r1\"}");
            in.pipeInput("r1", "not json");
            results.readKeyValuesToList().forEach(System.out::println);
            best.readKeyValuesToList().forEach(System.out::println);
            fleet.readKeyValuesToList().forEach(System.out::println);
            rej.readKeyValuesToList().forEach(System.out::println);
        }
    }
}
