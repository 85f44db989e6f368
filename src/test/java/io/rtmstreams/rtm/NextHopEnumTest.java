package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rtmstreams.rtm.RtmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Next-hop enumeration: the caller's next hops by address, positioned and paged (R124, R126, R128). */
class NextHopEnumTest {

    private final RtmFixture f = new RtmFixture();

    @BeforeEach
    void nextHops() {
        f.register(RIP);
        f.register(OSPF);
        for (String a : List.of("192.0.2.9", "10.0.0.1", "192.0.2.1", "172.16.0.1")) {
            f.addNextHop(RIP, a, 1);
        }
        f.addNextHop(RIP, "192.0.2.1", 0);
        f.addNextHop(OSPF, "10.0.0.2", 1);
    }

    private Page<NextHop, NextHopRef> page(Prefix start, boolean range, NextHopRef after, int limit) {
        return f.engine.queries().enumNextHops(V4, RIP, start, range, after, limit);
    }

    private static List<String> hops(Page<NextHop, NextHopRef> p) {
        return p.items().stream().map(h -> h.address() + "%" + h.interfaceIndex()).toList();
    }

    @Test
    @DisplayName("R124, R125: the caller's own next hops, in address order, then interface index")
    void shouldEnumerateTheCallersNextHopsInAddressOrder() {
        Page<NextHop, NextHopRef> p = page(null, false, null, 100);

        assertThat(hops(p)).containsExactly("10.0.0.1%1", "172.16.0.1%1", "192.0.2.1%0", "192.0.2.1%1",
                "192.0.2.9%1");
        assertThat(p.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
    }

    @Test
    @DisplayName("R124: NEXT starts at the given address; RANGE keeps inside the prefix")
    void shouldPositionTheEnumeration() {
        assertThat(hops(page(p("172.16.0.0/12"), false, null, 100)))
                .containsExactly("172.16.0.1%1", "192.0.2.1%0", "192.0.2.1%1", "192.0.2.9%1");
        assertThat(hops(page(p("192.0.2.0/24"), true, null, 100)))
                .containsExactly("192.0.2.1%0", "192.0.2.1%1", "192.0.2.9%1");
    }

    @Test
    @DisplayName("R126: batches page through the list; the last one comes with ERROR_NO_MORE_ITEMS")
    void shouldPageThroughTheNextHops() {
        Page<NextHop, NextHopRef> first = page(null, false, null, 2);
        Page<NextHop, NextHopRef> second = page(null, false, first.next(), 2);
        Page<NextHop, NextHopRef> third = page(null, false, second.next(), 2);

        assertThat(first.status()).isEqualTo(Status.NO_ERROR);
        assertThat(hops(second)).containsExactly("192.0.2.1%0", "192.0.2.1%1");
        assertThat(hops(third)).containsExactly("192.0.2.9%1");
        assertThat(third.status()).isEqualTo(Status.ERROR_NO_MORE_ITEMS);
        assertThat(statusOf(() -> page(null, false, null, 0))).isEqualTo(Status.ERROR_INVALID_PARAMETER);
    }

    @Test
    @DisplayName("R128, A28: a cursor resumes after its last key, even when that next hop has been deleted")
    void shouldResumeAfterADeletedNextHop() {
        Page<NextHop, NextHopRef> first = page(null, false, null, 2);
        f.deleteNextHop(RIP, "172.16.0.1", 1);
        f.addNextHop(RIP, "192.0.2.5", 1);
        f.addNextHop(RIP, "10.0.0.0", 1);

        Page<NextHop, NextHopRef> rest = page(null, false, first.next(), 100);

        assertThat(hops(first)).containsExactly("10.0.0.1%1", "172.16.0.1%1");
        assertThat(hops(rest)).containsExactly("192.0.2.1%0", "192.0.2.1%1", "192.0.2.5%1", "192.0.2.9%1");
    }
}
