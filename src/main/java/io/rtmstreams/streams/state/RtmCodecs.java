package io.rtmstreams.streams.state;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.ChangeRegistration;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.Entity;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ExpiryPolicy;
import io.rtmstreams.rtm.Hold;
import io.rtmstreams.rtm.Invocation;
import io.rtmstreams.rtm.NextHop;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.PendingWork;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.RouteLocation;
import io.rtmstreams.rtm.SelectionReason;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.TimerRef;
import io.rtmstreams.rtm.ViewSlot;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary codecs of the RTM engine's state values. Every top-level value starts with a format byte, so the layout
 * can evolve without guessing. Addresses inside a table value are written without their family, which the table
 * or prefix already gives.
 */
public final class RtmCodecs {

    static final int FORMAT = 1;
    static final int DESTINATION_FORMAT = 3;
    /** Destinations with each view's selection reason but not yet each route's last-update time. */
    static final int REASONS_FORMAT = 2;
    private static final SelectionReason[] REASONS = SelectionReason.values();

    private RtmCodecs() {
    }

    public static final Codec<Boolean> MARKER = new Codec<>() {
        @Override
        public void write(Boolean v, BinaryWriter out) {
            out.bool(v);
        }

        @Override
        public Boolean read(BinaryReader in) {
            return in.bool();
        }
    };

    public static final Codec<Long> LONG = new Codec<>() {
        @Override
        public void write(Long v, BinaryWriter out) {
            out.zigzag(v);
        }

        @Override
        public Long read(BinaryReader in) {
            return in.zigzag();
        }
    };

    public static final Codec<String> STRING = new Codec<>() {
        @Override
        public void write(String v, BinaryWriter out) {
            out.string(v);
        }

        @Override
        public String read(BinaryReader in) {
            return in.string();
        }
    };

    /**
     * Destinations are written in format {@value #DESTINATION_FORMAT}: format 2 added each view's selection reason,
     * format 3 each route's last-update time (D29). Formats 1 and 2 are still read: the reasons are then null and
     * derived from the routes where they are needed, the update times 0 (so a sweep deletes such a route unless it
     * has been re-advertised since).
     */
    public static final Codec<Destination> DESTINATION = new Codec<>() {
        @Override
        public void write(Destination d, BinaryWriter out) {
            out.u8(DESTINATION_FORMAT);
            writePrefix(d.prefix(), out);
            out.varint(d.routes().size());
            for (Route r : d.routes()) {
                writeRoute(r, out);
                out.varint(r.updatedAt());
            }
            writeSlot(d.unicast(), out);
            writeSlot(d.multicast(), out);
            Hold h = d.hold();
            out.varint(h.armedMs()).varint(h.startedAt()).varint(h.runningMs()).varint(h.deadline());
            out.varint(d.lastChanged()).varint(d.nextSeq());
        }

        @Override
        public Destination read(BinaryReader in) {
            int format = in.u8();
            if (format < FORMAT || format > DESTINATION_FORMAT) {
                throw new IllegalStateException("unknown destination format " + format);
            }
            boolean reasons = format >= REASONS_FORMAT;
            Prefix p = readPrefix(in);
            int n = in.varint32();
            List<Route> routes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Route r = readRoute(p.family(), in);
                routes.add(format == DESTINATION_FORMAT ? r.withUpdatedAt(in.varint()) : r);
            }
            ViewSlot u = readSlot(p.family(), reasons, in);
            ViewSlot m = readSlot(p.family(), reasons, in);
            Hold h = new Hold(in.varint(), in.varint(), in.varint(), in.varint());
            return new Destination(p, routes, u, m, h, in.varint(), in.varint());
        }
    };

    public static final Codec<RouteLocation> ROUTE_LOCATION = versioned(new Codec<>() {
        @Override
        public void write(RouteLocation l, BinaryWriter out) {
            writeTable(l.table(), out);
            writePrefix(l.dest(), out);
            out.bool(l.deleted() != null);
            if (l.deleted() != null) {
                writeRoute(l.deleted(), out);
                out.varint(l.deletedAt());
            }
        }

        @Override
        public RouteLocation read(BinaryReader in) {
            TableId t = readTable(in);
            Prefix p = readPrefix(in);
            if (!in.bool()) {
                return new RouteLocation(t, p, null, 0);
            }
            Route r = readRoute(t.family(), in);
            return new RouteLocation(t, p, r, in.varint());
        }
    });

    public static final Codec<NextHop> NEXT_HOP = versioned(new Codec<>() {
        @Override
        public void write(NextHop nh, BinaryWriter out) {
            out.varint(nh.id());
            writeTable(nh.table(), out);
            writeEntity(nh.owner(), out);
            out.raw(nh.address().toBytes()).varint(nh.interfaceIndex()).varint(nh.flags());
            out.optString(nh.entitySpecificInfo());
        }

        @Override
        public NextHop read(BinaryReader in) {
            long id = in.varint();
            TableId t = readTable(in);
            EntityId owner = readEntity(in);
            IpAddress a = readAddress(t.family(), in);
            return new NextHop(id, t, owner, a, in.varint(), in.varint32(), in.optString());
        }
    });

    public static final Codec<Entity> ENTITY = versioned(new Codec<>() {
        @Override
        public void write(Entity e, BinaryWriter out) {
            writeEntity(e.id(), out);
            out.u8(e.expiryPolicy().ordinal());
            writeStrings(e.methods(), out);
            out.bool(e.blocked()).bool(e.opaqueSlot()).varint(e.registeredAt());
        }

        @Override
        public Entity read(BinaryReader in) {
            return new Entity(readEntity(in), ExpiryPolicy.values()[in.u8()], readStrings(in), in.bool(), in.bool(),
                    in.varint());
        }
    });

    public static final Codec<ChangeRegistration> REGISTRATION = versioned(new Codec<>() {
        @Override
        public void write(ChangeRegistration r, BinaryWriter out) {
            out.string(r.id());
            writeTable(r.table(), out);
            writeEntity(r.owner(), out);
            out.varint(r.views()).varint(r.changeTypes()).bool(r.onlyMarked());
        }

        @Override
        public ChangeRegistration read(BinaryReader in) {
            return new ChangeRegistration(in.string(), readTable(in), readEntity(in), in.varint32(), in.varint32(),
                    in.bool());
        }
    });

    public static final Codec<Invocation> INVOCATION = versioned(new Codec<>() {
        @Override
        public void write(Invocation i, BinaryWriter out) {
            out.string(i.id());
            writeTable(i.table(), out);
            writeEntity(i.caller(), out);
            writeEntity(i.target(), out);
            writeStrings(i.methods(), out);
            out.varint(i.methodBits()).optString(i.input()).bool(i.delivered()).varint(i.seq());
        }

        @Override
        public Invocation read(BinaryReader in) {
            return new Invocation(in.string(), readTable(in), readEntity(in), readEntity(in), readStrings(in),
                    in.varint(), in.optString(), in.bool(), in.varint());
        }
    });

    public static final Codec<TimerRef> TIMER = versioned(new Codec<>() {
        @Override
        public void write(TimerRef t, BinaryWriter out) {
            out.u8(t.kind().ordinal()).varint(t.deadline());
            writeTable(t.table(), out);
            writePrefix(t.dest(), out);
            out.varint(t.routeId());
        }

        @Override
        public TimerRef read(BinaryReader in) {
            TimerRef.Kind kind = TimerRef.Kind.values()[in.u8()];
            return new TimerRef(kind, in.varint(), readTable(in), readPrefix(in), in.varint());
        }
    });

    /** Pending work (D24): a kind byte, then the kind's fields. */
    public static final Codec<PendingWork> PENDING_WORK = versioned(new Codec<>() {
        @Override
        public void write(PendingWork w, BinaryWriter out) {
            if (w instanceof PendingWork.RecomputeInterfaces r) {
                out.u8(1).string(r.router()).u8(r.family().afNumber()).varint(r.indexes().size());
                r.indexes().forEach(out::varint);
                out.varint(r.afterInstance()).bool(r.afterDest() != null);
                if (r.afterDest() != null) {
                    writePrefix(r.afterDest(), out);
                }
            } else if (w instanceof PendingWork.DeregisterEntity d) {
                out.u8(2);
                writeTable(d.table(), out);
                writeEntity(d.entity(), out);
            } else if (w instanceof PendingWork.EndRegistration e) {
                out.u8(3);
                writeTable(e.table(), out);
                out.string(e.registrationId());
            } else if (w instanceof PendingWork.DeleteRouteList l) {
                out.u8(4);
                writeTable(l.table(), out);
                writeEntity(l.owner(), out);
                out.string(l.name());
            } else if (w instanceof PendingWork.DeleteNeighbourRoutes n) {
                out.u8(5);
                writeTable(n.table(), out);
                writeEntity(n.owner(), out);
                out.raw(n.address().toBytes());
                writeOptional(n.interfaceIndex(), out);
                writeOptional(n.notUpdatedSince(), out);
                out.bool(n.after() != null);
                if (n.after() != null) {
                    writePrefix(n.after(), out);
                }
                out.varint(n.deleted());
            } else {
                throw new IllegalArgumentException("no codec for " + w);
            }
            out.zigzag(w.now());
        }

        @Override
        public PendingWork read(BinaryReader in) {
            return switch (in.u8()) {
                case 1 -> readRecompute(in);
                case 2 -> new PendingWork.DeregisterEntity(readTable(in), readEntity(in), in.zigzag());
                case 3 -> new PendingWork.EndRegistration(readTable(in), in.string(), in.zigzag());
                case 4 -> new PendingWork.DeleteRouteList(readTable(in), readEntity(in), in.string(), in.zigzag());
                case 5 -> readDeleteNeighbourRoutes(in);
                default -> throw new IllegalStateException("unknown pending work");
            };
        }

        private PendingWork readDeleteNeighbourRoutes(BinaryReader in) {
            TableId t = readTable(in);
            EntityId owner = readEntity(in);
            IpAddress address = readAddress(t.family(), in);
            Long ifIndex = readOptional(in);
            Long since = readOptional(in);
            Prefix after = in.bool() ? readPrefix(in) : null;
            long deleted = in.varint();
            return new PendingWork.DeleteNeighbourRoutes(t, owner, address, ifIndex, since, in.zigzag(), after,
                    deleted);
        }

        private PendingWork readRecompute(BinaryReader in) {
            String router = in.string();
            IpFamily family = IpFamily.fromAfNumber(in.u8());
            int n = in.varint32();
            List<Long> indexes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                indexes.add(in.varint());
            }
            int afterInstance = in.varint32();
            Prefix afterDest = in.bool() ? readPrefix(in) : null;
            return new PendingWork.RecomputeInterfaces(router, family, indexes, afterInstance, afterDest,
                    in.zigzag());
        }
    });

    // ---- parts ----------------------------------------------------------------------------------------------

    static <V> Codec<V> versioned(Codec<V> body) {
        return new Codec<>() {
            @Override
            public void write(V value, BinaryWriter out) {
                out.u8(FORMAT);
                body.write(value, out);
            }

            @Override
            public V read(BinaryReader in) {
                int format = in.u8();
                if (format != FORMAT) {
                    throw new IllegalStateException("unknown state format " + format);
                }
                return body.read(in);
            }
        };
    }

    static void writeOptional(Long v, BinaryWriter out) {
        out.bool(v != null);
        if (v != null) {
            out.zigzag(v);
        }
    }

    static Long readOptional(BinaryReader in) {
        return in.bool() ? in.zigzag() : null;
    }

    static void writeTable(TableId t, BinaryWriter out) {
        out.string(t.router()).varint(t.rtmInstance()).u8(t.family().afNumber());
    }

    static TableId readTable(BinaryReader in) {
        return TableId.of(in.string(), in.varint32(), IpFamily.fromAfNumber(in.u8()));
    }

    static void writeEntity(EntityId e, BinaryWriter out) {
        out.varint(e.protocolId()).varint(e.instanceId());
    }

    static EntityId readEntity(BinaryReader in) {
        return new EntityId(in.varint(), in.varint());
    }

    static void writePrefix(Prefix p, BinaryWriter out) {
        out.u8(p.family().afNumber());
        byte[] key = new byte[p.keySize()];
        p.writeKey(key, 0);
        out.raw(key);
    }

    static Prefix readPrefix(BinaryReader in) {
        IpFamily f = IpFamily.fromAfNumber(in.u8());
        return Prefix.readKey(f, in.raw(f.bytes() + 1), 0);
    }

    static IpAddress readAddress(IpFamily f, BinaryReader in) {
        return IpAddress.ofBytes(in.raw(f.bytes()));
    }

    static void writeHop(NextHopRef h, BinaryWriter out) {
        out.varint(h.id()).raw(h.address().toBytes()).varint(h.interfaceIndex());
    }

    static NextHopRef readHop(IpFamily f, BinaryReader in) {
        long id = in.varint();
        return new NextHopRef(id, readAddress(f, in), in.varint());
    }

    /** The neighbour is usually one of the route's own next hops: then only its position is written. */
    static void writeRoute(Route r, BinaryWriter out) {
        out.varint(r.id());
        writeEntity(r.owner(), out);
        out.varint(r.nextHops().size());
        for (NextHopRef h : r.nextHops()) {
            writeHop(h, out);
        }
        int at = r.neighbour() == null ? -1 : r.nextHops().indexOf(r.neighbour());
        if (r.neighbour() == null) {
            out.varint(0);
        } else if (at >= 0) {
            out.varint(at + 1);
        } else {
            out.varint(r.nextHops().size() + 1);
            writeHop(r.neighbour(), out);
        }
        out.varint(r.flags()).varint(r.preference()).varint(r.metric()).varint(r.views());
        out.optString(r.entitySpecificInfo()).optString(r.routeList());
        out.varint(r.expiresAt()).varint(r.seq());
        RouteCost c = r.cost();
        out.bool(c.eligible()).varint(c.interfaceMetric()).varint(c.usableMask()).varint(c.interfaces());
    }

    static Route readRoute(IpFamily f, BinaryReader in) {
        long id = in.varint();
        EntityId owner = readEntity(in);
        int n = in.varint32();
        List<NextHopRef> hops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hops.add(readHop(f, in));
        }
        int ref = in.varint32();
        NextHopRef neighbour = ref == 0 ? null : ref <= n ? hops.get(ref - 1) : readHop(f, in);
        int flags = in.varint32();
        long pref = in.varint();
        long metric = in.varint();
        int views = in.varint32();
        String info = in.optString();
        String list = in.optString();
        long expiresAt = in.varint();
        long seq = in.varint();
        RouteCost cost = new RouteCost(in.bool(), in.varint(), in.varint(), in.varint());
        return new Route(id, owner, neighbour, flags, pref, metric, views, hops, info, list, expiresAt, seq, cost, 0);
    }

    /** A view slot; the reason as its ordinal plus one, 0 for none. */
    static void writeSlot(ViewSlot s, BinaryWriter out) {
        out.varint(s.bestRouteId()).u8(s.reason() == null ? 0 : s.reason().ordinal() + 1);
        out.varint(s.version()).varint(s.bestVersion()).bool(s.holdRoute() != null);
        if (s.holdRoute() != null) {
            writeRoute(s.holdRoute(), out);
        }
    }

    static ViewSlot readSlot(IpFamily f, boolean withReason, BinaryReader in) {
        long best = in.varint();
        int reason = withReason ? in.u8() : 0;
        long version = in.varint();
        long bestVersion = in.varint();
        Route hold = in.bool() ? readRoute(f, in) : null;
        return new ViewSlot(best, reason == 0 ? null : REASONS[reason - 1], hold, version, bestVersion);
    }

    static void writeStrings(List<String> list, BinaryWriter out) {
        out.varint(list.size());
        list.forEach(out::string);
    }

    static List<String> readStrings(BinaryReader in) {
        int n = in.varint32();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.string());
        }
        return out;
    }
}
