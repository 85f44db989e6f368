package io.rtmstreams.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This instance's static group membership (KIP-345): a name made once and kept in the data directory, so that an
 * instance restarted after a crash (kill -9, its host rebooted) is the same member to the group coordinator and takes
 * its tasks back at once. A new dynamic member would wait until the dead one's session timed out (the 10 s of
 * {@link Failover}), because the coordinator holds the rebalance for every member it still believes alive. Closing
 * still leaves the group ({@link RtmRuntime#close}), so a stopped instance's tasks move at once.
 *
 * <p>Two instances must never share the name: the coordinator fences the older one. Each data directory holds its
 * own name, and Kafka Streams' state directory lock already forbids two instances on one data directory; a copied
 * data directory must have its {@value #FILE} file removed.
 */
public final class InstanceId {

    static final String FILE = "instance-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private InstanceId() {
    }

    /** The name kept in {@code dataDir}, made (a random {@code rtm-<uuid>}) and kept there on first use. */
    public static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!VALID.matcher(id).matches()) {
                    throw new IllegalStateException(file + " does not hold an instance name (letters, digits, '.',"
                            + " '_' and '-'); remove it to have a new one made");
                }
                return id;
            }
            String id = "rtm-" + UUID.randomUUID();
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this instance's name in " + file, e);
        }
    }
}
