package io.rtmstreams.mrt;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads MRT records (RFC 6396) from a decompressed stream, one at a time, never holding more than a record or two
 * (and, while it looks for a lost record boundary, the bytes it looks through).
 *
 * <p>Nothing in a file stops it. A record that does not decode is reported to the problem listener with its offset
 * and skipped; when its length cannot be trusted either (what follows it is no record header), the reader looks for
 * the next place where {@value #CONFIRMATIONS} record headers follow each other and goes on from there, reporting
 * the bytes it passed over (bgpkit-parser's framing recovery does the same; bgpdump follows the broken length and
 * reads garbage). Records of types and subtypes it does not read are counted and stepped over. A file that ends
 * inside a record, or whose compression is cut off, ends the read with a problem.
 */
public final class MrtReader {

    /** Longer than any real record (a BGP message is at most 64 KiB, a RIB record of a prefix with thousands of
     * paths a few hundred); a longer length is damage. */
    static final int MAX_RECORD = 16 << 20;
    /** How many consecutive record headers mark a record boundary found again after damage. */
    static final int CONFIRMATIONS = 3;
    /** The record types of the IANA registry (RFC 6396 §4, RFC 8050's updates), read or not. */
    private static final Set<Integer> REGISTERED_TYPES = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16,
            17, 32, 33, 48, 49);
    /** A found-again boundary's records lie within this many seconds of the last good record. */
    private static final long RESYNC_SECONDS = 86_400;

    private final InputStream in;
    private final Consumer<MrtProblem> problems;
    private final MrtCounters counters = new MrtCounters();
    private final TableDumpDecoder tableDump;
    private final TableDumpV2Decoder tableDumpV2;
    private final Bgp4mpDecoder bgp4mp;

    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int end;
    private long bufferOffset;
    private boolean eof;
    private long lastSeconds = -1;
    private long records;
    private boolean shortLengthsNoted;

    public MrtReader(InputStream decompressed, Consumer<MrtProblem> problems) {
        this.in = decompressed;
        this.problems = problems;
        AttributeDecoder attributes = new AttributeDecoder(counters, problems);
        this.tableDump = new TableDumpDecoder(attributes);
        this.tableDumpV2 = new TableDumpV2Decoder(attributes);
        this.bgp4mp = new Bgp4mpDecoder(attributes, counters);
    }

    /** The next record with routes or a session event, or null at the end of the input. */
    public MrtRecord next() throws IOException {
        while (fill(MrtHeader.SIZE) || position < end) {
            if (end - position < MrtHeader.SIZE) {
                truncated(MrtHeader.SIZE);
                return null;
            }
            MrtRecord record = nextRecord();
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** MRT records read whole, whether they carried routes or not. */
    public long records() {
        return records;
    }

    /** Decompressed bytes consumed. */
    public long position() {
        return bufferOffset + position;
    }

    /** The peers of the last TABLE_DUMP_V2 PEER_INDEX_TABLE. */
    public List<Peer> peerIndexTable() {
        return tableDumpV2.peers();
    }

    /** Records and entries that could not be read, by reason. */
    public Map<String, Long> skipped() {
        return counters.skipped();
    }

    /** Messages, attributes and families that carry nothing an importer uses, by kind. */
    public Map<String, Long> ignored() {
        return counters.ignored();
    }

    /** The record at the current position, or null when it carried nothing to return or was skipped. */
    private MrtRecord nextRecord() throws IOException {
        MrtHeader header = MrtHeader.read(buffer, position, position());
        long length = header.length();
        if (length > MAX_RECORD || !REGISTERED_TYPES.contains(header.type()) && !boundaryAt(length)) {
            report(header.offset(), "no MRT record header here (" + header.describe() + ", length " + length + ")");
            resync(1);
            return null;
        }
        if (!fill(MrtHeader.SIZE + length)) {
            truncated(MrtHeader.SIZE + length);
            return null;
        }
        length += legacyShortfall(header);
        ByteCursor body = new ByteCursor(buffer, position + MrtHeader.SIZE, position + MrtHeader.SIZE + (int) length);
        try {
            MrtRecord record = decode(header, body);
            consume(MrtHeader.SIZE + (int) length);
            records++;
            lastSeconds = header.seconds();
            return record;
        } catch (MalformedRecordException e) {
            counters.skipped("malformed record");
            if (boundaryAt(length)) {
                report(header.offset(), header.describe() + " skipped: " + e.getMessage());
                consume(MrtHeader.SIZE + (int) length);
            } else {
                report(header.offset(), header.describe() + " skipped: " + e.getMessage()
                        + "; its length (" + length + ") does not lead to another record");
                resync(1);
            }
            return null;
        }
    }

    private MrtRecord decode(MrtHeader header, ByteCursor body) {
        switch (header.type()) {
            case MrtHeader.TABLE_DUMP:
                if (TableDumpDecoder.supports(header.subtype())) {
                    return tableDump.decode(header, body);
                }
                break;
            case MrtHeader.TABLE_DUMP_V2:
                if (TableDumpV2Decoder.supports(header.subtype())) {
                    return tableDumpV2.decode(header, body);
                }
                break;
            case MrtHeader.BGP, MrtHeader.BGP4MP, MrtHeader.BGP4MP_ET:
                if (Bgp4mpDecoder.supports(header)) {
                    return bgp4mp.decode(header, body);
                }
                break;
            default:
                break;
        }
        counters.skipped("MRT " + header.describe() + " (not read)");
        return null;
    }

    /** The bytes a TABLE_DUMP record of the early RIS producer has beyond its declared length (see
     * {@link TableDumpDecoder}): 4 for those, 0 for every other record. */
    private int legacyShortfall(MrtHeader header) throws IOException {
        if (header.type() != MrtHeader.TABLE_DUMP || !TableDumpDecoder.supports(header.subtype())) {
            return 0;
        }
        long declared = header.length();
        fill(MrtHeader.SIZE + declared + TableDumpDecoder.LEGACY_SHORTFALL);
        if (!TableDumpDecoder.declaredShort(header.subtype(), buffer, position + MrtHeader.SIZE, end, declared)) {
            return 0;
        }
        if (!shortLengthsNoted) {
            shortLengthsNoted = true;
            report(header.offset(), "TABLE_DUMP records declare lengths 4 bytes short (an early MRT producer's "
                    + "bug); read with the lengths corrected");
        }
        return TableDumpDecoder.LEGACY_SHORTFALL;
    }

    /** Whether the record at the current position, taken to be {@code length} long, is followed by a record header
     * of a registered type, or by the end of the input. */
    private boolean boundaryAt(long length) throws IOException {
        long next = MrtHeader.SIZE + length;
        if (!fill(next + MrtHeader.SIZE)) {
            return end - position == next;
        }
        MrtHeader header = MrtHeader.read(buffer, position + (int) next, position() + next);
        return REGISTERED_TYPES.contains(header.type()) && header.length() <= MAX_RECORD;
    }

    /**
     * Looks for the first offset, {@code from} bytes or more past the current position, where {@value
     * #CONFIRMATIONS} records of a type this reader reads follow each other (or run to the end of the input), near
     * the time of the last good record; skips to it and says how much it passed over.
     */
    private void resync(int from) throws IOException {
        long start = position();
        consume(from);
        while (fill(MrtHeader.SIZE)) {
            if (chainHere()) {
                counters.skipped("damaged bytes passed over");
                report(start, "skipped " + (position() - start) + " damaged bytes; records resume at offset "
                        + position());
                return;
            }
            consume(1);
        }
        counters.skipped("damaged bytes to the end of the input");
        report(start, "skipped " + (position() - start + (end - position)) + " damaged bytes to the end of the "
                + "input: no record boundary found again");
        consume(end - position);
    }

    private boolean chainHere() throws IOException {
        long at = 0;
        for (int i = 0; i < CONFIRMATIONS; i++) {
            if (!fill(at + MrtHeader.SIZE)) {
                return i > 0 && end - position == at;
            }
            MrtHeader header = MrtHeader.read(buffer, position + (int) at, position() + at);
            if (!readable(header)) {
                return false;
            }
            at += MrtHeader.SIZE + header.length();
        }
        return true;
    }

    private boolean readable(MrtHeader header) {
        boolean supported = switch (header.type()) {
            case MrtHeader.TABLE_DUMP -> TableDumpDecoder.supports(header.subtype());
            case MrtHeader.TABLE_DUMP_V2 -> TableDumpV2Decoder.supports(header.subtype());
            case MrtHeader.BGP, MrtHeader.BGP4MP, MrtHeader.BGP4MP_ET -> Bgp4mpDecoder.supports(header);
            default -> false;
        };
        return supported && header.length() <= MAX_RECORD
                && (lastSeconds < 0 || Math.abs(header.seconds() - lastSeconds) <= RESYNC_SECONDS);
    }

    private void truncated(long needed) {
        counters.skipped("truncated record");
        report(position(), "the input ends inside a record: " + (end - position) + " of its " + needed
                + " bytes are there");
        consume(end - position);
    }

    private void report(long offset, String message) {
        problems.accept(new MrtProblem(offset, message));
    }

    private void consume(long bytes) {
        position += (int) bytes;
    }

    /**
     * Makes {@code bytes} bytes from the current position available, reading as needed; false when the input ends
     * (or its decompression fails, reported once) before that.
     */
    private boolean fill(long bytes) throws IOException {
        if (end - position >= bytes) {
            return true;
        }
        if (eof) {
            return false;
        }
        makeRoom((int) Math.min(bytes, MAX_RECORD + 2L * MrtHeader.SIZE + TableDumpDecoder.LEGACY_SHORTFALL));
        while (end - position < bytes && end < buffer.length) {
            int n = read();
            if (n < 0) {
                eof = true;
                return false;
            }
            end += n;
        }
        return end - position >= bytes;
    }

    private int read() throws IOException {
        try {
            return in.read(buffer, end, buffer.length - end);
        } catch (IOException e) {
            if (e instanceof java.io.InterruptedIOException) {
                throw e;
            }
            report(bufferOffset + end, "the compressed input breaks off here (" + e.getMessage() + "); "
                    + "nothing after it can be read");
            return -1;
        }
    }

    /** Moves the unread bytes to the front of the buffer, growing it when {@code bytes} would not fit. */
    private void makeRoom(int bytes) {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, end - position);
            bufferOffset += position;
            end -= position;
            position = 0;
        }
        if (buffer.length < bytes) {
            byte[] larger = new byte[Math.max(bytes, buffer.length * 2)];
            System.arraycopy(buffer, 0, larger, 0, end);
            buffer = larger;
        }
    }
}
