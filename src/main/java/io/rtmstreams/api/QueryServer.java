package io.rtmstreams.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.rtmstreams.api.ApiJson.Answer;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.iphlp.IphlpQueries;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.streams.FleetMembers;
import io.rtmstreams.streams.RouterActivity;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The query API (contract.md, Query API): read-only HTTP over the state stores, bound to the configured address
 * (127.0.0.1 unless told otherwise). A query about a router is answered by the instance that owns the router's
 * partition; another instance forwards it there once ({@link Forwarder}). Only GET is served; every answer is JSON
 * with a Win32 {@code status} and {@code code} ({@link HttpStatuses} gives the HTTP status of each).
 *
 * <p>It starts before Kafka Streams (whose {@code application.server} needs the port when 0 asks for any free one)
 * and answers 503 until {@link #serve} hands it the running state; {@code /health} answers from the start.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Connecting takes milliseconds within a deployment; an owner that died with its host (a killed pod whose address
     * no longer answers) would otherwise hold every forwarded request for the whole forward timeout until the group
     * notices and the 503 comes.
     */
    private static final Duration FORWARD_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Any table store: they are all partitioned by router (D2). */
    private static final String ROUTER_STORE = StoreRegistry.TABLE_STATE;
    /** What {@code /activity} answers without {@code seconds}: the last five minutes. */
    private static final int ACTIVITY_DEFAULT_SECONDS = 300;

    /** One query about a router, over that router's state. */
    @FunctionalInterface
    private interface RouterQuery {
        Object answer(Params params, IphlpQueries reads);
    }

    private final Queries queries;
    private final ApiMetrics metrics;
    private final String advertisedHost;
    private final Javalin app;
    private volatile StateAccess state = StateAccess.NOT_STARTED;
    private volatile String self;
    private volatile Forwarder forwarder;
    private final boolean fleetView;

    private QueryServer(StreamsSettings settings, ApiMetrics metrics, String advertisedHost) {
        this.queries = new Queries(settings);
        this.fleetView = settings.fleetView();
        this.metrics = metrics;
        this.advertisedHost = advertisedHost;
        this.app = Javalin.create(this::configure);
    }

    /**
     * Starts listening on {@code bindHost:port} (port 0: any free port); other instances forward to
     * {@code advertisedHost} and the port.
     */
    public static QueryServer start(String bindHost, int port, String advertisedHost, StreamsSettings settings,
                                    ApiMetrics metrics) {
        QueryServer s = new QueryServer(settings, metrics, advertisedHost);
        s.app.start(bindHost, port);
        s.self = new Owner.Remote(advertisedHost, s.port()).toString();
        s.forwarder = new Forwarder(s.self, FORWARD_CONNECT_TIMEOUT, FORWARD_TIMEOUT);
        LOG.info("query API listening on {}:{} (advertised as {})", bindHost, s.port(), s.self);
        return s;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** This instance's address as other instances reach it: Kafka Streams' {@code application.server}. */
    public HostInfo advertised() {
        return new HostInfo(advertisedHost, port());
    }

    /** Answers from {@code running} from now on. */
    public void serve(StateAccess running) {
        this.state = running;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        routes(config.routes);
        errors(config.routes);
    }

    /** The contract's table; each endpoint names the query parameters it takes. */
    private void routes(RoutesConfig r) {
        String router = "/v1/routers/{router}";
        r.get(router + "/entities", router(queries::entities, "instance", "family"));
        r.get(router + "/destinations", router(queries::exactMatch, "instance", "prefix", "views", "protocol"));
        r.get(router + "/destinations/most-specific", router(queries::mostSpecific, "instance", "prefix"));
        r.get(router + "/destinations/less-specific", router(queries::lessSpecific, "instance", "prefix"));
        r.get(router + "/destinations/enum", router(queries::enumDests, "instance", "family", "views", "start",
                "range", "limit", "cursor"));
        r.get(router + "/routes/{routeId}", router(queries::route, "instance"));
        r.get(router + "/routes", router(queries::routes, "instance", "prefix", "entity", "views"));
        r.get(router + "/nexthops", router(queries::nextHops, "instance", "entity", "family"));
        r.get(router + "/route-lists/{name}", router(queries::routeList, "instance", "entity", "family"));
        r.get(router + "/interfaces", router(queries::interfaces, "family"));
        r.get(router + "/best-route", router(queries::bestRoute, "instance", "destination", "source",
                "interfaceLuid", "interfaceIndex"));
        r.get(router + "/activity", this::activity);
        r.get("/v1/fleet/prefixes", this::fleet);
        r.get("/health", this::health);
        r.get("/health/ready", this::ready);
        r.get("/metrics", this::metrics);
    }

    private void errors(RoutesConfig r) {
        r.exception(RtmException.class, (e, ctx) -> error(ctx, HttpStatuses.of(e.status()),
                OutputMapper.error(e.status(), e.getMessage())));
        r.exception(Unavailable.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        r.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx,
                "the state is not queryable here now: " + e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), routingError(e, ctx)));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("query {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, HttpStatuses.internalError(e.toString()));
        });
    }

    private Handler router(RouterQuery query, String... allowed) {
        Set<String> names = Set.of(allowed);
        return ctx -> {
            StateAccess s = state;
            Params p = Params.of(ctx.pathParamMap(), ctx.queryParamMap(), names);
            answer(ctx, s.owner(ROUTER_STORE, p.router()),
                    partition -> query.answer(p, queries.reads(partition, s.store(StoreRegistry.TABLE_STATE, partition),
                            s.committedTables(partition))));
        };
    }

    /**
     * A router's best-route changes per second over the last minutes, from the instance whose stream thread counts
     * them: the router's owner (others forward, as for every router query).
     */
    private void activity(Context ctx) {
        StateAccess s = state;
        Params p = Params.of(ctx.pathParamMap(), ctx.queryParamMap(), Set.of("seconds"));
        int seconds = p.seconds(RouterActivity.WINDOW_SECONDS, ACTIVITY_DEFAULT_SECONDS);
        answer(ctx, s.owner(ROUTER_STORE, p.router()), partition -> {
            RouterActivity.Counts c = metrics.activity().last(p.router(), seconds);
            return Answer.ok(new ApiJson.Activity(p.router(), seconds, c.fromEpochSecond(), c.perSecond()));
        });
    }

    private void fleet(Context ctx) {
        if (!fleetView) {
            error(ctx, 400, OutputMapper.error(Status.ERROR_NOT_SUPPORTED,
                    "the fleet view is turned off (--fleet-view=false)"));
            return;
        }
        StateAccess s = state;
        Queries.FleetQuery q = Queries.FleetQuery.of(Params.of(ctx.pathParamMap(), ctx.queryParamMap(),
                Set.of("prefix", "view", "limit", "cursor")));
        answer(ctx, s.owner(StoreRegistry.FLEET_STATE, q.key()),
                partition -> Queries.fleet(q, FleetMembers.readOnly(s.store(StoreRegistry.FLEET_STATE, partition))));
    }

    /** Answers from local state, forwards to the owner, or refuses for now (503). */
    private void answer(Context ctx, Owner found, IntFunction<Object> local) {
        Owner owner = Forwarder.route(found, ctx.header(Forwarder.FORWARDED_BY));
        if (owner instanceof Owner.Local l) {
            ctx.header(Forwarder.SERVED_BY, self).json(local.apply(l.partition()));
        } else if (owner instanceof Owner.Remote r) {
            String query = ctx.queryString();
            Forwarder.Response f = forwarder.forward(r, ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
            ctx.status(f.status());
            if (f.contentType() != null) {
                ctx.contentType(f.contentType());
            }
            if (f.servedBy() != null) {
                ctx.header(Forwarder.SERVED_BY, f.servedBy());
            }
            ctx.result(f.body());
        } else {
            throw new Unavailable(((Owner.Unavailable) owner).reason());
        }
    }

    /** Liveness: 200 while the process runs, with the Kafka Streams state. */
    private void health(Context ctx) {
        StateAccess s = state;
        Params.of(ctx.pathParamMap(), ctx.queryParamMap(), Set.of());
        ctx.json(Answer.ok(new ApiJson.Health(s.state(), s.ready())));
    }

    /** Readiness: 200 only while Kafka Streams is RUNNING, else 503 with ERROR_NOT_READY. */
    private void ready(Context ctx) {
        StateAccess s = state;
        Params.of(ctx.pathParamMap(), ctx.queryParamMap(), Set.of());
        ApiJson.Health h = new ApiJson.Health(s.state(), s.ready());
        if (h.ready()) {
            ctx.json(Answer.ok(h));
        } else {
            ctx.status(503).json(new Answer<>(HttpStatuses.NOT_READY, HttpStatuses.NOT_READY_CODE, h));
        }
    }

    private void metrics(Context ctx) {
        Params.of(ctx.pathParamMap(), ctx.queryParamMap(), Set.of());
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** Javalin's own refusals: no such endpoint (404), a method other than GET (405), a malformed request. */
    private static OutputJson.Error routingError(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> OutputMapper.error(Status.ERROR_FILE_NOT_FOUND,
                    "no endpoint " + ctx.method() + " " + ctx.path());
            case 405 -> OutputMapper.error(Status.ERROR_NOT_SUPPORTED, "the query API is read-only: only GET");
            default -> OutputMapper.error(Status.ERROR_INVALID_PARAMETER, e.getMessage());
        };
    }

    private static void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", "1");
        error(ctx, 503, HttpStatuses.notReady(reason));
    }

    private static void error(Context ctx, int httpStatus, OutputJson.Error body) {
        ctx.status(httpStatus).json(body);
    }
}
