package io.rtmstreams.app.importer;

import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.app.importer.SyntheticInterfaces.Interface;
import io.rtmstreams.app.importer.SyntheticInterfaces.Key;
import io.rtmstreams.contract.FeederCommands.Route;
import io.rtmstreams.contract.FeederCommands;
import io.rtmstreams.contract.WireNextHop;
import io.rtmstreams.mrt.MrtRecord;
import io.rtmstreams.mrt.Nlri;
import io.rtmstreams.mrt.PathAttributes;
import io.rtmstreams.mrt.Peer;
import io.rtmstreams.mrt.RibEntry;
import io.rtmstreams.mrt.RibRecord;
import io.rtmstreams.mrt.Safi;
import io.rtmstreams.mrt.StateChange;
import io.rtmstreams.mrt.UpdateRecord;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps MRT records to contract commands (D28, D29, D30), pure: records in, the records to send out, in order.
 *
 * <ul>
 *   <li>First the BGP entity (protocol 14) registers in the IPv4 and IPv6 tables of the router.</li>
 *   <li>A peer seen for the first time gets a synthetic interface ({@link SyntheticInterfaces}), reported as an
 *       interface change before any route through it; the sender waits for its result before the next command.</li>
 *   <li>RIB entries become ADD_ROUTES of up to {@value #MAX_BATCH} routes (D25) per peer interface and view,
 *       each route with its next hop on the peer's interface and its metric; the neighbour is the peer. At the end
 *       of a RIB file, each of its peers gets the sweep of D29, DELETE_NEIGHBOUR_ROUTES with {@code
 *       notUpdatedSinceMs} = the timestamp of the peer's first entry: routes of an older import that this dump no
 *       longer has go.</li>
 *   <li>An UPDATE becomes DELETE_ROUTES for its withdrawals, then ADD_ROUTES for its announcements (metric shared).
 *       Messages the collector sent (LOCAL) are skipped.</li>
 *   <li>A session leaving Established becomes DELETE_NEIGHBOUR_ROUTES of the peer's address (D29).</li>
 *   <li>At the very end a SYNC per family, whose results say the tables are in.</li>
 * </ul>
 * Every command has {@code ack: ERRORS} and, as timestamp, the MRT time of its record or the clock (see
 * {@link RecordTimes}); a sweep's time is of the same clock. ADD-PATH (D28): by default a
 * peer's paths share its interface, so the last path of a prefix is the one kept; with
 * {@link ImportSettings#interfacePerPath()} each path has an interface of its own. Routes whose prefix is of another
 * family than their peer's address, or that have no next hop of that family, cannot be expressed (the neighbour and
 * next hops of a route are of its table's family) and are counted as skipped.
 */
public final class MrtCommandMapper {

    /** The most routes of one batch (D25). */
    public static final int MAX_BATCH = 5_000;
    static final String END_OF_RIB = "end-of-rib";
    private static final List<IpFamily> FAMILIES = List.of(IpFamily.IPV4, IpFamily.IPV6);

    private final ImportSettings settings;
    private final FeederCommands commands;
    private final SyntheticInterfaces interfaces = new SyntheticInterfaces();
    private final ImportTally tally = new ImportTally();
    private final Map<BatchKey, List<Route>> ribBatches = new LinkedHashMap<>();
    private final Map<IpAddress, Long> dumpPeers = new LinkedHashMap<>();
    private List<ImportRecord> out = new ArrayList<>();
    private long requests;
    private long lastMillis = -1;

    /** A RIB batch: the routes of one interface, view and preference. */
    private record BatchKey(Key peer, Safi safi, long preference) {
    }

    public MrtCommandMapper(ImportSettings settings) {
        this.settings = settings;
        this.commands = new FeederCommands(settings.router(), settings.rtmInstance(), ImportSettings.BGP,
                settings.instanceId());
    }

    public ImportTally tally() {
        return tally;
    }

    /** How many synthetic interfaces (peers, or peers' paths) the import created. */
    public int interfaces() {
        return interfaces.size();
    }

    /** The records to send for {@code record}, in order (RIB entries may wait in their batches). */
    public List<ImportRecord> map(MrtRecord record) {
        if (lastMillis < 0) {
            FAMILIES.forEach(f -> emit(Kind.COMMAND, record.epochMillis(), id -> commands.registerEntity(id,
                    f.wireName())));
        }
        lastMillis = record.epochMillis();
        if (record instanceof RibRecord rib) {
            rib.entries().forEach(e -> ribEntry(e, rib.epochMillis()));
        } else if (record instanceof UpdateRecord update) {
            update(update);
        } else if (record instanceof StateChange change) {
            stateChange(change);
        }
        return drain();
    }

    /**
     * The peers of a RIB dump's PEER_INDEX_TABLE, known before its first entry: their interfaces are reported at
     * once, so that the sender waits for their results once instead of whenever a peer's first route shows up
     * behind a backlog of routes (with an interface per ADD-PATH path, the paths are not known yet: nothing).
     */
    public List<ImportRecord> declarePeers(List<Peer> peers, long millis) {
        if (!settings.interfacePerPath()) {
            peers.stream().filter(p -> !p.address().isUnspecified())
                    .forEach(p -> interfaceOf(p, Nlri.NO_PATH_ID, p.address().family(), millis));
        }
        return drain();
    }

    /** The end of one file: its RIB batches, then the sweeps of its dump's peers. */
    public List<ImportRecord> endOfFile() {
        flushRibBatches();
        dumpPeers.forEach((peer, since) -> emit(Kind.COMMAND, lastMillis, id -> commands.deleteNeighbourRoutes(id,
                peer.toString(), since)));
        dumpPeers.clear();
        return drain();
    }

    /** The end of the import: the SYNC of each family (nothing when no record was read). */
    public List<ImportRecord> finish() {
        List<ImportRecord> last = new ArrayList<>(endOfFile());
        if (lastMillis >= 0) {
            FAMILIES.forEach(f -> emit(Kind.SYNC, lastMillis, id -> commands.sync(id, f.wireName(), END_OF_RIB)));
        }
        last.addAll(drain());
        return last;
    }

    private void ribEntry(RibEntry e, long millis) {
        Interface itf = usable(e.peer(), e.pathId(), e.prefix(), e.nextHop(), millis);
        if (itf == null) {
            return;
        }
        dumpPeers.computeIfAbsent(e.peer().address(), p -> settings.recordTimes().of(millis));
        BatchKey key = new BatchKey(key(e.peer(), e.pathId()), e.safi(), BgpCost.preference(settings, e.peer()));
        List<Route> batch = ribBatches.computeIfAbsent(key, k -> new ArrayList<>());
        batch.add(new Route(e.prefix().toString(), hop(e.nextHop(), itf),
                BgpCost.metric(settings.costMode(), e.attributes())));
        if (batch.size() == MAX_BATCH) {
            flushRibBatch(key, ribBatches.remove(key));
        }
    }

    private void flushRibBatches() {
        ribBatches.forEach(this::flushRibBatch);
        ribBatches.clear();
    }

    private void flushRibBatch(BatchKey key, List<Route> routes) {
        Interface itf = interfaces.get(key.peer());
        tally.routes(routes.size());
        emit(Kind.COMMAND, lastMillis, id -> commands.addRoutes(id, hop(key.peer().peer(), itf), key.preference(),
                null, views(key.safi()), routes));
    }

    private void update(UpdateRecord u) {
        if (u.local()) {
            tally.skipped("UPDATE sent by the collector (LOCAL)");
            return;
        }
        long millis = u.epochMillis();
        Map<BatchKey, List<String>> withdrawals = new LinkedHashMap<>();
        for (UpdateRecord.Withdrawal w : u.withdrawals()) {
            Prefix prefix = w.nlri().prefix();
            if (sameFamily(prefix, u.peer().address())) {
                interfaceOf(u.peer(), w.nlri().pathId(), prefix.family(), millis);
                withdrawals.computeIfAbsent(new BatchKey(key(u.peer(), w.nlri().pathId()), w.safi(), 0),
                        k -> new ArrayList<>()).add(prefix.toString());
            } else {
                tally.skipped("withdrawal of another family than its peer's address");
            }
        }
        withdrawals.forEach((key, dests) -> chunks(dests).forEach(chunk -> {
            tally.withdrawals(chunk.size());
            emit(Kind.COMMAND, millis, id -> commands.deleteRoutes(id, hop(key.peer().peer(),
                    interfaces.get(key.peer())), views(key.safi()), chunk));
        }));
        announcements(u, millis);
    }

    private void announcements(UpdateRecord u, long millis) {
        Map<BatchKey, List<Route>> batches = new LinkedHashMap<>();
        long preference = BgpCost.preference(settings, u.peer());
        for (UpdateRecord.Announcement a : u.announcements()) {
            Interface itf = usable(u.peer(), a.nlri().pathId(), a.nlri().prefix(), a.nextHop(), millis);
            if (itf != null) {
                batches.computeIfAbsent(new BatchKey(key(u.peer(), a.nlri().pathId()), a.safi(), preference),
                        k -> new ArrayList<>()).add(new Route(a.nlri().prefix().toString(), hop(a.nextHop(), itf),
                        null));
            }
        }
        long metric = BgpCost.metric(settings.costMode(), u.attributes());
        batches.forEach((key, routes) -> chunks(routes).forEach(chunk -> {
            tally.routes(chunk.size());
            emit(Kind.COMMAND, millis, id -> commands.addRoutes(id, hop(key.peer().peer(),
                    interfaces.get(key.peer())), key.preference(), metric, views(key.safi()), chunk));
        }));
    }

    private void stateChange(StateChange change) {
        if (!change.leftEstablished()) {
            return;
        }
        if (change.peer().address().isUnspecified()) {
            tally.skipped("state change without the peer's address");
            return;
        }
        tally.peerDown();
        emit(Kind.COMMAND, change.epochMillis(), id -> commands.deleteNeighbourRoutes(id,
                change.peer().address().toString(), null));
    }

    /**
     * The interface of a route's peer (created and reported when new), or null, counted, when the route cannot be
     * expressed in the table of its prefix's family.
     */
    private Interface usable(Peer peer, long pathId, Prefix prefix, IpAddress nextHop, long millis) {
        if (!sameFamily(prefix, peer.address())) {
            tally.skipped("route of another family than its peer's address");
            return null;
        }
        if (nextHop == null || nextHop.family() != prefix.family()) {
            tally.skipped("route without a next hop of its family");
            return null;
        }
        return interfaceOf(peer, pathId, prefix.family(), millis);
    }

    /** The synthetic interface of a peer (or path), created and reported the first time. Withdrawals create it too:
     * an update file imported after the RIB dump withdraws routes learned in that earlier run, whose interface
     * this run has not reported yet (the same peer always gets the same index). */
    private Interface interfaceOf(Peer peer, long pathId, IpFamily family, long millis) {
        Key key = key(peer, pathId);
        Interface itf = interfaces.get(key);
        if (itf == null) {
            Interface created = interfaces.create(key);
            emit(Kind.INTERFACE, millis, id -> commands.addInterface(id, family.wireName(), created.luid(),
                    created.index(), 0));
            itf = created;
        }
        return itf;
    }

    private Key key(Peer peer, long pathId) {
        return new Key(peer.address(), settings.interfacePerPath() ? pathId : Nlri.NO_PATH_ID);
    }

    private static boolean sameFamily(Prefix prefix, IpAddress address) {
        return prefix.family() == address.family();
    }

    private static WireNextHop hop(IpAddress address, Interface itf) {
        return new WireNextHop(address.toString(), itf.index(), null, null);
    }

    private static List<String> views(Safi safi) {
        return switch (safi) {
            case UNICAST -> List.of("unicast");
            case MULTICAST -> List.of("multicast");
            case BOTH -> List.of("unicast", "multicast");
        };
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_BATCH) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_BATCH)));
        }
        return chunks;
    }

    private void emit(Kind kind, long millis, Function<String, Object> value) {
        String id = settings.requestIdPrefix() + (++requests);
        out.add(new ImportRecord(kind, id, value.apply(id), settings.recordTimes().of(millis)));
    }

    private List<ImportRecord> drain() {
        List<ImportRecord> drained = out;
        out = new ArrayList<>();
        return drained;
    }
}
