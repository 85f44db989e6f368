package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.util.RawValue;
import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.KeyBuilder;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.streams.state.BinaryReader;
import io.rtmstreams.streams.state.BinaryWriter;
import io.rtmstreams.streams.state.Codec;
import io.rtmstreams.streams.state.KafkaOrderedStore;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fleet view's store (D27), in the task of the prefix's partition of {@code rtm.best-routes}. Per
 * {@code view|prefix} it holds a <em>tally</em> (how many (router, rtmInstance) tables have a best route for it, and
 * the version of its last fleet record) and one <em>member</em> per such table with what the query API lists of its
 * best route ({@link FleetMember}). Keys: the tally is {@code view|prefix} 0x00; a member is the tally's key followed
 * by router 0x00 and instance (u16). So a prefix's members are one range in router then instance order, right after
 * its tally, and a change touches its member and, when presence changes, the tally: never the other members.
 *
 * <p>A tally stays at count 0 after the last member left, so that the next fleet record of the key continues its
 * versions (D21), as a retired destination does in the table store.
 */
public final class FleetMembers {

    /** A tally: members of a prefix and the version of its last fleet record. */
    public record Tally(long count, long version) {

        static final Tally NONE = new Tally(0, 0);

        /** The tally after one member arrived ({@code +1}) or left ({@code -1}): a new record, a new version. */
        Tally step(int delta) {
            return new Tally(count + delta, version + 1);
        }
    }

    /** Where a page ends: the last member listed. */
    public record Position(String router, int rtmInstance) {
    }

    /** A page of members, each as the JSON the query API lists, and the position to resume after (null: the end). */
    public record Page(List<RawValue> routers, Position next) {
    }

    /** Values are stored as they are: the tally's 16 bytes, a member's JSON. */
    private static final Codec<byte[]> RAW = new Codec<>() {
        @Override
        public void write(byte[] v, BinaryWriter out) {
            out.raw(v);
        }

        @Override
        public byte[] read(BinaryReader in) {
            return in.rest();
        }

        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };

    private final OrderedStore<byte[]> store;

    private FleetMembers(OrderedStore<byte[]> store) {
        this.store = store;
    }

    /** Over the aggregator's writable store. */
    static FleetMembers of(KeyValueStore<Bytes, byte[]> store) {
        return new FleetMembers(KafkaOrderedStore.of(store, KafkaOrderedStore.WHOLE_STORE, RAW));
    }

    /** Over a store opened for interactive queries. */
    public static FleetMembers readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
        return new FleetMembers(KafkaOrderedStore.readOnly(store, KafkaOrderedStore.WHOLE_STORE, RAW));
    }

    /**
     * Sets (or, for null, removes) the member of {@code router}'s table {@code rtmInstance} under {@code fleetKey}.
     * Returns the new tally when the number of members changed, else null; rewrites nothing that is unchanged.
     */
    Tally put(String fleetKey, String router, int rtmInstance, byte[] member) {
        byte[] tallyKey = tallyKey(fleetKey);
        byte[] key = memberKey(tallyKey, router, rtmInstance);
        byte[] old = store.get(key);
        if (old != null && member != null) {
            if (!Arrays.equals(old, member)) {
                store.put(key, member);
            }
            return null;
        }
        if (old == null && member == null) {
            return null;
        }
        if (member == null) {
            store.delete(key);
        } else {
            store.put(key, member);
        }
        Tally t = tally(tallyKey).step(member == null ? -1 : 1);
        store.put(tallyKey, ByteBuffer.allocate(16).putLong(t.count()).putLong(t.version()).array());
        return t;
    }

    /** The tally of {@code fleetKey}: count 0 and version 0 when no router ever reached it. */
    public Tally tally(String fleetKey) {
        return tally(tallyKey(fleetKey));
    }

    /**
     * At most {@code limit} members of {@code fleetKey} in router then instance order, starting after {@code after}
     * (null: from the first); each is the member's JSON with its router and rtmInstance first.
     */
    public Page page(String fleetKey, Position after, int limit) {
        byte[] tallyKey = tallyKey(fleetKey);
        // The first member key after the tally, or the smallest key after the position's (the key plus 0x00).
        byte[] from = after == null ? KeyBuilder.of(tallyKey, 1).u8(1).build()
                : KeyBuilder.of(memberKey(tallyKey, after.router(), after.rtmInstance()), 1).u8(0).build();
        List<RawValue> routers = new ArrayList<>(Math.min(limit, 64));
        Position last = null;
        try (Cursor<byte[]> c = store.range(from, KeyBuilder.prefixEnd(tallyKey))) {
            while (routers.size() < limit && c.hasNext()) {
                Cursor.Entry<byte[]> e = c.next();
                last = position(e.key(), tallyKey.length);
                routers.add(FleetMember.listed(last.router(), last.rtmInstance(), e.value()));
            }
            return new Page(routers, c.hasNext() ? last : null);
        }
    }

    private Tally tally(byte[] tallyKey) {
        byte[] v = store.get(tallyKey);
        if (v == null) {
            return Tally.NONE;
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        return new Tally(b.getLong(), b.getLong());
    }

    private static byte[] tallyKey(String fleetKey) {
        return new KeyBuilder(fleetKey.length() + 1).string(fleetKey).build();
    }

    private static byte[] memberKey(byte[] tallyKey, String router, int rtmInstance) {
        return KeyBuilder.of(tallyKey, router.length() + 3).string(router).u16(rtmInstance).build();
    }

    /** The router and instance of a member key whose tally key has {@code tallyLength} bytes. */
    private static Position position(byte[] key, int tallyLength) {
        int end = key.length - 3;
        return new Position(new String(key, tallyLength, end - tallyLength, StandardCharsets.UTF_8),
                ((key[end + 1] & 0xFF) << 8) | (key[end + 2] & 0xFF));
    }
}
