package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.app.follow.pmacct.FollowState.PeerKey;
import io.rtmstreams.app.follow.pmacct.FollowState.Table;
import io.rtmstreams.app.importer.ImportRecord;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.app.importer.ImportSettings;
import io.rtmstreams.app.importer.MrtCommandMapper;
import io.rtmstreams.app.importer.SyntheticInterfaces;
import io.rtmstreams.app.importer.SyntheticInterfaces.Interface;
import io.rtmstreams.mrt.Nlri;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.streams.json.FeederCommands;
import io.rtmstreams.streams.json.FeederCommands.Route;
import io.rtmstreams.streams.json.Json;
import io.rtmstreams.streams.json.WireNextHop;

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
 *       global table (0), assigned by the state. A peer is its router, address, Loc-RIB flag and own RD.</li>
 *   <li>route_monitor {@code update} → ADD_ROUTES; {@code withdraw} and pmacct's own {@code delete} (after a
 *       peer_down) → DELETE_ROUTES. Consecutive routes of one router, rtmInstance, neighbour, family, view and
 *       preference share a batch (at most {@value MrtCommandMapper#MAX_BATCH}, D25), each with its own metric; any
 *       other record of the router closes its batch first, so the router's order is kept. {@link #flush} closes
 *       every batch (the loop calls it before it commits).</li>
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
 *   <li>Records without routes (log_init, init, stats, term) map to nothing; records that cannot be mapped (other
 *       AFI/SAFI such as EVPN, routes of another family than their peer, dumps) are counted by reason and skipped;
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

    private final PmacctSettings settings;
    private final FollowState state;
    private final PmacctTally tally = new PmacctTally();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<Table, FeederCommands> commands = new HashMap<>();
    private List<MappedRecord> out = new ArrayList<>();

    /** What a batch's routes share. */
    private record BatchKey(boolean add, int instance, IpFamily family, WireNextHop neighbour, String view,
                            long preference) {
    }

    private record Batch(BatchKey key, List<Route> routes, long[] millis) {
    }

    public PmacctCommandMapper(PmacctSettings settings, FollowState state) {
        this.settings = settings;
        this.state = state;
    }

    public PmacctTally tally() {
        return tally;
    }

    /** Maps one msglog record, as read from the topic. */
    public Mapped map(byte[] json) {
        MsglogRecord r;
        try {
            r = Json.MAPPER.readValue(json, MsglogRecord.class);
        } catch (JsonProcessingException e) {
            return new Mapped.Malformed("not a pmacct msglog record: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array", e);
        }
        if (r == null || r.eventType() == null || r.bmpRouter() == null) {
            return new Mapped.Malformed("not a pmacct msglog record: no event_type or bmp_router");
        }
        try {
            tally.read(r.type());
            dispatch(r, settings.router(r.bmpRouter()));
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

    private void dispatch(MsglogRecord r, String router) {
        switch (r.eventType()) {
            case "log" -> log(r, router);
            case "log_init", "log_close" -> {
            }
            case "dump_init", "dump", "dump_close" -> tally.skipped("dump record (dumps are not mapped yet)");
            default -> tally.skipped("event_type " + r.eventType());
        }
    }

    private void log(MsglogRecord r, String router) {
        switch (String.valueOf(r.bmpMsgType())) {
            case "peer_up" -> peerUp(r, router);
            case "peer_down" -> peerDown(r, router);
            case "route_monitor" -> routeMonitor(r, router);
            case "internal" -> route(r, router, false);
            case "init", "stats", "term" -> {
            }
            default -> tally.skipped("bmp_msg_type " + r.bmpMsgType());
        }
    }

    private void routeMonitor(MsglogRecord r, String router) {
        switch (String.valueOf(r.logType())) {
            case "update" -> route(r, router, true);
            case "withdraw" -> route(r, router, false);
            case END_OF_RIB -> endOfRib(r, router);
            default -> tally.skipped("route_monitor log_type " + r.logType());
        }
    }

    private void peerUp(MsglogRecord r, String router) {
        PeerKey peer = peer(r, router, vrfOfPeerUp(r, router));
        long millis = RouteRecord.millis(r.timestamp());
        if (r.postPolicy()) {
            state.postPolicy(peer);
        }
        String skip = skippedView(r, peer);
        if (skip != null) {
            tally.skipped(skip);
            return;
        }
        if (r.localAs() != null) {
            state.localAs(router, r.localAs());
        }
        state.syncStarted(peer, millis);
    }

    private void peerDown(MsglogRecord r, String router) {
        PeerKey peer = peer(r, router, vrf(r, router));
        IpAddress address = IpAddress.parse(RouteRecord.required("peer_ip", r.peerIp()));
        long millis = RouteRecord.millis(r.timestamp());
        if (r.adjRibOut()) {
            tally.skipped("Adj-RIB-Out");
            return;
        }
        flush(router);
        state.syncEnded(peer);
        List<IpAddress> neighbours = r.locRib()
                ? List.of(IpAddress.unspecified(IpFamily.IPV4), IpAddress.unspecified(IpFamily.IPV6))
                : List.of(address);
        for (IpAddress n : neighbours) {
            for (FeederCommands c : peerTables(router, peer, n.family(), millis)) {
                emit(router, Kind.COMMAND, millis, id -> c.deleteNeighbourRoutes(id, n.toString(), null));
            }
        }
    }

    private void endOfRib(MsglogRecord r, String router) {
        PeerKey peer = peer(r, router, vrf(r, router));
        IpFamily family = RouteRecord.family(r.afi());
        long millis = RouteRecord.millis(r.timestamp());
        String skip = family == null || RouteRecord.view(r.safi()) == null ? "AFI " + r.afi() + " SAFI " + r.safi()
                : skippedView(r, peer);
        if (skip != null) {
            tally.skipped(skip);
            return;
        }
        flush(router);
        List<FeederCommands> tables = peerTables(router, peer, family, millis);
        IpAddress neighbour = r.locRib() ? IpAddress.unspecified(family)
                : IpAddress.parse(RouteRecord.required("peer_ip", r.peerIp()));
        Long since = state.syncStart(peer);
        if (since == null) {
            tally.skipped("end-of-rib without its peer_up (no sweep)");
        } else if (neighbour.family() == family) {
            tables.forEach(c -> emit(router, Kind.COMMAND, millis, id -> c.deleteNeighbourRoutes(id,
                    neighbour.toString(), since)));
        }
        FeederCommands own = registered(router, state.instance(router, peer.vrf()), family, millis);
        emit(router, Kind.SYNC, millis, id -> own.sync(id, family.wireName(), END_OF_RIB));
    }

    private void route(MsglogRecord r, String router, boolean add) {
        PeerKey peer = peer(r, router, vrf(r, router));
        long millis = RouteRecord.millis(r.timestamp());
        String skip = skippedView(r, peer);
        skip = skip != null ? skip : RouteRecord.skipReason(r, add);
        if (skip != null) {
            tally.skipped(skip);
            return;
        }
        RouteRecord route = RouteRecord.of(r, add);
        int instance = state.instance(router, routeVrf(r, router));
        registered(router, instance, route.family(), millis);
        Interface itf = interfaceOf(router, route.neighbour(), millis);
        long preference = add ? preference(r, router) : 0;
        BatchKey key = new BatchKey(add, instance, route.family(), hop(route.neighbour(), itf), route.view(),
                preference);
        Batch batch = batches.get(router);
        if (batch != null && (!batch.key().equals(key) || batch.routes().size() == MrtCommandMapper.MAX_BATCH)) {
            flush(router);
            batch = null;
        }
        if (batch == null) {
            batch = new Batch(key, new ArrayList<>(), new long[1]);
            batches.put(router, batch);
        }
        batch.routes().add(new Route(route.prefix().toString(), add ? hop(route.nextHop(), itf) : null,
                add ? route.metric() : null));
        batch.millis()[0] = millis;
    }

    private void flush(String router) {
        Batch batch = batches.remove(router);
        if (batch == null) {
            return;
        }
        BatchKey key = batch.key();
        FeederCommands c = commands.get(new Table(router, key.instance(), key.family()));
        List<String> views = List.of(key.view());
        if (key.add()) {
            tally.routes(batch.routes().size());
            emit(router, Kind.COMMAND, batch.millis()[0], id -> c.addRoutes(id, key.neighbour(), key.preference(),
                    null, views, batch.routes()));
        } else {
            tally.deletes(batch.routes().size());
            List<String> dests = batch.routes().stream().map(Route::dest).toList();
            emit(router, Kind.COMMAND, batch.millis()[0], id -> c.deleteRoutes(id, key.neighbour(), views, dests));
        }
    }

    /**
     * Why the record's view of its peer is not mapped, or null: Adj-RIB-Out never is; of pre- and post-policy
     * Adj-RIB-In, post-policy where the peer has it (by its peer_up), unless the settings take pre-policy.
     */
    private String skippedView(MsglogRecord r, PeerKey peer) {
        if (r.adjRibOut()) {
            return "Adj-RIB-Out";
        }
        if (r.locRib()) {
            return null;
        }
        if (settings.prePolicy()) {
            return r.postPolicy() ? "post-policy view (pre-policy taken)" : null;
        }
        return !r.postPolicy() && state.hasPostPolicy(peer) ? "pre-policy view of a peer with post-policy" : null;
    }

    private long preference(MsglogRecord r, String router) {
        if (r.locRib()) {
            return settings.locRibPreference();
        }
        Long localAs = state.localAs(router);
        boolean internal = localAs != null && localAs.equals(r.peerAsn());
        return internal ? settings.ibgpPreference() : settings.ebgpPreference();
    }

    private PeerKey peer(MsglogRecord r, String router, String vrf) {
        return new PeerKey(router, vrf, RouteRecord.required("peer_ip", r.peerIp()), r.locRib());
    }

    /** The VRF of a route: {@code rd:} its RD (the peer's or, for a VPN route, its own), else its peer's. */
    private String routeVrf(MsglogRecord r, String router) {
        return r.rd() != null ? "rd:" + r.rd() : vrf(r, router);
    }

    /** The VRF of a record's peer: {@code rd:} the peer's RD, else the table name its peer_up gave, else "". */
    private String vrf(MsglogRecord r, String router) {
        if (r.peerRd()) {
            return "rd:" + r.rd();
        }
        return state.tableName(new PeerKey(router, "", RouteRecord.required("peer_ip", r.peerIp()), r.locRib()));
    }

    /** A peer_up's VRF; a table name without an RD is remembered for the peer's later records. */
    private String vrfOfPeerUp(MsglogRecord r, String router) {
        if (!r.peerRd() && r.vrfTableName() != null && !"global".equals(r.vrfTableName())) {
            state.tableName(new PeerKey(router, "", RouteRecord.required("peer_ip", r.peerIp()), r.locRib()),
                    "name:" + r.vrfTableName());
        }
        return vrf(r, router);
    }

    /**
     * The tables a peer's routes of {@code family} can be in: those of its VRF's rtmInstance; for a peer of the
     * global table, whose MPLS VPN routes (SAFI 128) go to the rtmInstances of their RDs, every table of the router.
     */
    private List<FeederCommands> peerTables(String router, PeerKey peer, IpFamily family, long millis) {
        FeederCommands own = registered(router, state.instance(router, peer.vrf()), family, millis);
        if (!peer.vrf().isEmpty()) {
            return List.of(own);
        }
        return state.tables(router, family).stream().map(t -> registered(router, t.rtmInstance(), family, millis))
                .toList();
    }

    /** The commands of a table, its BGP entity registered (in order, before its first command) when new. */
    private FeederCommands registered(String router, int instance, IpFamily family, long millis) {
        Table table = new Table(router, instance, family);
        FeederCommands c = commands.computeIfAbsent(table, t -> new FeederCommands(router, instance,
                ImportSettings.BGP, settings.instanceId()));
        if (state.register(table)) {
            emit(router, Kind.COMMAND, millis, id -> c.registerEntity(id, family.wireName()));
        }
        return c;
    }

    /** The synthetic interface of a neighbour of the router, created and reported (before its routes) when new. */
    private Interface interfaceOf(String router, IpAddress neighbour, long millis) {
        SyntheticInterfaces interfaces = state.interfaces(router);
        SyntheticInterfaces.Key key = new SyntheticInterfaces.Key(neighbour, Nlri.NO_PATH_ID);
        Interface itf = interfaces.get(key);
        if (itf == null) {
            Interface created = interfaces.create(key);
            FeederCommands c = new FeederCommands(router, 0, ImportSettings.BGP, settings.instanceId());
            emit(router, Kind.INTERFACE, millis, id -> c.addInterface(id, neighbour.family().wireName(),
                    created.luid(), created.index(), 0));
            itf = created;
        }
        return itf;
    }

    private static WireNextHop hop(IpAddress address, Interface itf) {
        return new WireNextHop(address.toString(), itf.index(), null, null);
    }

    private void emit(String router, Kind kind, long millis, Function<String, Object> value) {
        String id = settings.requestIdPrefix() + state.nextRequest();
        out.add(new MappedRecord(router, new ImportRecord(kind, id, value.apply(id), millis)));
    }

    private List<MappedRecord> drain() {
        List<MappedRecord> drained = out;
        out = new ArrayList<>();
        return drained;
    }
}
