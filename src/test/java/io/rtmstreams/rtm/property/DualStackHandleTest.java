package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmEngine;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.InMemoryStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletes by id name no family (contract.md, DELETE_ROUTE and DELETE_NEXTHOP): the id implies it. An entity
 * registered in both families (R15) that names an id leading nowhere still gets the handle answer of R46, R78 and
 * R80, not a demand to name the family. Found by {@link BestRoutePropertyTest}.
 */
class DualStackHandleTest {

    private static final String ROUTER = "r1";
    private static final EntityId RIP = EntityId.of(8, 1);
    private static final long RETENTION_MS = RtmConfig.DEFAULTS.deletedRouteRetentionMs();

    private final RtmEngine engine = new RtmEngine(new InMemoryStores(), RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
    private long now = 1_000_000L;

    @BeforeEach
    void registerInBothFamilies() {
        for (IpFamily f : IpFamily.values()) {
            assertThat(run(new Command.RegisterEntity(ROUTER, 0, RIP, f, null, List.of())).status())
                    .isEqualTo(Status.NO_ERROR);
        }
    }

    @Test
    void shouldAnswerNotFoundForARouteDeletedLongAgo() {
        long id = run(new Command.AddRoute(ROUTER, 0, RIP, null, Prefix.parse("2001:db8::/32"), List.of(), null, 1, 1,
                View.UNICAST.mask(), 0, Command.INFINITE, 0, null, null, null)).routeId();
        assertThat(deleteRoute(id).status()).isEqualTo(Status.NO_ERROR);
        assertThat(deleteRoute(id).status()).as("within the retention period").isEqualTo(Status.ERROR_NOT_FOUND);
        now += RETENTION_MS + 1;
        engine.fireDueTimers(now);
        assertThat(deleteRoute(id).status()).as("after the retention period (R80)").isEqualTo(Status.ERROR_NOT_FOUND);
    }

    @Test
    void shouldAnswerInvalidHandleForARouteIdNeverHandedOut() {
        assertThat(deleteRoute(4711).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    void shouldAnswerLikeWiseForNextHopIds() {
        long id = run(new Command.AddNextHop(ROUTER, 0, RIP, null, NextHopSpec.of("fe80::1", 3))).nextHopId();
        assertThat(deleteNextHop(id).status()).isEqualTo(Status.NO_ERROR);
        assertThat(deleteNextHop(id).status()).as("a deleted next hop (R46, R47)").isEqualTo(Status.ERROR_NOT_FOUND);
        assertThat(deleteNextHop(4711).status()).isEqualTo(Status.ERROR_INVALID_HANDLE);
    }

    @Test
    void shouldStillRejectAnUnregisteredCaller() {
        Outcome o = run(new Command.DeleteRoute(ROUTER, 0, EntityId.of(14, 1), null, 4711L, null, null));
        assertThat(o.status()).as("D5").isEqualTo(Status.ERROR_INVALID_HANDLE);
        assertThat(o.message()).contains("not registered");
    }

    private Outcome deleteRoute(long id) {
        return run(new Command.DeleteRoute(ROUTER, 0, RIP, null, id, null, null));
    }

    private Outcome deleteNextHop(long id) {
        return run(new Command.DeleteNextHop(ROUTER, 0, RIP, null, null, id));
    }

    private Outcome run(Command c) {
        return engine.execute(c, now++);
    }
}
