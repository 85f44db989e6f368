package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reading adverts, per route: a BGP UPDATE of {@value #ROUTES} NLRI as one ADD_ROUTES (shared attributes at the top,
 * one {@code {dest}} per route, D25) against the same routes as single ADD_ROUTEs (the baseline). A batch's routes
 * are read as JSON trees and then bound, since an element's explicit null and its missing field differ.
 *
 * <p>Run: {@code taskset -c 0 mvn -q -Pbench test-compile exec:exec -Dbench.args='CommandReader'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class CommandReaderBenchmark {

    private static final int ROUTES = 1_000;
    private static final byte[] KEY = "r1".getBytes(StandardCharsets.UTF_8);

    private byte[] batch;
    private byte[][] singles;

    @Setup
    public void setUp() {
        ObjectNode b = attributes(envelope("ADD_ROUTES"));
        ArrayNode routes = b.putArray("routes");
        singles = new byte[ROUTES][];
        for (int i = 0; i < ROUTES; i++) {
            String dest = "10." + (i >> 8) + "." + (i & 0xFF) + ".0/24";
            routes.addObject().put("dest", dest);
            singles[i] = utf8(attributes(envelope("ADD_ROUTE")).put("dest", dest));
        }
        batch = utf8(b);
    }

    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public Object batchOfRoutes() {
        return CommandReader.read(KEY, batch);
    }

    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public void singleRoutes(Blackhole bh) {
        for (byte[] s : singles) {
            bh.consume(CommandReader.read(KEY, s));
        }
    }

    private static ObjectNode envelope(String op) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("op", op).put("requestId", "u-17").put("router", "r1");
        c.putObject("entity").put("protocolId", 14).put("instanceId", 1);
        return c;
    }

    private static ObjectNode attributes(ObjectNode c) {
        c.putArray("nextHops").addObject().put("address", "192.0.2.1").put("interfaceIndex", 3);
        c.putObject("neighbour").put("address", "192.0.2.1").put("interfaceIndex", 3);
        c.put("preference", 20).put("metric", 2_097_152);
        c.putArray("views").add("unicast");
        return c;
    }

    private static byte[] utf8(ObjectNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
