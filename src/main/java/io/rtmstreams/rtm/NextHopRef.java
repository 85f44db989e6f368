package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;

/**
 * A route's reference to one of its owner's next hops: the next hop's id plus its identity fields, which can never
 * change after creation (R41), kept with the route so that reading a route needs no next-hop lookups.
 */
public record NextHopRef(long id, IpAddress address, long interfaceIndex) {

    /** True when this reference names the next hop with this identity (address, interface index) (R41). */
    public boolean sameIdentity(IpAddress otherAddress, long otherInterfaceIndex) {
        return interfaceIndex == otherInterfaceIndex && address.equals(otherAddress);
    }
}
