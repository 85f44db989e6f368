package io.rtmstreams.it;

import io.rtmstreams.contract.schema.ContractSchemas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar carries the project's {@code schemas/} folder under {@code schemas/} (design.md: shipped in the
 * jar), file for file, and the test validator loads every schema from it. Failsafe puts the packaged jar, not the
 * classes folder, on the classpath, so this runs against what ships.
 */
class ShippedSchemasIT {

    @Test
    void jarHoldsEveryFileOfTheSchemasFolderAndTheSchemasLoadFromIt() throws IOException {
        URL index = getClass().getClassLoader().getResource(ContractSchemas.CLASSPATH_FOLDER + ContractSchemas.INDEX);
        assertThat(index).as("schemas/topics.json on the classpath").isNotNull();
        assertThat(index.getProtocol()).as("loaded from the packaged jar").isEqualTo("jar");

        Set<String> inJar = new TreeSet<>();
        JarURLConnection connection = (JarURLConnection) index.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(ContractSchemas.CLASSPATH_FOLDER) && !n.endsWith("/"))
                    .forEach(n -> inJar.add(n.substring(ContractSchemas.CLASSPATH_FOLDER.length())));
        }
        Set<String> inProject = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            files.forEach(f -> inProject.add(f.getFileName().toString()));
        }
        assertThat(inJar).isEqualTo(inProject);

        ContractSchemas schemas = ContractSchemas.get();
        assertThat(schemas.topics()).hasSize(9);
        assertThat(schemas.validateKey("rtm.fleet-routes", "unicast|10.0.0.0/8")).isEmpty();
    }
}
