package io.rtmstreams.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The static group membership kept in the data directory (README, Fail-over). */
class InstanceIdTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedInstanceKeepsItsName() {
        String first = InstanceId.of(dataDir);

        assertThat(first).matches("rtm-[0-9a-f-]{36}");
        assertThat(InstanceId.of(dataDir)).isEqualTo(first);
        assertThat(dataDir.resolve(InstanceId.FILE)).hasContent(first);
    }

    @Test
    void twoDataDirectoriesAreTwoMembers(@TempDir Path other) {
        assertThat(InstanceId.of(dataDir)).isNotEqualTo(InstanceId.of(other));
    }

    @Test
    void aDataDirectoryThatDoesNotExistYetGetsOne() {
        assertThat(InstanceId.of(dataDir.resolve("new"))).startsWith("rtm-");
    }

    @Test
    void aDamagedNameIsRefusedWithTheWayOut() throws Exception {
        Files.writeString(dataDir.resolve(InstanceId.FILE), "not a name\n");

        assertThatThrownBy(() -> InstanceId.of(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("remove it");
    }
}
