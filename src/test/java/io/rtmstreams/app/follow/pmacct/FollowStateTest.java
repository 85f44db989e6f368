package io.rtmstreams.app.follow.pmacct;

import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper.Mapped;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the loop writes of the mapping's state: a router's snapshot when it changed, its request counter apart. */
class FollowStateTest {

    private static final String PEER_UP = "{\"event_type\": \"log\", \"bmp_router\": \"192.0.2.61\", \"bmp_msg_type\": "
            + "\"peer_up\", \"peer_ip\": \"198.51.100.1\", \"peer_asn\": 64500, \"local_as\": 65000, \"is_in\": 1}";

    private final FollowState state = new FollowState();
    private final PmacctCommandMapper mapper = new PmacctCommandMapper(PmacctSettings.defaults("t-"), state);

    @Test
    void shouldWriteTheSnapshotOnlyWhenMoreThanTheRequestCounterChanged() {
        map(PEER_UP, update("203.0.113.0/24"));
        Map<String, byte[]> first = state.drainChanges();
        map(update("203.0.113.0/24"), update("198.51.100.0/24"));
        Map<String, byte[]> second = state.drainChanges();
        map(stats());
        Map<String, byte[]> third = state.drainChanges();

        assertThat(first).containsOnlyKeys("192.0.2.61", "192.0.2.61|requests");
        assertThat(second).as("the same peer, interface and table: only ids were taken")
                .containsOnlyKeys("192.0.2.61|requests");
        // the entity's registration, the peer's interface, an ADD_ROUTES; then one ADD_ROUTES of both updates
        assertThat(new String(second.get("192.0.2.61|requests"), StandardCharsets.US_ASCII)).isEqualTo("4");
        assertThat(third).as("a stats record changes nothing").isEmpty();
    }

    @Test
    void shouldRestoreTheNewestCounterWhicheverOfTheTwoRecordsComesFirst() {
        map(PEER_UP, update("203.0.113.0/24"));
        Map<String, byte[]> first = state.drainChanges();
        map(update("198.51.100.0/24"));
        Map<String, byte[]> second = state.drainChanges();
        String next = nextId(state);

        FollowState inLogOrder = new FollowState();
        first.forEach(inLogOrder::restore);
        second.forEach(inLogOrder::restore);
        FollowState counterFirst = new FollowState();
        second.forEach(counterFirst::restore);
        first.forEach(counterFirst::restore);

        assertThat(nextId(inLogOrder)).isEqualTo(next);
        assertThat(nextId(counterFirst)).isEqualTo(next);
    }

    /** The request id of the next command the state gives (an update of an existing route: one ADD_ROUTES). */
    private static String nextId(FollowState s) {
        PmacctCommandMapper m = new PmacctCommandMapper(PmacctSettings.defaults("t-"), s);
        m.map(update("192.0.2.0/24").getBytes(StandardCharsets.UTF_8), 9);
        List<MappedRecord> out = m.flush();
        assertThat(out).singleElement();
        return out.get(0).record().requestId();
    }

    private void map(String... lines) {
        for (String line : lines) {
            assertThat(mapper.map(line.getBytes(StandardCharsets.UTF_8), 1)).isInstanceOf(Mapped.Commands.class);
        }
        mapper.flush();
    }

    private static String update(String prefix) {
        return "{\"event_type\": \"log\", \"bmp_router\": \"192.0.2.61\", \"bmp_msg_type\": \"route_monitor\", "
                + "\"log_type\": \"update\", \"peer_ip\": \"198.51.100.1\", \"peer_asn\": 64500, \"is_in\": 1, "
                + "\"afi\": 1, \"safi\": 1, \"ip_prefix\": \"" + prefix + "\", \"bgp_nexthop\": \"198.51.100.1\", "
                + "\"as_path\": [\"64500\"], \"origin\": \"i\", \"med\": 0}";
    }

    private static String stats() {
        return "{\"event_type\": \"log\", \"bmp_router\": \"192.0.2.61\", \"bmp_msg_type\": \"stats\", "
                + "\"peer_ip\": \"198.51.100.1\"}";
    }
}
