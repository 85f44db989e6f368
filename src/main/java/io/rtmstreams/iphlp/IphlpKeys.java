package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.state.KeyBuilder;

import java.nio.charset.StandardCharsets;

/** Key layouts of {@link IphlpStores}: router first, so one router's interfaces are one contiguous range. */
final class IphlpKeys {

    private IphlpKeys() {
    }

    static byte[] router(String router) {
        return new KeyBuilder(router.length() + 1).string(router).build();
    }

    /** The router of a {@link #router} key: its text before the terminating 0. */
    static String routerOf(byte[] routerKey) {
        return new String(routerKey, 0, routerKey.length - 1, StandardCharsets.UTF_8);
    }

    static byte[] row(String router, IpFamily family, long luid) {
        return KeyBuilder.of(router(router), 9).u8(family.afNumber()).u64(luid).build();
    }

    static byte[] slot(String router, IpFamily family, long index) {
        return KeyBuilder.of(router(router), 5).u8(family.afNumber()).u32(index).build();
    }

    static byte[] end(byte[] prefix) {
        return KeyBuilder.prefixEnd(prefix);
    }

    /** The family byte of a key built above for {@code router}. */
    static IpFamily familyOf(String router, byte[] key) {
        return IpFamily.fromAfNumber(key[router.getBytes(StandardCharsets.UTF_8).length + 1] & 0xFF);
    }

    /** The interface index of a {@link #slot} key. */
    static long indexOf(String router, byte[] key) {
        return KeyBuilder.readU32(key, router.getBytes(StandardCharsets.UTF_8).length + 2);
    }
}
