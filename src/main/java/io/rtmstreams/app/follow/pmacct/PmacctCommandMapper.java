package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.app.follow.pmacct.RouterState.Peer;
import io.rtmstreams.app.follow.pmacct.RouterState.Table;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.app.importer.ImportRecord;
import io.rtmstreams.app.importer.ImportSettings;
import io.rtmstreams.app.importer.MrtCommandMapper;
import io.rtmstreams.app.importer.SyntheticInterfaces.Interface;
import io.rtmstreams.app.importer.SyntheticInterfaces;
import io.rtmstreams.contract.FeederCommands.Route;
import io.rtmstreams.contract.FeederCommands;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.WireNextHop;
import io.rtmstreams.mrt.Nlri;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps pmacct BMP msglog records (JSON, one per Kafka record) to contract commands keyed by router (D25, D28-D30),
 * pure: no Kafka here, and everything to remember between records in the {@link FollowState} it is given.
 *
 * <ul>
 *   <li>Router = {@code bmp_router}, or its name in the router map; rtmInstance per VRF: the record's {@code rd}
 *       (the BMP peer's, or an MPLS VPN route's own), else the VRF table name of the peer's peer_up, else the
 *       global table (0), assigned by the state. A peer is its address, Loc-RIB flag and VRF.</li>
 *   <li>route_monitor {@code update} → ADD_ROUTES; {@code withdraw} and pmacct's own {@code delete} (after a
 *       peer_down) → DELETE_ROUTES. Consecutive routes of one router, rtmInstance, neighbour, family, view and
 *       preference share a batch (at most {@value MrtCommandMapper#MAX_BATCH}, D25), each with its own metric; any
 *       other record of the router that emits commands closes its batch first, so the router's order is kept, and
 *       so do a peer_up and a dump_init: a batch's time is its last route's, and a sweep since a peer_up or
 *       dump_init must not see the routes before it as refreshed after it (D29). {@link #flush} closes every batch
 *       (the loop calls it before it commits).</li>
 *   <li>D28: Adj-RIB-In paths get the per-peer metric and the eBGP or iBGP distance (iBGP when the peer's AS is the
 *       local AS its peer_up gave); Loc-RIB paths (RFC 9069) the MED and the Loc-RIB distance, their neighbour being
 *       the unspecified address of their family. Each neighbour has a synthetic interface, reported before its
 *       first route. The BGP entity of a table is registered before its first command.</li>
 *   <li>Pre- and post-policy Adj-RIB-In are two views of one peer and share its neighbour, so one is mapped: the
 *       post-policy view where the peer's peer_up announced one, else pre-policy ({@link PmacctSettings#prePolicy()}
 *       takes pre-policy always); the other is skipped. Adj-RIB-Out is skipped.</li>
 *   <li>peer_up starts the peer's sync; each {@code end-of-rib} ends it for its family: DELETE_NEIGHBOUR_ROUTES with
 *       {@code notUpdatedSinceMs} = the peer_up's time (the sweep, D29), then a SYNC of the family (D30).
 *       peer_down → DELETE_NEIGHBOUR_ROUTES of the peer (D29). Both reach every table the peer's routes can be in
 *       (a peer of the global table: every rtmInstance of the router, for its VPN routes).</li>
 *   <li>A dump ({@code dump_init}, the {@code dump} records, {@code dump_close}; pmacct's {@code bmp_dump_*}) is a
 *       snapshot of the router as of its dump_init: its peer_ups tell what peer_ups tell (views, VRF names, local
 *       AS) without starting a sync, its routes are ADD_ROUTES unless a live record of the route or of its peer came
 *       after the dump_init (live changes win), and its dump_close sweeps every neighbour of every table of the
 *       router with {@code notUpdatedSinceMs} = the dump_init's time (D29), then SYNCs each table (D30).</li>
 *   <li>Times are the input records' timestamps (the collector's clock when it produced them), not pmacct's
 *       {@code timestamp} field, which is the router's BMP time: for the routes of a new session, when the router
 *       first received them, possibly years ago, and for dumps the collector's clock; one clock orders live records
 *       against a dump and measures a sweep.</li>
 *   <li>Records without routes (log_init, init, stats, term) map to nothing; records that cannot be mapped (other
 *       AFI/SAFI such as EVPN, routes of another family than their peer) are counted by reason and skipped;
 *       malformed ones are {@link Mapped.Malformed} values, for the rejected topic.</li>
 * </ul>
 */
public final class PmacctCommandMapper {

    /** What one input record maps to. */
    public sealed interface Mapped {
        /** The records to produce, in order (routes may wait in their router's batch). */
        record Commands(List<MappedRecord> records) implements Mapped {
        }

        /** The input is not a pmacct record that can be read; nothing was emitted for it. */
        record Malformed(String reason) implements Mapped {
        }
    }

    static final String END_OF_RIB = "end-of-rib";
    static final String DUMP = "dump";
    private static final java.util.Set<String> BMP_EVENTS = java.util.Set.of("log_init", "log", "log_close",
            "dump_init", DUMP, "dump_close");

    private final PmacctSettings settings;
    private final FollowState state;
    private final PmacctTally tally = new PmacctTally();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<TableOf, FeederCommands> commands = new HashMap<>();
    private List<MappedRecord> out = new ArrayList<>();

    /** What a batch's routes share. */
    private record BatchKey(boolean add, int instance, IpFamily family, WireNextHop neighbour, String view,
                            long preference) {
    }

    private record Batch(BatchKey key, List<Route> routes, long[] millis) {
    }

    private record TableOf(String router, Table table) {
    }

    /** One record being mapped: the router it is of, that router's state, and the record's time. */
    private record At(String router, RouterState state, long millis) {
    }

    public PmacctCommandMapper(PmacctSettings settings, FollowState state) {
        this.settings = settings;
        this.state = state;
    }

    public PmacctTally tally() {
        return tally;
    }

    /**
     * Maps one msglog record, as read from the topic, with the record's timestamp (epoch milliseconds): the time of
     * everything it emits, its sync starts and dumps.
     */
    public Mapped map(byte[] json, long timestampMs) {
        MsglogRecord r;
        try {
            r = Json.MAPPER.readValue(json, MsglogRecord.class);
        } catch (JsonProcessingException e) {
            return new Mapped.Malformed("not a pmacct msglog record: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array", e);
        }
        if (r == null || r.eventType() == null) {
            return new Mapped.Malformed("not a pmacct msglog record: no event_type");
        }
        String other = notBmp(r);
        if (other != null) {
            tally.read(r.type());
            tally.skipped(other);
            return new Mapped.Commands(List.of());
        }
        if (r.bmpRouter() == null) {
            return new Mapped.Malformed("not a pmacct BMP msglog record: no bmp_router");
        }
        try {
            checkFields(r);
            tally.read(r.type());
            String router = settings.router(r.bmpRouter());
            dispatch(r, new At(router, state.router(router), timestampMs));
        } catch (IllegalArgumentException e) {
            return new Mapped.Malformed(r.type() + ": " + e.getMessage());
        }
        return new Mapped.Commands(drain());
    }

    /** Closes every router's batch. */
    public List<MappedRecord> flush() {
        new ArrayList<>(batches.keySet()).forEach(this::flush);
        return drain();
    }

    /**
     * Why a well-formed pmacct record on the topic is not a BMP one, or null: a flow record (pmacct's Kafka plugin,
     * event types such as {@code purge}) or a BGP daemon msglog or dump record ({@code peer_ip_src}, no
     * {@code bmp_router}) shares topics with BMP in some set-ups; they are counted, not rejected.
     */
    private static String notBmp(MsglogRecord r) {
        if (!BMP_EVENTS.contains(r.eventType())) {
            return "event_type " + r.eventType() + " (not a BMP msglog or dump record)";
        }
        if (r.bmpRouter() == null && r.peerIpSrc() != null) {
            return "BGP daemon record (peer_ip_src, no bmp_router)";
        }
        return null;
    }

    /** What can make a record malformed is found before it changes any state. */
    private static void checkFields(MsglogRecord r) {
        if (r.peerIp() != null) {
            IpAddress.parse(r.peerIp());
        }
    }

    private void dispatch(MsglogRecord r, At at) {
        switch (r.eventType()) {
            case "log" -> log(r, at);
            case "dump_init" -> {
                flush(at.router());
                at.state().dumpOpened(at.millis());
            }
            case DUMP -> dump(r, at);
            case "dump_close" -> dumpClose(at);
            case "log_init", "log_close" -> {
            }
            default -> throw new IllegalStateException("not a BMP event type: " + r.eventType());
        }
    }

    private void log(MsglogRecord r, At at) {
        switch (String.valueOf(r.bmpMsgType())) {
            case "peer_up" -> peerUp(r, at);
            case "peer_down" -> peerDown(r, at);
            case "route_monitor" -> routeMonitor(r, at);
            case "internal" -> route(r, at, false, true);
            case "init", "stats", "term" -> {
            }
            default -> tally.skipped("bmp_msg_type " + r.bmpMsgType());
        }
    }

    private void routeMonitor(MsglogRecord r, At at) {
        switch (String.valueOf(r.logType())) {
            case "update" -> route(r, at, true, true);
            case "withdraw" -> route(r, at, false, true);
            case END_OF_RIB -> endOfRib(r, at);
            default -> tally.skipped("route_monitor log_type " + r.logType());
        }
    }

    private void dump(MsglogRecord r, At at) {
        switch (String.valueOf(r.bmpMsgType())) {
            case "peer_up" -> peerInfo(r, at);
            case "route_monitor" -> {
                if (at.state().dump() == null) {
                    tally.skipped("dump record outside a dump_init ... dump_close");
                } else {
                    route(r, at, true, false);
                }
            }
            case "init", "stats" -> {
            }
            default -> tally.skipped("dump bmp_msg_type " + r.bmpMsgType());
        }
    }

    /**
     * The end of a dump: every neighbour of every table of the router loses what neither the dump nor a live record
     * after its dump_init gave it (D29), and each table gets a SYNC (D30).
     */
    private void dumpClose(At at) {
        RouterState.Dump dump = at.state().dump();
        if (dump == null) {
            tally.skipped("dump_close without its dump_init");
            return;
        }
        flush(at.router());
        for (IpFamily family : IpFamily.values()) {
            List<IpAddress> neighbours = at.state().interfaces().all().keySet().stream()
                    .map(SyntheticInterfaces.Key::peer).filter(p -> p.family() == family).toList();
            for (Table table : at.state().tables(family)) {
                FeederCommands c = registered(at, table.rtmInstance(), family);
                neighbours.forEach(n -> emit(at, Kind.COMMAND, id -> c.deleteNeighbourRoutes(id, n.toString(),
                        dump.since())));
                emit(at, Kind.SYNC, id -> c.sync(id, family.wireName(), DUMP));
            }
        }
        at.state().dumpClosed();
    }

    private void peerUp(MsglogRecord r, At at) {
        Peer peer = peerInfo(r, at);
        if (peer != null) {
            flush(at.router());
            livePeer(r, at);
            at.state().syncStarted(peer, at.millis());
        }
    }

    /** What a peer_up (live or in a dump) tells of its peer; the peer, or null when its view is not mapped. */
    private Peer peerInfo(MsglogRecord r, At at) {
        Peer peer = peer(r, vrfOfPeerUp(r, at));
        if (r.postPolicy()) {
            at.state().postPolicy(peer);
        }
        String skip = skippedView(r, at, peer);
        if (skip != null) {
            tally.skipped(skip);
            return null;
        }
        if (r.localAs() != null) {
            at.state().localAs(r.localAs());
        }
        return peer;
    }

    private void peerDown(MsglogRecord r, At at) {
        Peer peer = peer(r, vrf(r, at));
        IpAddress address = IpAddress.parse(RouteRecord.required("peer_ip", r.peerIp()));
        if (r.adjRibOut()) {
            tally.skipped("Adj-RIB-Out");
            return;
        }
        flush(at.router());
        livePeer(r, at);
        at.state().syncEnded(peer);
        for (IpAddress n : neighbours(r, address)) {
            for (FeederCommands c : peerTables(at, peer, n.family())) {
                emit(at, Kind.COMMAND, id -> c.deleteNeighbourRoutes(id, n.toString(), null));
            }
        }
    }

    private void endOfRib(MsglogRecord r, At at) {
        Peer peer = peer(r, vrf(r, at));
        IpFamily family = RouteRecord.family(r.afi());
        String skip = family == null || RouteRecord.view(r.safi()) == null ? "AFI " + r.afi() + " SAFI " + r.safi()
                : skippedView(r, at, peer);
        if (skip != null) {
            tally.skipped(skip);
            return;
        }
        flush(at.router());
        List<FeederCommands> tables = peerTables(at, peer, family);
        IpAddress neighbour = r.locRib() ? IpAddress.unspecified(family)
                : IpAddress.parse(RouteRecord.required("peer_ip", r.peerIp()));
        Long since = at.state().syncStart(peer);
        if (since == null) {
            tally.skipped("end-of-rib without its peer_up (no sweep)");
        } else if (neighbour.family() == family) {
            tables.forEach(c -> emit(at, Kind.COMMAND, id -> c.deleteNeighbourRoutes(id, neighbour.toString(),
                    since)));
        }
        FeederCommands own = registered(at, at.state().instance(peer.vrf()), family);
        emit(at, Kind.SYNC, id -> own.sync(id, family.wireName(), END_OF_RIB));
    }

    private void route(MsglogRecord r, At at, boolean add, boolean live) {
        Peer peer = peer(r, vrf(r, at));
        String skip = skippedView(r, at, peer);
        skip = skip != null ? skip : RouteRecord.skipReason(r, add);
        if (skip != null) {
            tally.skipped(skip);
            return;
        }
        RouteRecord route = RouteRecord.of(r, add);
        int instance = at.state().instance(routeVrf(r, at));
        if (!live(at, route, instance, live)) {
            tally.skipped("dump route older than a live change");
            return;
        }
        registered(at, instance, route.family());
        Interface itf = interfaceOf(at, route.neighbour());
        long preference = add ? preference(r, at) : 0;
        BatchKey key = new BatchKey(add, instance, route.family(), hop(route.neighbour(), itf), route.view(),
                preference);
        Batch batch = batches.get(at.router());
        if (batch != null && (!batch.key().equals(key) || batch.routes().size() == MrtCommandMapper.MAX_BATCH)) {
            flush(at.router());
            batch = null;
        }
        if (batch == null) {
            batch = new Batch(key, new ArrayList<>(), new long[1]);
            batches.put(at.router(), batch);
        }
        batch.routes().add(new Route(route.prefix().toString(), add ? hop(route.nextHop(), itf) : null,
                add ? route.metric() : null));
        batch.millis()[0] = at.millis();
    }

    /**
     * Whether a route is to be mapped against the router's open dump: a live one always (and remembered, to win over
     * the dump's), a dump's one unless a live record of it or of its peer came after the dump_init.
     */
    private static boolean live(At at, RouteRecord route, int instance, boolean live) {
        RouterState.Dump dump = at.state().dump();
        if (dump == null) {
            return true;
        }
        String key = instance + "|" + route.neighbour() + "|" + route.view() + "|" + route.prefix();
        if (live) {
            at.state().liveRoute(key);
            return true;
        }
        return !dump.livePeers().contains(route.neighbour().toString()) && !dump.liveRoutes().contains(key);
    }

    /** A live peer_up or peer_down: the peer's routes in the router's open dump are older than it. */
    private static void livePeer(MsglogRecord r, At at) {
        RouterState.Dump dump = at.state().dump();
        if (dump != null) {
            neighbours(r, IpAddress.parse(r.peerIp())).forEach(n -> at.state().livePeer(n.toString()));
        }
    }

    /** The neighbours of a peer's routes: its address, or for the Loc-RIB peer the unspecified address of each family. */
    private static List<IpAddress> neighbours(MsglogRecord r, IpAddress address) {
        return r.locRib() ? List.of(IpAddress.unspecified(IpFamily.IPV4), IpAddress.unspecified(IpFamily.IPV6))
                : List.of(address);
    }

    private void flush(String router) {
        Batch batch = batches.remove(router);
        if (batch == null) {
            return;
        }
        BatchKey key = batch.key();
        At at = new At(router, state.router(router), batch.millis()[0]);
        FeederCommands c = commands.get(new TableOf(router, new Table(key.instance(), key.family())));
        List<String> views = List.of(key.view());
        if (key.add()) {
            tally.routes(batch.routes().size());
            emit(at, Kind.COMMAND, id -> c.addRoutes(id, key.neighbour(), key.preference(), null, views,
                    batch.routes()));
        } else {
            tally.deletes(batch.routes().size());
            List<String> dests = batch.routes().stream().map(Route::dest).toList();
            emit(at, Kind.COMMAND, id -> c.deleteRoutes(id, key.neighbour(), views, dests));
        }
    }

    /**
     * Why the record's view of its peer is not mapped, or null: Adj-RIB-Out never is; of pre- and post-policy
     * Adj-RIB-In, post-policy where the peer has it (by its peer_up), unless the settings take pre-policy.
     */
    private String skippedView(MsglogRecord r, At at, Peer peer) {
        if (r.adjRibOut()) {
            return "Adj-RIB-Out";
        }
        if (r.locRib()) {
            return null;
        }
        if (settings.prePolicy()) {
            return r.postPolicy() ? "post-policy view (pre-policy taken)" : null;
        }
        return !r.postPolicy() && at.state().hasPostPolicy(peer) ? "pre-policy view of a peer with post-policy"
                : null;
    }

    private long preference(MsglogRecord r, At at) {
        if (r.locRib()) {
            return settings.locRibPreference();
        }
        Long localAs = at.state().localAs();
        boolean internal = localAs != null && localAs.equals(r.peerAsn());
        return internal ? settings.ibgpPreference() : settings.ebgpPreference();
    }

    private static Peer peer(MsglogRecord r, String vrf) {
        return new Peer(vrf, RouteRecord.required("peer_ip", r.peerIp()), r.locRib());
    }

    /** The VRF of a route: {@code rd:} its RD (the peer's or, for a VPN route, its own), else its peer's. */
    private static String routeVrf(MsglogRecord r, At at) {
        return r.rd() != null ? "rd:" + r.rd() : vrf(r, at);
    }

    /** The VRF of a record's peer: {@code rd:} the peer's RD, else the table name its peer_up gave, else "". */
    private static String vrf(MsglogRecord r, At at) {
        if (r.peerRd()) {
            return "rd:" + r.rd();
        }
        return at.state().tableName(new Peer("", RouteRecord.required("peer_ip", r.peerIp()), r.locRib()));
    }

    /** A peer_up's VRF; a table name without an RD is remembered for the peer's later records. */
    private static String vrfOfPeerUp(MsglogRecord r, At at) {
        if (!r.peerRd() && r.vrfTableName() != null && !"global".equals(r.vrfTableName())) {
            at.state().tableName(new Peer("", RouteRecord.required("peer_ip", r.peerIp()), r.locRib()),
                    "name:" + r.vrfTableName());
        }
        return vrf(r, at);
    }

    /**
     * The tables a peer's routes of {@code family} can be in: those of its VRF's rtmInstance; for a peer of the
     * global table, whose MPLS VPN routes (SAFI 128) go to the rtmInstances of their RDs, every table of the router.
     */
    private List<FeederCommands> peerTables(At at, Peer peer, IpFamily family) {
        FeederCommands own = registered(at, at.state().instance(peer.vrf()), family);
        if (!peer.vrf().isEmpty()) {
            return List.of(own);
        }
        return at.state().tables(family).stream().map(t -> registered(at, t.rtmInstance(), family)).toList();
    }

    /**
     * The commands of a table, its BGP entity registered (in order, before its first command) when new. Like a new
     * interface, a new table closes the router's batch first (its routes cannot join it), so that the records of a
     * router come out in the order of the input whatever the commits' batch boundaries.
     */
    private FeederCommands registered(At at, int instance, IpFamily family) {
        Table table = new Table(instance, family);
        FeederCommands c = commands.computeIfAbsent(new TableOf(at.router(), table), t -> new FeederCommands(
                at.router(), instance, ImportSettings.BGP, settings.instanceId()));
        if (at.state().register(table)) {
            flush(at.router());
            emit(at, Kind.COMMAND, id -> c.registerEntity(id, family.wireName()));
        }
        return c;
    }

    /** The synthetic interface of a neighbour of the router, created and reported (before its routes) when new. */
    private Interface interfaceOf(At at, IpAddress neighbour) {
        SyntheticInterfaces interfaces = at.state().interfaces();
        SyntheticInterfaces.Key key = new SyntheticInterfaces.Key(neighbour, Nlri.NO_PATH_ID);
        Interface itf = interfaces.get(key);
        if (itf == null) {
            flush(at.router());
            Interface created = at.state().createInterface(key);
            FeederCommands c = new FeederCommands(at.router(), 0, ImportSettings.BGP, settings.instanceId());
            emit(at, Kind.INTERFACE, id -> c.addInterface(id, neighbour.family().wireName(), created.luid(),
                    created.index(), 0));
            itf = created;
        }
        return itf;
    }

    private static WireNextHop hop(IpAddress address, Interface itf) {
        return new WireNextHop(address.toString(), itf.index(), null, null);
    }

    private void emit(At at, Kind kind, Function<String, Object> value) {
        String id = settings.requestIdPrefix() + at.state().nextRequest();
        out.add(new MappedRecord(at.router(), new ImportRecord(kind, id, value.apply(id), at.millis())));
    }

    private List<MappedRecord> drain() {
        List<MappedRecord> drained = out;
        out = new ArrayList<>();
        return drained;
    }
}
