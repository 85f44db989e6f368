package io.rtmstreams.api;

import io.rtmstreams.api.ApiJson.Answer;
import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.contract.WireEntity;
import io.rtmstreams.iphlp.BestRouteQuery;
import io.rtmstreams.iphlp.BestRouteResult;
import io.rtmstreams.iphlp.IphlpQueries;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.DestEnum;
import io.rtmstreams.rtm.DestInfo;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHop;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Page;
import io.rtmstreams.rtm.RouteEnum;
import io.rtmstreams.rtm.RouteInfo;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.RtmQueries;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.StoreProvider;
import io.rtmstreams.streams.FleetMembers;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.state.CommittedTables;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.rtmstreams.rtm.ProtocolIds.BEST_PROTOCOL;

/**
 * The queries of the contract's table, each from its parameters to its answer over one router's state (or the
 * fleet store). The RTMv2 and IP Helper calls do the work; an error is the RtmException they throw, with its Win32
 * status. Enumerations other than destinations are answered whole: the engine's batches of MaxHandlesInEnum are
 * joined (a destination's routes are one stored record anyway).
 */
final class Queries {

    private final StreamsSettings settings;
    private final Map<Integer, Reads> byPartition = new ConcurrentHashMap<>();

    Queries(StreamsSettings settings) {
        this.settings = settings;
    }

    /** A partition's read model and what it reads. */
    private record Reads(ReadOnlyKeyValueStore<Bytes, byte[]> store, CommittedTables committed, IphlpQueries model) {
    }

    /**
     * The read model over one partition's table state, and over what its store publishes when it does (null: the
     * store alone). It is kept while both stay the same, so the requests of a partition share it and the interface
     * rows it has read; a new store or new committed tables (the task moved or reopened) get a new one.
     */
    IphlpQueries reads(int partition, ReadOnlyKeyValueStore<Bytes, byte[]> tableState, CommittedTables committed) {
        Reads r = byPartition.get(partition);
        if (r == null || r.store() != tableState || r.committed() != committed) {
            StoreProvider stores = StoreRegistry.readOnly(tableState);
            r = new Reads(tableState, committed, committed == null
                    ? IphlpQueries.over(stores, settings.rtm(), settings.iphlp())
                    : IphlpQueries.over(stores, settings.rtm(), settings.iphlp(), committed));
            byPartition.put(partition, r);
        }
        return r.model();
    }

    Answer<ApiJson.Entities> entities(Params p, IphlpQueries ip) {
        String router = p.router();
        int instance = p.instance();
        List<ApiJson.Entity> out = new ArrayList<>();
        for (IpFamily f : families(p.family())) {
            ip.rtm().registeredEntities(TableId.of(router, instance, f))
                    .forEach(e -> out.add(ApiJson.Entity.of(f, e)));
        }
        return Answer.ok(new ApiJson.Entities(router, instance, out));
    }

    Answer<ApiJson.Destination> exactMatch(Params p, IphlpQueries ip) {
        Prefix prefix = p.prefix("prefix");
        TableId t = table(p, prefix.family());
        return destination(t, ip.rtm().exactMatch(t, prefix, p.views(), p.protocol(), null));
    }

    Answer<ApiJson.Destination> mostSpecific(Params p, IphlpQueries ip) {
        Prefix prefix = p.prefix("prefix");
        TableId t = table(p, prefix.family());
        return destination(t, ip.rtm().mostSpecific(t, prefix, View.MASK_ALL, BEST_PROTOCOL, null));
    }

    Answer<ApiJson.Destination> lessSpecific(Params p, IphlpQueries ip) {
        Prefix prefix = p.prefix("prefix");
        TableId t = table(p, prefix.family());
        return destination(t, ip.rtm().lessSpecific(t, prefix, View.MASK_ALL, BEST_PROTOCOL, null));
    }

    /** One page; the cursor resumes after its last destination, and the last page says ERROR_NO_MORE_ITEMS. */
    Answer<ApiJson.DestinationPage> enumDests(Params p, IphlpQueries ip) {
        Prefix start = p.optionalPrefix("start");
        TableId t = table(p, enumFamily(p.family(), start));
        String cursor = p.text("cursor");
        DestEnum e = new DestEnum(p.views(), null, start, p.flag("range"), BEST_PROTOCOL,
                cursor == null ? null : DestCursor.decode(cursor, t.family()), p.limit(maxPage()));
        Page<DestInfo, Prefix> page = ip.rtm().enumDests(t, e, null);
        List<OutputJson.DestInfo> out = page.items().stream().map(OutputMapper::destInfo).toList();
        return Answer.of(page.status(), new ApiJson.DestinationPage(t.router(), t.rtmInstance(),
                t.family().wireName(), out, page.next() == null ? null : DestCursor.encode(page.next())));
    }

    /** RtmGetRouteInfo; a route of another RTM instance of the router is not found in this one. */
    Answer<ApiJson.Route> route(Params p, IphlpQueries ip) {
        String router = p.router();
        int instance = p.instance();
        long id = p.positivePath("routeId");
        RouteInfo info = ip.rtm().route(router, id);
        if (info.table().rtmInstance() != instance) {
            throw new RtmException(Status.ERROR_NOT_FOUND, "route " + id + " is in rtmInstance "
                    + info.table().rtmInstance() + ", not " + instance);
        }
        return Answer.ok(new ApiJson.Route(router, instance, info.table().family().wireName(), route(info)));
    }

    /**
     * RtmCreateRouteEnum over one destination: its routes in ranking order, optionally only an entity's, and each
     * view's best route (of any entity) with the reason it won.
     */
    Answer<ApiJson.Routes> routes(Params p, IphlpQueries ip) {
        Prefix prefix = p.prefix("prefix");
        TableId t = table(p, prefix.family());
        RouteEnum e = RouteEnum.of(prefix, p.views(), p.optionalEntity(), maxPage());
        List<OutputJson.Route> out = new ArrayList<>();
        RouteEnum.Position next = null;
        do {
            Page<RouteInfo, RouteEnum.Position> page = ip.rtm().enumRoutes(t,
                    next == null ? e : e.resume(next));
            page.items().forEach(r -> out.add(route(r)));
            next = page.next();
        } while (next != null);
        List<ApiJson.ViewBest> best = ip.rtm().bestRoutes(t, prefix, p.views()).stream()
                .map(v -> new ApiJson.ViewBest(v.view().wireName(), v.route().route().id(), v.route().reason().name()))
                .toList();
        return Answer.ok(new ApiJson.Routes(t.router(), t.rtmInstance(), t.family().wireName(), prefix.toString(),
                out, best));
    }

    /** RtmCreateNextHopEnum: the entity's next hops of one family or, without one, of both. */
    Answer<ApiJson.NextHops> nextHops(Params p, IphlpQueries ip) {
        String router = p.router();
        int instance = p.instance();
        EntityId owner = p.entity();
        RtmQueries q = ip.rtm();
        List<ApiJson.NextHop> out = new ArrayList<>();
        for (IpFamily f : families(p.family())) {
            TableId t = TableId.of(router, instance, f);
            NextHopRef next = null;
            do {
                Page<NextHop, NextHopRef> page = q.enumNextHops(t, owner, null, false, next, maxPage());
                page.items().forEach(h -> out.add(ApiJson.NextHop.of(h)));
                next = page.next();
            } while (next != null);
        }
        return Answer.ok(new ApiJson.NextHops(router, instance, WireEntity.of(owner), out));
    }

    /**
     * RtmCreateRouteListEnum: the routes of the entity's list. Without a family both tables are searched, and the
     * list must exist in one of them (ERROR_INVALID_HANDLE otherwise, as the engine answers for one table).
     */
    Answer<ApiJson.RouteList> routeList(Params p, IphlpQueries ip) {
        String router = p.router();
        int instance = p.instance();
        EntityId owner = p.entity();
        String name = p.pathText("name");
        List<OutputJson.Route> out = new ArrayList<>();
        RtmException missing = null;
        int found = 0;
        for (IpFamily f : families(p.family())) {
            try {
                listRoutes(ip.rtm(), TableId.of(router, instance, f), owner, name, maxPage(), out);
                found++;
            } catch (RtmException e) {
                if (e.status() != Status.ERROR_INVALID_HANDLE) {
                    throw e;
                }
                missing = e;
            }
        }
        if (found == 0) {
            throw missing;
        }
        return Answer.ok(new ApiJson.RouteList(router, instance, WireEntity.of(owner), name, out));
    }

    /** GetIpInterfaceTable (V14): the router's rows of one family or both; rows are per router, not per instance. */
    Answer<ApiJson.Interfaces> interfaces(Params p, IphlpQueries ip) {
        String router = p.router();
        return Answer.ok(new ApiJson.Interfaces(router, ip.table(router, p.family()).stream().map(ApiJson::row)
                .toList()));
    }

    /** GetBestRoute2 (D17): the lookup's answer, or its failure status (ERROR_NETWORK_UNREACHABLE: no route). */
    Answer<ApiJson.BestRoute> bestRoute(Params p, IphlpQueries ip) {
        String router = p.router();
        int instance = p.instance();
        BestRouteQuery q;
        try {
            q = QueryParams.bestRoute(router, instance, p.text("destination"), p.text("source"),
                    p.text("interfaceLuid"), p.text("interfaceIndex"));
        } catch (IllegalArgumentException e) {
            throw new RtmException(Status.ERROR_INVALID_PARAMETER, e.getMessage());
        }
        BestRouteResult r = ip.bestRoute(q);
        if (!r.succeeded()) {
            throw new RtmException(r.status(), r.message());
        }
        return Answer.ok(new ApiJson.BestRoute(router, instance, OutputMapper.bestRouteLookup(r)));
    }

    /**
     * A fleet query: a prefix in a view (unicast unless given), under the fleet store's key {@code view|prefix}, and
     * a page of at most {@code limit} members after {@code after} (null: from the first).
     */
    record FleetQuery(View view, Prefix prefix, int limit, FleetMembers.Position after) {

        /** The largest page (contract.md, Query API). */
        static final int MAX_PAGE = 1_000;

        static FleetQuery of(Params p) {
            String cursor = p.text("cursor");
            return new FleetQuery(p.view(View.UNICAST), p.prefix("prefix"), p.limit(MAX_PAGE, "routers"),
                    cursor == null ? null : FleetCursor.decode(cursor));
        }

        String key() {
            return OutputMapper.fleetKey(view, prefix);
        }
    }

    /**
     * How many routers reach a prefix in a view and a page of them in router order, with a cursor when more follow;
     * ERROR_NOT_FOUND when none does.
     */
    static Answer<ApiJson.FleetPage> fleet(FleetQuery q, FleetMembers members) {
        long count = members.tally(q.key()).count();
        if (count == 0) {
            throw new RtmException(Status.ERROR_NOT_FOUND, "no router reaches " + q.prefix() + " in the "
                    + q.view().wireName() + " view");
        }
        FleetMembers.Page page = members.page(q.key(), q.after(), q.limit());
        return Answer.ok(new ApiJson.FleetPage(q.view().wireName(), q.prefix().toString(), count, page.routers(),
                page.next() == null ? null : FleetCursor.encode(page.next())));
    }

    private int maxPage() {
        return settings.rtm().maxHandlesInEnum();
    }

    private static void listRoutes(RtmQueries q, TableId t, EntityId owner, String name, int max,
                                   List<OutputJson.Route> out) {
        long after = 0;
        while (true) {
            List<RouteInfo> batch = q.routeList(t, owner, name, after, max);
            batch.forEach(r -> out.add(route(r)));
            if (batch.size() < max) {
                return;
            }
            after = batch.get(batch.size() - 1).route().id();
        }
    }

    private static OutputJson.Route route(RouteInfo r) {
        return OutputMapper.route(r.dest(), r.route(), r.state().name());
    }

    private static Answer<ApiJson.Destination> destination(TableId t, DestInfo d) {
        return Answer.ok(new ApiJson.Destination(t.router(), t.rtmInstance(), t.family().wireName(),
                OutputMapper.destInfo(d)));
    }

    private static TableId table(Params p, IpFamily family) {
        return TableId.of(p.router(), p.instance(), family);
    }

    private static List<IpFamily> families(IpFamily family) {
        return family == null ? List.of(IpFamily.values()) : List.of(family);
    }

    /** An enumeration's table: {@code family}, or the family of {@code start}; they must agree when both are given. */
    private static IpFamily enumFamily(IpFamily family, Prefix start) {
        if (start == null) {
            if (family == null) {
                throw Params.invalid("family", "required when there is no start prefix");
            }
            return family;
        }
        if (family != null && family != start.family()) {
            throw Params.invalid("start", start + " is not an " + family.wireName() + " prefix");
        }
        return start.family();
    }
}
