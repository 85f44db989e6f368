package io.rtmstreams.streams.state;

/**
 * What waits in a router's queue while the router has work pending (D24), in arrival order: an input record, or a
 * timer horizon. Before a record is applied, the router's deadlines up to the record's time fire, as they would
 * have when it arrived; a horizon stands for the records of other routers that arrived in between, at whose times
 * version 1 fired this router's deadlines too (D8). So the router's timers fire at the same points between its
 * records as if it had never waited.
 *
 * @param horizon   the time up to which the router's deadlines fire before this entry: a record's own time, or the
 *                  latest time of the other routers' records it stands for
 * @param timestamp the record's time (equal to the horizon for a record; unused for a horizon)
 * @param topic     the topic the record was written to (null for a horizon), with its partition and offset
 * @param key       the record's key and value as read (null for a horizon)
 */
public record WaitingEntry(long horizon, long timestamp, String topic, int partition, long offset, byte[] key,
                           byte[] value) {

    public static WaitingEntry horizon(long time) {
        return new WaitingEntry(time, time, null, -1, -1, null, null);
    }

    public static WaitingEntry record(long timestamp, String topic, int partition, long offset, byte[] key,
                                      byte[] value) {
        return new WaitingEntry(timestamp, timestamp, topic, partition, offset, key, value);
    }

    public boolean isRecord() {
        return topic != null;
    }

    /** This horizon raised to {@code time}: a later record of another router arrived before anything of this one. */
    public WaitingEntry raisedTo(long time) {
        return horizon(Math.max(horizon, time));
    }

    public static final Codec<WaitingEntry> CODEC = RtmCodecs.versioned(new Codec<>() {
        @Override
        public void write(WaitingEntry e, BinaryWriter out) {
            out.zigzag(e.horizon()).bool(e.isRecord());
            if (e.isRecord()) {
                out.zigzag(e.timestamp()).string(e.topic()).varint(e.partition()).varint(e.offset());
                out.bool(e.key() != null);
                if (e.key() != null) {
                    out.bytes(e.key());
                }
                out.bool(e.value() != null);
                if (e.value() != null) {
                    out.bytes(e.value());
                }
            }
        }

        @Override
        public WaitingEntry read(BinaryReader in) {
            long horizon = in.zigzag();
            if (!in.bool()) {
                return horizon(horizon);
            }
            long timestamp = in.zigzag();
            String topic = in.string();
            int partition = in.varint32();
            long offset = in.varint();
            byte[] key = in.bool() ? in.bytes() : null;
            byte[] value = in.bool() ? in.bytes() : null;
            return new WaitingEntry(horizon, timestamp, topic, partition, offset, key, value);
        }
    });
}
