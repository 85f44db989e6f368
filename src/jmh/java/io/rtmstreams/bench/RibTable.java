package io.rtmstreams.bench;

import io.rtmstreams.app.loadgen.CommandEncoder;
import io.rtmstreams.app.loadgen.FleetCommand;
import io.rtmstreams.app.loadgen.FleetModel;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.InitialLoad;
import io.rtmstreams.app.loadgen.RibEntry;
import io.rtmstreams.app.loadgen.RibText;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One peer's routes from a normalized RIB dump of ../shared/data, read as {@code loadgen} reads them
 * ({@link RibText}): by default the full IPv4 table of AS30844 in the RouteViews route-views.jinx dump (497,321
 * prefixes). System properties {@code rib.file}, {@code rib.peer} and {@code rib.limit} (first n entries) change
 * that. Its commands are {@code loadgen}'s for a router with one interface ({@link #fleet}).
 */
public record RibTable(List<RibEntry> entries) {

    public static final String DEFAULT_FILE = RibText.DEFAULT_FILE;
    public static final String DEFAULT_PEER = RibText.DEFAULT_PEER;

    public static RibTable load() throws IOException {
        return new RibTable(RibText.read(Path.of(System.getProperty("rib.file", DEFAULT_FILE)),
                System.getProperty("rib.peer", DEFAULT_PEER), Integer.getInteger("rib.limit", Integer.MAX_VALUE)));
    }

    /** The table on each of {@code routers}, behind one interface, from {@code peers} neighbours on it. */
    public FleetShape fleet(List<String> routers, int peers) {
        return new FleetShape(routers, entries, FleetShape.Layout.SHARED, 1, peers);
    }

    /**
     * The table as the JSON commands a BGP feeder sends one by one (contract.md, Commands): the REGISTER_ENTITY of
     * {@code router}'s BGP entity, then one ADD_ROUTE per entry, each answered.
     */
    public List<String> commands(String router) {
        return json(router, 1, false);
    }

    /**
     * The table as a bulk feeder sends it (contract.md v2; D25, D26, D30): the REGISTER_ENTITY, ADD_ROUTES of up to
     * {@code batch} routes with {@code ack: ERRORS}, then a SYNC whose result says the table is in.
     */
    public List<String> batchCommands(String router, int batch) {
        return json(router, batch, true);
    }

    private List<String> json(String router, int batch, boolean sync) {
        InitialLoad load = new InitialLoad(new FleetModel(fleet(List.of(router), 1)), batch);
        List<FleetCommand> commands = new ArrayList<>();
        commands.add(load.register(0));
        load.table(0).forEachRemaining(commands::add);
        if (sync) {
            commands.add(load.sync(0, InitialLoad.END_OF_RIB));
        }
        return commands.stream().map(c -> new String(CommandEncoder.encode(c), StandardCharsets.UTF_8)).toList();
    }

    /** The first {@code n} entries. */
    public RibTable first(int n) {
        return new RibTable(entries.subList(0, Math.min(n, entries.size())));
    }

    /**
     * {@code n} destinations for lookups, drawn by {@code seed}: uniformly random IPv4 addresses when
     * {@code uniform}, which real traffic resembles more (most are covered only by a short prefix, or by none, so a
     * lookup probes many lengths), else a random address inside a random prefix of the table (found at once).
     */
    public String[] destinations(int n, boolean uniform, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = uniform ? IpAddress.ipv4(random.nextInt()).toString()
                    : addressInside(entries.get(random.nextInt(entries.size())).prefix(), random).toString();
        }
        return out;
    }

    /** A random IPv4 address inside {@code p}: the lookups of the query benchmarks. */
    public static IpAddress addressInside(Prefix p, SplittableRandom random) {
        byte[] b = p.address().toBytes();
        for (int bit = p.length(); bit < 32; bit++) {
            if (random.nextBoolean()) {
                b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        return IpAddress.ofBytes(b);
    }
}
