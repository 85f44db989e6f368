package io.rtmstreams.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.NextHopSpec;

import java.util.List;

/** A next hop on the wire: {@code {"address": "192.0.2.1", "interfaceIndex": 3, "flags": ["REMOTE"]}}. */
public record WireNextHop(String address, Long interfaceIndex, List<String> flags, String entitySpecificInfo) {

    /** A neighbour given by its address alone, as DELETE_NEIGHBOUR_ROUTES allows (D29). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WireNextHop ofAddress(String address) {
        return new WireNextHop(address, null, null, null);
    }

    NextHopSpec toSpec(String field) {
        if (address == null || interfaceIndex == null) {
            throw new IllegalArgumentException(field + " needs address and interfaceIndex");
        }
        int f = 0;
        for (String name : flags == null ? List.<String>of() : flags) {
            switch (name) {
                case "REMOTE" -> f |= NextHopSpec.REMOTE;
                case "DOWN" -> f |= NextHopSpec.DOWN;
                default -> throw new IllegalArgumentException(field + ".flags: unknown next-hop flag '" + name + "'");
            }
        }
        return new NextHopSpec(IpAddress.parse(address), interfaceIndex, f, entitySpecificInfo);
    }
}
