package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.KeyBuilder;

/**
 * Key layouts of the engine's stores. Every key starts with the router so that one router's state is contiguous
 * (design.md, State); destination keys continue with instance, family, address bytes and length, so a table's
 * destinations sort in address order (R125) and prefix queries are range scans.
 */
final class Keys {

    private Keys() {
    }

    /** {@code router | rtmInstance u16 | family u8}. */
    static byte[] table(String router, int rtmInstance, IpFamily family) {
        return new KeyBuilder(router.length() + 4).string(router).u16(rtmInstance).u8(family.afNumber()).build();
    }

    /** {@code router | rtmInstance u16}: every table of an instance. */
    static byte[] instance(String router, int rtmInstance) {
        return new KeyBuilder(router.length() + 3).string(router).u16(rtmInstance).build();
    }

    static byte[] destination(TableId t, Prefix p) {
        return KeyBuilder.of(t.keyPrefix(), p.keySize()).prefix(p).build();
    }

    /** The table of a {@link #destination} key: {@code router 0x00 | instance u16 | family u8 | prefix}. */
    static TableId tableOf(byte[] destinationKey) {
        int end = 0;
        while (destinationKey[end] != 0) {
            end++;
        }
        String router = new String(destinationKey, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        int instance = (destinationKey[end + 1] & 0xFF) << 8 | destinationKey[end + 2] & 0xFF;
        return TableId.of(router, instance, IpFamily.fromAfNumber(destinationKey[end + 3] & 0xFF));
    }

    static byte[] entity(TableId t, EntityId e) {
        return KeyBuilder.of(t.keyPrefix(), 8).u32(e.protocolId()).u32(e.instanceId()).build();
    }

    static byte[] ownedRoute(TableId t, EntityId owner, Prefix p, long routeId) {
        return KeyBuilder.of(entity(t, owner), p.keySize() + 8).prefix(p).u64(routeId).build();
    }

    /** {@code table | owner | neighbour address}: every route the owner learned from that address. */
    static byte[] neighbour(TableId t, EntityId owner, io.rtmstreams.net.IpAddress address) {
        byte[] a = address.toBytes();
        return KeyBuilder.of(entity(t, owner), a.length).bytes(a).build();
    }

    /** {@code table | owner | neighbour address | prefix | neighbour interface index u32 | route id u64}. */
    static byte[] neighbourRoute(TableId t, EntityId owner, NextHopRef neighbour, Prefix p, long routeId) {
        return KeyBuilder.of(neighbour(t, owner, neighbour.address()), p.keySize() + 12).prefix(p)
                .u32(neighbour.interfaceIndex()).u64(routeId).build();
    }

    static byte[] routeId(String router, long routeId) {
        return new KeyBuilder(router.length() + 9).string(router).u64(routeId).build();
    }

    static byte[] interfaceIndexPrefix(String router, IpFamily family, long ifIndex) {
        return new KeyBuilder(router.length() + 6).string(router).u8(family.afNumber()).u32(ifIndex).build();
    }

    static byte[] interfaceUse(TableId t, long ifIndex, Prefix p) {
        return KeyBuilder.of(interfaceIndexPrefix(t.router(), t.family(), ifIndex), 2 + p.keySize())
                .u16(t.rtmInstance()).prefix(p).build();
    }

    static byte[] nextHopIdentity(TableId t, EntityId owner, io.rtmstreams.net.IpAddress address, long ifIndex) {
        byte[] a = address.toBytes();
        return KeyBuilder.of(entity(t, owner), a.length + 4).bytes(a).u32(ifIndex).build();
    }

    static byte[] registration(String router, int rtmInstance, String registrationId) {
        return KeyBuilder.of(instance(router, rtmInstance), registrationId.length() + 1).string(registrationId).build();
    }

    static byte[] registrationDest(ChangeRegistration r, Prefix p) {
        return KeyBuilder.of(registration(r.table().router(), r.table().rtmInstance(), r.id()), p.keySize())
                .prefix(p).build();
    }

    static byte[] routeList(TableId t, EntityId owner, String name) {
        return KeyBuilder.of(entity(t, owner), name.length() + 1).string(name).build();
    }

    static byte[] routeListMember(TableId t, EntityId owner, String name, long routeId) {
        return KeyBuilder.of(routeList(t, owner, name), 8).u64(routeId).build();
    }

    static byte[] invocation(String router, String invocationId) {
        return new KeyBuilder(router.length() + invocationId.length() + 2).string(router).string(invocationId).build();
    }

    static byte[] invocationQueue(TableId t, EntityId target, long seq) {
        return KeyBuilder.of(entity(t, target), 8).u64(seq).build();
    }

    static byte[] opaque(TableId t, EntityId owner, Prefix p) {
        return KeyBuilder.of(entity(t, owner), p.keySize()).prefix(p).build();
    }

    static byte[] counter(String router, int kind) {
        return new KeyBuilder(router.length() + 2).string(router).u8(kind).build();
    }

    static byte[] end(byte[] prefix) {
        return KeyBuilder.prefixEnd(prefix);
    }
}
