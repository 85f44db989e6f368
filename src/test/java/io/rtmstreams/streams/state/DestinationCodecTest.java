package io.rtmstreams.streams.state;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.Hold;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.SelectionReason;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.ViewSlot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored destination keeps each view's selection reason, and still reads state written before it did. */
class DestinationCodecTest {

    private static final Prefix DEST = Prefix.parse("10.0.0.0/8");
    private static final Route ROUTE = new Route(7, EntityId.of(8, 1), null, 0, 20, 5, View.UNICAST.mask()
            | View.MULTICAST.mask(), List.of(), "esi", null, 0, 3, RouteCost.plain(0), 0);

    @Test
    void shouldKeepEachViewsSelectionReason() {
        Destination d = new Destination(DEST, List.of(ROUTE), new ViewSlot(7, SelectionReason.LONGEST_HELD, null, 4, 3),
                new ViewSlot(7, SelectionReason.ONLY_CANDIDATE, null, 1, 1), Hold.NONE, 99, 4);

        assertThat(RtmCodecs.DESTINATION.decode(RtmCodecs.DESTINATION.encode(d))).isEqualTo(d);
    }

    @Test
    void shouldReadFormatOneWithoutReasons() {
        BinaryWriter out = new BinaryWriter(64);
        out.u8(1);
        RtmCodecs.writePrefix(DEST, out);
        out.varint(1);
        RtmCodecs.writeRoute(ROUTE, out);
        out.varint(7).varint(4).varint(3).bool(false); // unicast: best, version, best version, no hold route
        out.varint(0).varint(0).varint(0).bool(false); // multicast: no best
        out.varint(0).varint(0).varint(0).varint(0).varint(99).varint(4); // hold, last changed, next seq

        Destination d = RtmCodecs.DESTINATION.decode(out.toByteArray());

        assertThat(d.unicast()).isEqualTo(new ViewSlot(7, null, null, 4, 3));
        assertThat(d.routes()).containsExactly(ROUTE);
        assertThat(d.lastChanged()).isEqualTo(99);
    }
}
