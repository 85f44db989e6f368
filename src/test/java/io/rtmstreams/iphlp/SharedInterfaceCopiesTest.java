package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import org.junit.jupiter.api.Test;

import static io.rtmstreams.iphlp.IphlpFixture.ROUTER;
import static io.rtmstreams.iphlp.IphlpFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model's threads (the query API's requests) share routers' interface rows, and a write by the processor
 * makes the next read load them again: a shared copy is only used at the generation it was loaded at.
 */
class SharedInterfaceCopiesTest {

    private final IphlpFixture writer = new IphlpFixture();
    private final InterfaceReads reads = InterfaceReads.over(writer.stores);

    @Test
    void shouldReuseACopyUntilTheProcessorWritesTheRouter() {
        writer.add(v4(NetLuid.of(6, 1), 1, 25));
        RouterInterfaces first = reads.router(ROUTER);

        assertThat(reads.router(ROUTER)).as("same generation: shared").isSameAs(first);

        writer.put(v4(NetLuid.of(6, 1), 1, 40));
        RouterInterfaces afterWrite = reads.router(ROUTER);

        assertThat(afterWrite).isNotSameAs(first);
        assertThat(afterWrite.rowAt(IpFamily.IPV4, 1).metric()).isEqualTo(40);
        assertThat(reads.router(ROUTER)).isSameAs(afterWrite);
    }

    @Test
    void shouldSeeADeletedInterfaceGone() {
        writer.add(v4(NetLuid.of(6, 1), 1, 25));
        reads.router(ROUTER);

        writer.delete(v4(NetLuid.of(6, 1), 1, 25));

        assertThat(reads.router(ROUTER).rowAt(IpFamily.IPV4, 1)).isNull();
    }
}
