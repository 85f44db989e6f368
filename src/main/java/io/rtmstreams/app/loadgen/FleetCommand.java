package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;

import java.util.List;
import java.util.Objects;

/**
 * A record the generator sends for a router, before {@link CommandEncoder} writes it in the contract's JSON: what a
 * BGP feeder says (register its entity, bring an interface up or down, advertise or withdraw routes of one
 * neighbour, mark the end of a table). Routes of a batch share their neighbour, as a BGP UPDATE's NLRIs share
 * their attributes.
 */
public sealed interface FleetCommand {

    String router();

    String requestId();

    /** The routes it advertises or withdraws. */
    default int adverts() {
        return 0;
    }

    /** REGISTER_ENTITY of the fleet's BGP entity (D28: protocol 14, instance 1) for IPv4. */
    record Register(String router, String requestId) implements FleetCommand {
    }

    /** An interface row on {@code rtm.interface-changes}: added, or changed to {@code connected}. */
    record InterfaceChange(String router, String requestId, Type type, int interfaceIndex, long luid,
                           IpAddress address, boolean connected) implements FleetCommand {

        public enum Type { ADD_INSTANCE, PARAMETER_CHANGE }
    }

    /** A BGP neighbour: its address on an interface, also the next hop of its routes. */
    record Neighbour(IpAddress address, int interfaceIndex) {
    }

    /** One route of an advert: its destination and metric. */
    record Route(Prefix dest, long metric) {
    }

    /**
     * Routes of one neighbour added or updated: an ADD_ROUTES of up to {@value Command.Batch#MAX_ROUTES} routes with
     * {@code ack: ERRORS} when {@code batch}, else one ADD_ROUTE (answered whatever its status).
     */
    record Advertise(String router, String requestId, Neighbour neighbour, List<Route> routes, boolean batch)
            implements FleetCommand {

        public Advertise {
            routes = List.copyOf(routes);
            checkSize(routes.size(), batch);
            Objects.requireNonNull(neighbour, "neighbour");
        }

        @Override
        public int adverts() {
            return routes.size();
        }
    }

    /** Routes of one neighbour withdrawn: a DELETE_ROUTES when {@code batch}, else one DELETE_ROUTE. */
    record Withdraw(String router, String requestId, Neighbour neighbour, List<Prefix> dests, boolean batch)
            implements FleetCommand {

        public Withdraw {
            dests = List.copyOf(dests);
            checkSize(dests.size(), batch);
            Objects.requireNonNull(neighbour, "neighbour");
        }

        @Override
        public int adverts() {
            return dests.size();
        }
    }

    /** SYNC (D30) of the BGP entity for IPv4: the table is complete up to here. */
    record Sync(String router, String requestId, String marker) implements FleetCommand {
    }

    private static void checkSize(int routes, boolean batch) {
        if (routes < 1 || routes > (batch ? Command.Batch.MAX_ROUTES : 1)) {
            throw new IllegalArgumentException((batch ? "a batch carries 1 to " + Command.Batch.MAX_ROUTES
                    : "a single command carries 1") + " routes, not " + routes);
        }
    }
}
