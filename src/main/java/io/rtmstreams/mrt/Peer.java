package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;

import java.util.Objects;

/** A BGP peer of the collector: its address and AS number (0 where the record does not say). */
public record Peer(IpAddress address, long asn) {

    public Peer {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return address + " AS" + asn;
    }
}
