package io.rtmstreams.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.rtmstreams.rtm.BatchRoute;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ExpiryPolicy;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.Status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.rtmstreams.contract.InputEnvelope.text;
import static io.rtmstreams.contract.WireValues.family;
import static io.rtmstreams.contract.WireValues.prefix;
import static io.rtmstreams.contract.WireValues.required;
import static io.rtmstreams.contract.WireValues.u32;

/**
 * Reads a record of {@code rtm.route-adverts} into a domain {@link Command} (contract.md, Commands; D20). Input that
 * is not a JSON object, has no known op, or whose key is not its router is rejected; a command whose fields are
 * missing, mistyped or out of range is answered with ERROR_INVALID_PARAMETER (ERROR_NOT_SUPPORTED for an unknown
 * view); everything else is left to the engine. A batch (ADD_ROUTES, DELETE_ROUTES; D25) is answered whole only for
 * what is wrong with the batch itself (its envelope, its size, a top-level routeId or a top-level field of the wrong
 * JSON type); a route that cannot be read is carried to the engine as the error its single command would have had.
 */
public final class CommandReader {

    private static final ObjectReader READER = Json.MAPPER.readerFor(WireCommand.class);

    public static final Set<String> OPS = Set.of("REGISTER_ENTITY", "DEREGISTER_ENTITY", "ADD_NEXTHOP",
            "DELETE_NEXTHOP", "ADD_ROUTE", "DELETE_ROUTE", "HOLD_DESTINATION", "CREATE_ROUTE_LIST",
            "DELETE_ROUTE_LIST", "INSERT_IN_ROUTE_LIST", "REGISTER_CHANGE_NOTIFICATION",
            "DEREGISTER_CHANGE_NOTIFICATION", "MARK_DEST", "SET_OPAQUE", "INVOKE_METHOD", "METHOD_RESULT",
            "BLOCK_METHODS", "ADD_ROUTES", "DELETE_ROUTES", "DELETE_NEIGHBOUR_ROUTES", "SYNC");

    private static final InputEnvelope ENVELOPE = new InputEnvelope("op", OPS);

    private CommandReader() {
    }

    public static Decoded<Command> read(byte[] key, byte[] value) {
        if (value == null) {
            return InputEnvelope.tombstone("a command");
        }
        WireCommand w;
        try {
            w = READER.readValue(value);
        } catch (MismatchedInputException e) {
            return ENVELOPE.mistyped(key, value, e, CommandReader::envelope);
        } catch (IOException e) {
            return InputEnvelope.notJson(e);
        }
        if (w == null) {
            return new Decoded.Rejected<>("not a JSON object");
        }
        String problem = ENVELOPE.problem(key, w.op(), w.router());
        if (problem != null) {
            return new Decoded.Rejected<>(problem);
        }
        Envelope env = envelope(w);
        try {
            return new Decoded.Valid<>(env, toCommand(w));
        } catch (RtmException e) {
            return InputEnvelope.invalid(env, e);
        } catch (IllegalArgumentException e) {
            return InputEnvelope.invalid(env, e);
        }
    }

    /** The envelope of a command with fields of the wrong JSON types, from what of it is readable. */
    private static Envelope envelope(JsonNode t) {
        return new Envelope(text(t, "op"), text(t, "requestId"), text(t, "router"), instance(t), entity(t),
                Ack.lenient(text(t, "ack")));
    }

    private static int instance(JsonNode tree) {
        JsonNode inst = tree.get("rtmInstance");
        return inst != null && inst.canConvertToInt() && inst.isIntegralNumber() ? inst.intValue() : 0;
    }

    /** The caller of a mistyped command, when its own field is readable, so that its result names it too. */
    private static EntityId entity(JsonNode tree) {
        JsonNode n = tree.get("entity");
        if (n == null || !n.isObject()) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(n, WireEntity.class).toEntity("entity");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Envelope envelope(WireCommand w) {
        EntityId entity = null;
        try {
            entity = w.entity() == null ? null : w.entity().toEntity("entity");
        } catch (IllegalArgumentException ignored) {
            // reported when the command is built
        }
        return new Envelope(w.op(), w.requestId(), w.router(), w.rtmInstance() == null ? 0 : w.rtmInstance(), entity,
                Ack.lenient(w.ack()));
    }

    private static Command toCommand(WireCommand w) {
        required("requestId", w.requestId());
        Ack.fromWire(w.ack());
        String r = io.rtmstreams.rtm.TableId.checkRouter(w.router());
        int inst = io.rtmstreams.rtm.TableId.checkInstance(w.rtmInstance() == null ? 0 : w.rtmInstance());
        EntityId e = required("entity", w.entity()).toEntity("entity");
        var f = family(w.family());
        return switch (w.op()) {
            case "REGISTER_ENTITY" -> new Command.RegisterEntity(r, inst, e, required("family", f),
                    w.expiryPolicy() == null ? null : expiryPolicy(w.expiryPolicy()), w.methods());
            case "DEREGISTER_ENTITY" -> new Command.DeregisterEntity(r, inst, e, required("family", f));
            case "ADD_NEXTHOP" -> new Command.AddNextHop(r, inst, e, f, required("nextHop", w.nextHop()).toSpec("nextHop"));
            case "DELETE_NEXTHOP" -> deleteNextHop(w, r, inst, e, f);
            case "ADD_ROUTE" -> addRoute(WireRoute.of(w), r, inst, e);
            case "DELETE_ROUTE" -> deleteRoute(WireRoute.of(w), r, inst, e);
            case "HOLD_DESTINATION" -> new Command.HoldDestination(r, inst, e, f, prefix("dest", w.dest()),
                    WireValues.views("views", w.views()), u32("holdTimeMs", w.holdTimeMs()));
            case "CREATE_ROUTE_LIST" -> new Command.CreateRouteList(r, inst, e, f, required("routeList", w.routeList()));
            case "DELETE_ROUTE_LIST" -> new Command.DeleteRouteList(r, inst, e, f, required("routeList", w.routeList()));
            case "INSERT_IN_ROUTE_LIST" -> new Command.InsertInRouteList(r, inst, e, f, w.routeList(),
                    required("routeIds", w.routeIds()));
            case "REGISTER_CHANGE_NOTIFICATION" -> new Command.RegisterChangeNotification(r, inst, e, f,
                    required("registrationId", w.registrationId()), WireValues.views("views", w.views()),
                    WireValues.changeTypes(w.changeTypes()), Boolean.TRUE.equals(w.onlyMarkedDests()));
            case "DEREGISTER_CHANGE_NOTIFICATION" -> new Command.DeregisterChangeNotification(r, inst, e, f,
                    required("registrationId", w.registrationId()));
            case "MARK_DEST" -> new Command.MarkDest(r, inst, e, f, required("registrationId", w.registrationId()),
                    prefix("dest", w.dest()), required("mark", w.mark()));
            case "SET_OPAQUE" -> new Command.SetOpaque(r, inst, e, f, prefix("dest", w.dest()), w.value());
            case "INVOKE_METHOD" -> new Command.InvokeMethod(r, inst, e, f, required("target", w.target()).toEntity("target"),
                    required("methods", w.methods()), required("invocationId", w.invocationId()), w.input());
            case "METHOD_RESULT" -> new Command.MethodResult(r, inst, e, f, required("invocationId", w.invocationId()),
                    w.caller() == null ? null : w.caller().toEntity("caller"), WireValues.status(w.status()), w.output());
            case "BLOCK_METHODS" -> new Command.BlockMethods(r, inst, e, f, required("block", w.block()));
            case "ADD_ROUTES" -> new Command.AddRoutes(r, inst, e, f,
                    batch(w, route -> addRoute(route, r, inst, e)));
            case "DELETE_ROUTES" -> new Command.DeleteRoutes(r, inst, e, f,
                    batch(w, route -> deleteRoute(route, r, inst, e)));
            case "DELETE_NEIGHBOUR_ROUTES" -> deleteNeighbourRoutes(w, r, inst, e, f);
            case "SYNC" -> new Command.Sync(r, inst, e, required("family", f), w.marker());
            default -> throw new IllegalStateException("op list and switch disagree on " + w.op());
        };
    }

    /** D29: {@code neighbour} names the peer by address, on one interface index or (none given) on all. */
    private static Command.DeleteNeighbourRoutes deleteNeighbourRoutes(WireCommand w, String r, int inst, EntityId e,
                                                                       io.rtmstreams.net.IpFamily f) {
        WireNextHop n = required("neighbour", w.neighbour());
        io.rtmstreams.net.IpAddress address = io.rtmstreams.net.IpAddress.parse(required("neighbour.address",
                n.address()));
        Long since = w.notUpdatedSinceMs() == null ? null : epochMillis("notUpdatedSinceMs", w.notUpdatedSinceMs());
        Long index = n.interfaceIndex() == null ? null : u32("neighbour.interfaceIndex", n.interfaceIndex());
        return new Command.DeleteNeighbourRoutes(r, inst, e, f, address, index, since);
    }

    /**
     * A time compared with record timestamps (D29: a route's last update is its record's timestamp): milliseconds
     * since the epoch, so not an unsigned 32-bit number (which ends in January 1970) but any non-negative long.
     */
    private static long epochMillis(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(field + " must be a time in milliseconds since the epoch, not " + v);
        }
        return v;
    }

    private static Command.AddRoute addRoute(WireRoute w, String r, int inst, EntityId e) {
        var hops = new java.util.ArrayList<io.rtmstreams.rtm.NextHopSpec>();
        var wireHops = w.nextHops() == null ? java.util.List.<WireNextHop>of() : w.nextHops();
        for (int i = 0; i < wireHops.size(); i++) {
            hops.add(required("nextHops[" + i + "]", wireHops.get(i)).toSpec("nextHops[" + i + "]"));
        }
        return new Command.AddRoute(r, inst, e, family(w.family()), prefix("dest", w.dest()), hops,
                w.neighbour() == null ? null : w.neighbour().toSpec("neighbour"),
                u32("preference", w.preference()), u32("metric", w.metric()), WireValues.views("views", w.views()),
                WireValues.routeFlags(w.flags()), WireValues.ttl(w.timeToLiveMs()),
                WireValues.inputChangeFlags(w.changeFlags()), w.routeId(), w.routeList(), w.entitySpecificInfo());
    }

    private static Command.DeleteRoute deleteRoute(WireRoute w, String r, int inst, EntityId e) {
        if (w.routeId() == null && w.dest() == null) {
            throw new IllegalArgumentException("DELETE_ROUTE needs routeId, or dest and neighbour");
        }
        return new Command.DeleteRoute(r, inst, e, family(w.family()), w.routeId(),
                w.dest() == null ? null : prefix("dest", w.dest()),
                w.neighbour() == null ? null : w.neighbour().toSpec("neighbour"));
    }

    /** Reads one route of a batch into its single command. */
    @FunctionalInterface
    private interface RouteReader<C extends Command> {
        C read(WireRoute route);
    }

    /**
     * The routes of a batch (D25), each read under the top-level fields as its single command would be read; one
     * that cannot be read is answered as that command would be, and the others are read all the same. The batch
     * itself is invalid without routes, with more than {@link Command.Batch#MAX_ROUTES}, or with a top-level
     * {@code routeId}.
     */
    private static <C extends Command> List<BatchRoute<C>> batch(WireCommand w, RouteReader<C> reader) {
        List<JsonNode> elements = required("routes", w.routes());
        if (elements.isEmpty() || elements.size() > Command.Batch.MAX_ROUTES) {
            throw new IllegalArgumentException("routes must hold 1 to " + Command.Batch.MAX_ROUTES + " routes (D25), not "
                    + elements.size());
        }
        if (w.routeId() != null) {
            throw new IllegalArgumentException("routeId belongs in the routes of a batch, not at its top level");
        }
        WireRoute top = WireRoute.of(w);
        List<BatchRoute<C>> routes = new ArrayList<>(elements.size());
        for (JsonNode element : elements) {
            routes.add(batchRoute(top, element, reader));
        }
        return routes;
    }

    private static <C extends Command> BatchRoute<C> batchRoute(WireRoute top, JsonNode element, RouteReader<C> reader) {
        try {
            return BatchRoute.of(reader.read(top.inheritedBy(element)));
        } catch (MismatchedInputException e) {
            return BatchRoute.unreadable(Status.ERROR_INVALID_PARAMETER, InputEnvelope.wrongType(e));
        } catch (RtmException e) {
            return BatchRoute.unreadable(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return BatchRoute.unreadable(Status.ERROR_INVALID_PARAMETER, e.getMessage());
        } catch (JsonProcessingException e) {
            return BatchRoute.unreadable(Status.ERROR_INVALID_PARAMETER, InputEnvelope.firstLine(e));
        }
    }

    private static Command deleteNextHop(WireCommand w, String r, int inst, EntityId e, io.rtmstreams.net.IpFamily f) {
        if ((w.nextHop() == null) == (w.nextHopId() == null)) {
            throw new IllegalArgumentException("DELETE_NEXTHOP needs exactly one of nextHop and nextHopId");
        }
        return new Command.DeleteNextHop(r, inst, e, f, w.nextHop() == null ? null : w.nextHop().toSpec("nextHop"),
                w.nextHopId());
    }

    private static ExpiryPolicy expiryPolicy(String v) {
        try {
            return ExpiryPolicy.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expiryPolicy must be DELETE or NOTIFY");
        }
    }
}
