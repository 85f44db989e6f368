package io.rtmstreams.app.loadgen;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The first phase of a fleet's load, router by router as a BGP feeder does it: register the BGP entity and bring
 * every interface up ({@link #bringUp}, whose results a feeder waits for: the two input topics interleave by record
 * time, D30), send the table ({@link #table}: for each peer, interface by interface, the routes in slot order,
 * {@code batch} to a command), and end it with a SYNC whose result says the table is in ({@link #sync}). Each advert
 * is recorded in the model as the table's iterator hands it out.
 */
public final class InitialLoad {

    /** The SYNC marker of a complete table, as importers send it. */
    public static final String END_OF_RIB = "end-of-rib";

    private final FleetModel model;
    private final FleetShape shape;
    private final int batch;

    /** {@code batch}: routes per command, 1 for single ADD_ROUTEs, up to 5,000 for ADD_ROUTES (D25). */
    public InitialLoad(FleetModel model, int batch) {
        this.model = model;
        this.shape = model.shape();
        this.batch = ChurnSchedule.checkBatch(batch);
    }

    /** REGISTER_ENTITY of router {@code r}'s BGP entity. */
    public FleetCommand.Register register(int r) {
        return new FleetCommand.Register(shape.router(r), "lg-register");
    }

    /** REGISTER_ENTITY, then an ADD_INSTANCE of every interface, connected. */
    public List<FleetCommand> bringUp(int r) {
        List<FleetCommand> out = new ArrayList<>(shape.interfaces() + 1);
        out.add(register(r));
        for (int i = 1; i <= shape.interfaces(); i++) {
            out.add(shape.interfaceChange(r, "lg-if" + i + "-up", FleetCommand.InterfaceChange.Type.ADD_INSTANCE,
                    i, true));
        }
        return out;
    }

    /** A SYNC of router {@code r} with {@code marker}; its request id is {@code lg-sync-<marker>}. */
    public FleetCommand.Sync sync(int r, String marker) {
        return new FleetCommand.Sync(shape.router(r), "lg-sync-" + marker, marker);
    }

    /** Router {@code r}'s table, every route of every peer once. */
    public Iterator<FleetCommand> table(int r) {
        return new Table(r);
    }

    /** Every router's table, the routers taking turns command by command, so every partition has work at once. */
    public Iterator<FleetCommand> tables() {
        List<Iterator<FleetCommand>> tables = new ArrayList<>();
        for (int r = 0; r < shape.routerCount(); r++) {
            tables.add(table(r));
        }
        return new Iterator<>() {
            private int turn;

            @Override
            public boolean hasNext() {
                return tables.stream().anyMatch(Iterator::hasNext);
            }

            @Override
            public FleetCommand next() {
                for (int tried = 0; tried < tables.size(); tried++) {
                    Iterator<FleetCommand> table = tables.get(turn++ % tables.size());
                    if (table.hasNext()) {
                        return table.next();
                    }
                }
                throw new NoSuchElementException();
            }
        };
    }

    /** Walks (peer, interface, n-th slot behind it), a command at a time. */
    private final class Table implements Iterator<FleetCommand> {
        private final int r;
        private int peer;
        private int interfaceIndex = 1;
        private int nth;
        private long commands;

        Table(int r) {
            this.r = r;
            skipEmpty();
        }

        @Override
        public boolean hasNext() {
            return peer < shape.peers();
        }

        @Override
        public FleetCommand next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int end = Math.min(shape.slotsBehind(r, interfaceIndex), nth + batch);
            List<FleetCommand.Route> routes = new ArrayList<>(end - nth);
            for (; nth < end; nth++) {
                int slot = shape.slot(interfaceIndex, nth);
                RibEntry entry = shape.table(r).get(slot);
                long metric = FleetShape.metric(entry, peer, entry.med());
                model.advertise(r, slot, peer, metric);
                routes.add(new FleetCommand.Route(entry.prefix(), metric));
            }
            FleetCommand command = new FleetCommand.Advertise(shape.router(r), "lg-t" + ++commands,
                    shape.neighbour(interfaceIndex, peer), routes, batch > 1);
            skipEmpty();
            return command;
        }

        private void skipEmpty() {
            while (peer < shape.peers() && nth >= shape.slotsBehind(r, interfaceIndex)) {
                nth = 0;
                if (++interfaceIndex > shape.interfaces()) {
                    interfaceIndex = 1;
                    peer++;
                }
            }
        }
    }
}
