package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.RtmConfig;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers that build a domain per request (the query API) share routers' interface rows between requests, and a
 * write by the processor makes the next request read them again: the shared copy is only used at the generation it
 * was loaded at.
 */
class SharedInterfaceCopiesTest {

    private final IphlpFixture writer = new IphlpFixture();
    private final InterfaceTable.SharedCopies shared = new InterfaceTable.SharedCopies();

    private IpHelper reader() {
        return IpHelper.forQueries(writer.stores, RtmConfig.DEFAULTS, IphlpConfig.DEFAULTS, shared);
    }

    @Test
    void shouldReuseACopyUntilTheProcessorWritesTheRouter() {
        writer.add(v4(NetLuid.of(6, 1), 1, 25));
        RouterInterfaces first = reader().interfaces().router(IphlpFixture.ROUTER);

        assertThat(reader().interfaces().router(IphlpFixture.ROUTER)).as("same generation: shared").isSameAs(first);

        writer.put(v4(NetLuid.of(6, 1), 1, 40));
        IpHelper afterWrite = reader();

        assertThat(afterWrite.interfaces().router(IphlpFixture.ROUTER)).isNotSameAs(first);
        assertThat(afterWrite.interfaces().rowAtIndex(IphlpFixture.ROUTER, IpFamily.IPV4, 1).metric()).isEqualTo(40);
        assertThat(reader().interfaces().router(IphlpFixture.ROUTER))
                .isSameAs(afterWrite.interfaces().router(IphlpFixture.ROUTER));
    }

    @Test
    void shouldSeeADeletedInterfaceGone() {
        writer.add(v4(NetLuid.of(6, 1), 1, 25));
        reader().interfaces().router(IphlpFixture.ROUTER);

        writer.delete(v4(NetLuid.of(6, 1), 1, 25));

        assertThat(reader().interfaces().rowAtIndex(IphlpFixture.ROUTER, IpFamily.IPV4, 1)).isNull();
    }
}
