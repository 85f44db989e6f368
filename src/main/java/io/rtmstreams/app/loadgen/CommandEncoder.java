package io.rtmstreams.app.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.WireCommand;
import io.rtmstreams.contract.WireEntity;
import io.rtmstreams.contract.WireInterfaceChange;
import io.rtmstreams.contract.WireInterfaceRow;
import io.rtmstreams.contract.WireNextHop;
import io.rtmstreams.contract.WireRoute;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.streams.Topics;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link FleetCommand} as the contract's JSON (contract.md, Commands and Interface changes) through the wire
 * types the processor reads it with, so the two cannot drift apart. A batch puts what its routes share (entity,
 * neighbour, next hop, preference, views) at its top level and each route's own fields in its element (D25).
 */
public final class CommandEncoder {

    private static final ObjectWriter COMMAND = Json.MAPPER.writerFor(WireCommand.class);
    private static final ObjectWriter INTERFACE_CHANGE = Json.MAPPER.writerFor(WireInterfaceChange.class);
    private static final WireEntity BGP = new WireEntity((long) FleetShape.BGP, (long) FleetShape.ENTITY_INSTANCE);
    private static final String IPV4 = IpFamily.IPV4.wireName();
    private static final List<String> UNICAST = List.of("unicast");

    private CommandEncoder() {
    }

    /** The input topic the command goes to. */
    public static String topic(FleetCommand command, Topics topics) {
        return command instanceof FleetCommand.InterfaceChange ? topics.interfaceChanges() : topics.routeAdverts();
    }

    /** The command's JSON, UTF-8. */
    public static byte[] encode(FleetCommand command) {
        try {
            if (command instanceof FleetCommand.InterfaceChange change) {
                return INTERFACE_CHANGE.writeValueAsBytes(interfaceChange(change));
            }
            return COMMAND.writeValueAsBytes(wire(command));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the wire types always serialize", e);
        }
    }

    private static WireCommand wire(FleetCommand command) {
        if (command instanceof FleetCommand.Advertise c) {
            return c.batch() ? addRoutes(c) : addRoute(c);
        }
        if (command instanceof FleetCommand.Withdraw c) {
            return c.batch() ? deleteRoutes(c) : deleteRoute(c);
        }
        if (command instanceof FleetCommand.Sync c) {
            return command("SYNC", c, IPV4, null, null, null, null, null, c.marker());
        }
        if (command instanceof FleetCommand.Register c) {
            return command("REGISTER_ENTITY", c, IPV4, null, null, null, null, null, null);
        }
        throw new IllegalArgumentException("not a command of rtm.route-adverts: " + command);
    }

    private static WireCommand addRoute(FleetCommand.Advertise c) {
        FleetCommand.Route route = c.routes().get(0);
        return command("ADD_ROUTE", c, null, route.dest().toString(), c.neighbour(), route.metric(), null, null,
                null);
    }

    private static WireCommand addRoutes(FleetCommand.Advertise c) {
        List<JsonNode> routes = c.routes().stream().map(r -> element(r.dest().toString(), r.metric())).toList();
        return command("ADD_ROUTES", c, null, null, c.neighbour(), null, routes, Ack.ERRORS.name(), null);
    }

    private static WireCommand deleteRoute(FleetCommand.Withdraw c) {
        return withdrawal("DELETE_ROUTE", c, c.dests().get(0).toString(), null, null);
    }

    private static WireCommand deleteRoutes(FleetCommand.Withdraw c) {
        List<JsonNode> routes = c.dests().stream().map(d -> element(d.toString(), null)).toList();
        return withdrawal("DELETE_ROUTES", c, null, routes, Ack.ERRORS.name());
    }

    /**
     * A route of a batch: its destination and, for an add, its metric; the rest comes from the top level. The element
     * is written as it is serialized with the command (a POJO node), not first copied into a tree.
     */
    private static JsonNode element(String dest, Long metric) {
        return Json.MAPPER.getNodeFactory().pojoNode(new WireRoute(null, dest, null, null, null, metric, null, null,
                null, null, null, null, null));
    }

    /** An add's top level: the neighbour is also the next hop; preference and views are the fleet's. */
    private static WireCommand command(String op, FleetCommand c, String family, String dest,
                                       FleetCommand.Neighbour neighbour, Long metric, List<JsonNode> routes,
                                       String ack, String marker) {
        WireNextHop hop = neighbour == null ? null : nextHop(neighbour);
        return new WireCommand(op, c.requestId(), c.router(), null, BGP, family, null, null, null, null, dest,
                hop == null ? null : List.of(hop), hop, hop == null ? null : FleetShape.PREFERENCE, metric,
                hop == null ? null : UNICAST, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, routes, ack, null, marker);
    }

    /** A withdrawal names the neighbour only: a route's identity is (destination, owner, neighbour). */
    private static WireCommand withdrawal(String op, FleetCommand.Withdraw c, String dest, List<JsonNode> routes,
                                          String ack) {
        return new WireCommand(op, c.requestId(), c.router(), null, BGP, null, null, null, null, null, dest, null,
                nextHop(c.neighbour()), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, routes, ack, null, null);
    }

    private static WireNextHop nextHop(FleetCommand.Neighbour n) {
        return new WireNextHop(n.address().toString(), (long) n.interfaceIndex(), null, null);
    }

    /** The whole row (PARAMETER_CHANGE replaces the stored one): keys, metric, state and the one address. */
    private static WireInterfaceChange interfaceChange(FleetCommand.InterfaceChange c) {
        WireInterfaceRow row = new WireInterfaceRow(IPV4, Long.toUnsignedString(c.luid()), (long) c.interfaceIndex(),
                null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, null, null,
                null, null, null, null, null, FleetShape.INTERFACE_METRIC, null, c.connected(), null, null, null, null,
                null, null, null, null, null, null, List.of(c.address().toString()));
        return new WireInterfaceChange(c.router(), c.requestId(), c.type().name(), row);
    }
}
