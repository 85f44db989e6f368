package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.Failover;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.streams.OutputSelection;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code run} tells its user once processing runs: where Kafka, the API and the state are, and the topics. */
final class StartupReport {

    private StartupReport() {
    }

    static List<String> lines(RtmRuntime runtime) {
        AppConfig config = runtime.config();
        List<String> lines = new ArrayList<>();
        lines.add("rtm-streams " + VersionProvider.version() + " is running");
        lines.add("  Kafka      " + kafka(runtime));
        lines.add("  query API  " + api(config, runtime.api().port()));
        lines.add("  state      " + config.dataDir().resolve("state").toAbsolutePath().normalize());
        if (!config.settings().outputs().equals(OutputSelection.ALL)) {
            lines.add("  off        " + String.join(", ", turnedOff(config.settings())));
        }
        lines.add("  fail-over  " + failover(config));
        lines.add("  topics");
        TopicTable.lines(config.settings().topics(), runtime.topics()).forEach(line -> lines.add("    " + line));
        lines.add("Stop with Ctrl-C or SIGTERM.");
        return lines;
    }

    /** The outputs the operator turned off (--dest-changes, --notifications, --fleet-view, --results). */
    static List<String> turnedOff(StreamsSettings settings) {
        OutputSelection o = settings.outputs();
        Topics t = settings.topics();
        List<String> off = new ArrayList<>();
        if (!o.destChanges()) {
            off.add(t.destChanges());
        }
        if (!o.notifications()) {
            off.add(t.notifications());
        }
        if (!o.fleetView()) {
            off.add(t.fleetRoutes() + " (fleet view)");
        }
        if (o.results() == Ack.ERRORS) {
            off.add("successful results");
        }
        return off;
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String kafka(RtmRuntime runtime) {
        EmbeddedKafka broker = runtime.broker();
        if (broker == null) {
            return runtime.bootstrapServers();
        }
        String data = broker.formattedFreshDirectory() ? "new" : "existing";
        return broker.bootstrapServers() + " (embedded broker, " + data + " data in " + broker.dataDirectory() + ")";
    }

    /** The settings that decide how fast another instance takes over from this one (README, Fail-over). */
    static String failover(AppConfig config) {
        Failover f = config.failover();
        String standbys = f.standbyReplicas() + (f.standbyReplicas() == 1 ? " standby replica" : " standby replicas")
                + " (on other instances of " + config.applicationId() + ")";
        String transactions = config.exactlyOnce() ? ", transaction timeout " + millis(f.transactionTimeout()) : "";
        return standbys + ", session timeout " + millis(f.sessionTimeout()) + " (heartbeat "
                + millis(f.heartbeatInterval()) + ")" + transactions;
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Where the API listens: the port it bound, which differs from the configured one when that was 0. */
    private static String api(AppConfig config, int port) {
        String bound = "http://" + config.apiHost() + ":" + port;
        String advertised = config.apiAdvertisedHost();
        return advertised.equals(config.apiHost()) ? bound
                : bound + " (other instances forward to " + advertised + ":" + port + ")";
    }
}
