package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.List;
import java.util.Objects;

/**
 * Work a command or an interface change started that did not fit one budget (D24), with its progress: kept in
 * state under its router, so it survives restarts and goes on where it stopped. A router has at most one: while it
 * has work pending, its later records wait. Most kinds need no cursor because their progress is the state itself
 * (the index entries they delete); an interface recomputation, which deletes nothing, remembers the last
 * destination it recomputed. Every effect of a step carries {@link #now()}, the time of the record that started
 * the work, exactly as if the work had been done at once.
 */
public sealed interface PendingWork {

    String router();

    /** The time of the record that started the work; every step acts at this time. */
    long now();

    /**
     * D14: recompute the destinations with a next hop on each of {@code indexes} in turn (the router's tables of
     * {@code family}, every RTM instance), in the interface index's order; {@code afterInstance}/{@code afterDest}
     * is the last destination of the first index already recomputed (null: none yet).
     */
    record RecomputeInterfaces(String router, IpFamily family, List<Long> indexes, int afterInstance,
                               Prefix afterDest, long now) implements PendingWork {
        public RecomputeInterfaces {
            indexes = List.copyOf(indexes);
            if (indexes.isEmpty()) {
                throw new IllegalArgumentException("nothing to recompute");
            }
        }
    }

    /** D3: deregister the entity: its registrations, then its routes, then the rest (R26). */
    record DeregisterEntity(TableId table, EntityId entity, long now) implements PendingWork {
        public DeregisterEntity {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(entity, "entity");
        }

        @Override
        public String router() {
            return table.router();
        }
    }

    /** R99: end a change-notification registration, withdrawing what was published for it. */
    record EndRegistration(TableId table, String registrationId, long now) implements PendingWork {
        public EndRegistration {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(registrationId, "registrationId");
        }

        @Override
        public String router() {
            return table.router();
        }
    }

    /**
     * D29: delete the owner's routes learned from the neighbour {@code address} (on {@code interfaceIndex}, any when
     * null), only those last updated before {@code notUpdatedSince} when it is set; {@code after} is the last
     * destination looked at (null: none yet) and {@code deleted} how many routes went so far.
     */
    record DeleteNeighbourRoutes(TableId table, EntityId owner, io.rtmstreams.net.IpAddress address,
                                 Long interfaceIndex, Long notUpdatedSince, long now, Prefix after, long deleted)
            implements PendingWork {
        public DeleteNeighbourRoutes {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String router() {
            return table.router();
        }
    }

    /** R132: delete a route list; its routes stay, in no list. */
    record DeleteRouteList(TableId table, EntityId owner, String name, long now) implements PendingWork {
        public DeleteRouteList {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String router() {
            return table.router();
        }
    }
}
