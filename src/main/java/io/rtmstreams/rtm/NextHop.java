package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;

/**
 * A next hop in its owner's private list (R40–R43). Identity within the owner is (address, interface index), which
 * never changes; flags and entity-specific info are owner-writable. A next hop exists while it is CREATED; once
 * deleted it leaves the list (R47) and routes that still reference it keep their {@link NextHopRef}.
 */
public record NextHop(long id, TableId table, EntityId owner, IpAddress address, long interfaceIndex, int flags,
                      String entitySpecificInfo) {

    public NextHopRef ref() {
        return new NextHopRef(id, address, interfaceIndex);
    }

    public boolean isRemote() {
        return (flags & NextHopSpec.REMOTE) != 0;
    }
}
