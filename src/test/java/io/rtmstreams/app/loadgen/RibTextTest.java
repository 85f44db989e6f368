package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one peer's routes from the normalized RIB text of ../shared/data (data/README.md). */
class RibTextTest {

    private static final String DUMP = String.join("\n",
            "#peer_ip|peer_as|prefix|next_hop|as_path_len|origin|med|local_pref|origin_as",
            "196.223.14.55|30844|0.0.0.0/0|196.223.14.55|1|IGP|0|0|30844",
            "196.223.14.10|37100|1.0.0.0/24|196.223.14.10|2|IGP|0|0|15169",
            "196.223.14.55|30844|1.0.0.0/24|196.223.14.39|3|INCOMPLETE|7|0|15169",
            "196.223.14.55|30844|2001:db8::/32|2001:db8::1|2|IGP|0|0|64500",
            "196.223.14.55|30844|1.0.0.1/24|196.223.14.55|9|EGP|0|0|15169",
            "196.223.14.55|30844|1.0.4.0/22|196.223.14.55|4|EGP|50|0|56203",
            "");

    @Test
    void readsThePeersDistinctIpv4PrefixesInFileOrder(@TempDir Path dir) throws IOException {
        List<RibEntry> entries = RibText.read(plain(dir, DUMP), "196.223.14.55");

        assertThat(entries).containsExactly(
                new RibEntry(Prefix.parse("0.0.0.0/0"), IpAddress.parse("196.223.14.55"), 1, RibEntry.Origin.IGP, 0),
                new RibEntry(Prefix.parse("1.0.0.0/24"), IpAddress.parse("196.223.14.39"), 3,
                        RibEntry.Origin.INCOMPLETE, 7),
                new RibEntry(Prefix.parse("1.0.4.0/22"), IpAddress.parse("196.223.14.55"), 4, RibEntry.Origin.EGP,
                        50));
    }

    @Test
    void readsGzipAndStopsAtTheLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rib.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(DUMP.getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(RibText.read(file, "196.223.14.55", 2)).extracting(RibEntry::prefix)
                .containsExactly(Prefix.parse("0.0.0.0/0"), Prefix.parse("1.0.0.0/24"));
    }

    @Test
    void aMalformedLineOfThePeerNamesItsLineNumber(@TempDir Path dir) throws IOException {
        Path file = plain(dir, DUMP + "196.223.14.55|30844|1.0.8.0/21|196.223.14.55|x|IGP|0|0|1\n");

        assertThatThrownBy(() -> RibText.read(file, "196.223.14.55")).isInstanceOf(IOException.class)
                .hasMessageContaining("line 8: not a normalized RIB entry");
    }

    @Test
    void malformedLinesOfOtherPeersAreNotRead(@TempDir Path dir) throws IOException {
        Path file = plain(dir, DUMP + "10.0.0.1|1|garbage\n");

        assertThat(RibText.read(file, "196.223.14.55")).hasSize(3);
    }

    @Test
    void aPeerWithoutIpv4RoutesIsAnError(@TempDir Path dir) throws IOException {
        Path file = plain(dir, DUMP);

        assertThatThrownBy(() -> RibText.read(file, "192.0.2.1")).isInstanceOf(IOException.class)
                .hasMessageContaining("no IPv4 routes of peer 192.0.2.1");
    }

    private static Path plain(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("rib.txt"), text, StandardCharsets.US_ASCII);
    }
}
