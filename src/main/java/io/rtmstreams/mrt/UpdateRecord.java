package io.rtmstreams.mrt;

import io.rtmstreams.net.IpAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * A BGP UPDATE message as a collector logged it: from {@code peer} (or, when {@code local}, sent by the collector to
 * it), with its attributes and the IPv4 unicast prefixes of the message body ({@code withdrawn}, {@code announced});
 * the other families travel in the attributes' MP_REACH_NLRI and MP_UNREACH_NLRI.
 */
public record UpdateRecord(long offset, long epochMicros, Peer peer, boolean local, PathAttributes attributes,
                           List<Nlri> withdrawn, List<Nlri> announced) implements MrtRecord {

    public UpdateRecord {
        withdrawn = List.copyOf(withdrawn);
        announced = List.copyOf(announced);
    }

    /** A prefix announced, with its next hop (null when the message has none for it). */
    public record Announcement(Nlri nlri, Safi safi, IpAddress nextHop) {
    }

    /** A prefix withdrawn. */
    public record Withdrawal(Nlri nlri, Safi safi) {
    }

    /** Every prefix withdrawn: the body's, then the MP_UNREACH_NLRI's. */
    public List<Withdrawal> withdrawals() {
        List<Withdrawal> all = new ArrayList<>(withdrawn.size());
        withdrawn.forEach(n -> all.add(new Withdrawal(n, Safi.UNICAST)));
        attributes.mpUnreach().forEach(mp -> mp.prefixes().forEach(n -> all.add(new Withdrawal(n, mp.safi()))));
        return all;
    }

    /** Every prefix announced: the body's with NEXT_HOP, then each MP_REACH_NLRI's with its own next hop. */
    public List<Announcement> announcements() {
        List<Announcement> all = new ArrayList<>(announced.size());
        announced.forEach(n -> all.add(new Announcement(n, Safi.UNICAST, attributes.nextHop())));
        attributes.mpReach().forEach(mp -> mp.prefixes().forEach(n -> all.add(new Announcement(n, mp.safi(),
                mp.nextHop()))));
        return all;
    }
}
