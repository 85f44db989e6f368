package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads one peer's IPv4 routes from a normalized RIB dump of {@code ../shared/data} (plain or gzip text, one entry a
 * line: {@code peer_ip|peer_as|prefix|next_hop|as_path_len|origin|med|local_pref|origin_as}, {@code #} comments), in
 * the file's order. A prefix the peer lists twice (ADD-PATH, or host bits that R33 zeroes) is taken once, at its
 * first line, so every entry is a distinct destination.
 */
public final class RibText {

    /** The RouteViews route-views.jinx dump of 2014-05-30 22:00, relative to a checkout's working directory. */
    public static final String DEFAULT_FILE = "../shared/data/normalized/rib/routeviews-jinx.rib.20140530.2200.txt.gz";
    /** AS30844 at the JINX exchange: a full IPv4 table of 497,321 prefixes in {@link #DEFAULT_FILE}. */
    public static final String DEFAULT_PEER = "196.223.14.55";

    private static final int GZIP_MAGIC = 0x8b1f;
    private static final int FIELDS = 9;

    private RibText() {
    }

    /**
     * The first {@code limit} distinct IPv4 prefixes of {@code peer} in {@code file}.
     *
     * @throws IOException when the file cannot be read, a line of the peer is malformed (the message gives its
     *                     number), or the peer has no IPv4 route in it
     */
    public static List<RibEntry> read(Path file, String peer, int limit) throws IOException {
        List<RibEntry> entries = new ArrayList<>();
        Set<Prefix> seen = new HashSet<>();
        String start = peer + "|";
        try (BufferedReader lines = open(file)) {
            long number = 0;
            for (String line = lines.readLine(); line != null && entries.size() < limit; line = lines.readLine()) {
                number++;
                if (!line.startsWith(start)) {
                    continue;
                }
                RibEntry entry = parse(file, number, line);
                if (entry.prefix().family() == IpFamily.IPV4 && seen.add(entry.prefix())) {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("no IPv4 routes of peer " + peer + " in " + file);
        }
        return entries;
    }

    /** Every distinct IPv4 prefix of {@code peer} in {@code file}. */
    public static List<RibEntry> read(Path file, String peer) throws IOException {
        return read(file, peer, Integer.MAX_VALUE);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int magic = raw.read() | raw.read() << 8;
        raw.reset();
        InputStream text = magic == GZIP_MAGIC ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(text, StandardCharsets.US_ASCII), 1 << 16);
    }

    private static RibEntry parse(Path file, long number, String line) throws IOException {
        String[] f = line.split("\\|", -1);
        try {
            if (f.length != FIELDS) {
                throw new IllegalArgumentException(f.length + " fields instead of " + FIELDS);
            }
            return new RibEntry(Prefix.parse(f[2]), IpAddress.parse(f[3]), Integer.parseInt(f[4]),
                    RibEntry.Origin.valueOf(f[5].toUpperCase(Locale.ROOT)), Long.parseLong(f[6]));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ", line " + number + ": not a normalized RIB entry (" + e.getMessage()
                    + "): " + line, e);
        }
    }
}
