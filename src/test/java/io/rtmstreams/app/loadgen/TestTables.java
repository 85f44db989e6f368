package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;

/** Small synthetic RIB tables and fleets for the generator's tests. */
final class TestTables {

    private TestTables() {
    }

    /** {@code n} distinct /24s with AS-path lengths 1 to 5, every origin, MEDs 0 to 99. */
    static List<RibEntry> entries(int n) {
        List<RibEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new RibEntry(Prefix.of(IpAddress.ipv4(0x0A00_0000 | i << 8), 24), IpAddress.parse("192.0.2.1"),
                    1 + i % 5, RibEntry.Origin.values()[i % 3], i % 100));
        }
        return out;
    }

    static FleetShape shape(int routers, int prefixes, int interfaces, int peers) {
        return new FleetShape(FleetShape.routerNames("r", routers), entries(prefixes), FleetShape.Layout.SHARED,
                interfaces, peers);
    }
}
