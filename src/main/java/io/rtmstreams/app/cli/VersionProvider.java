package io.rtmstreams.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code --version}: this build, and the Kafka and Java versions it runs on. */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "version.properties";
    /** Written into the kafka-clients jar by Kafka's own build; the version of the client actually on the class path. */
    private static final String KAFKA_RESOURCE = "/kafka/kafka-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "rtm-streams " + version(),
            "Kafka " + property(KAFKA_RESOURCE, "version") + ", Java " + Runtime.version()
                    + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The project version the build wrote into {@value #RESOURCE}. */
    static String version() {
        return property(RESOURCE, "version");
    }

    private static String property(String resource, String key) {
        try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
