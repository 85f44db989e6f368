package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;

import java.util.Objects;

/**
 * A next hop given by value in a command: its identity (address, interface index) (R41) and the owner-writable
 * fields (R42). Flags are {@link #REMOTE} and {@link #DOWN} (rtmv2.md §1.2).
 */
public record NextHopSpec(IpAddress address, long interfaceIndex, int flags, String entitySpecificInfo) {

    public static final int REMOTE = 0x0001;
    public static final int DOWN = 0x0002;

    public NextHopSpec {
        Objects.requireNonNull(address, "address");
        Unsigned.checkU32("interfaceIndex", interfaceIndex);
    }

    public static NextHopSpec of(String address, long interfaceIndex) {
        return new NextHopSpec(IpAddress.parse(address), interfaceIndex, 0, null);
    }

    public boolean sameIdentity(NextHopSpec other) {
        return interfaceIndex == other.interfaceIndex && address.equals(other.address);
    }
}
