package io.rtmstreams;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of design.md: net ← rtm, iphlp (pure domain) ← contract (the wire: JSON records, readers, writers) ←
 * streams (the Kafka Streams shell) ← api ← app, with contract used side by side by streams, api and app; net ← mrt
 * (the MRT reader, plain Java) ← app. No package cycles, sub-packages included (Kafka's import-control).
 */
class LayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rtmstreams");
    }

    @Test
    void domainImportsNothingFromKafkaOrJackson() {
        noClasses().that().resideInAnyPackage("io.rtmstreams.net..", "io.rtmstreams.rtm..", "io.rtmstreams.iphlp..",
                        "io.rtmstreams.mrt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "com.fasterxml.jackson..")
                .because("the RTM and IP Helper domain and the MRT reader are plain Java (design.md, Layers)")
                .check(main);
    }

    @Test
    void pmacctMappingImportsNothingFromKafka() {
        noClasses().that().resideInAPackage("io.rtmstreams.app.follow.pmacct")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .because("the pmacct mapping is pure; the consume-transform-produce loop around it is the Kafka edge")
                .check(main);
    }

    @Test
    void theWireContractImportsNothingFromKafka() {
        noClasses().that().resideInAPackage("io.rtmstreams.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .because("the contract is the JSON of contract.md, which the processor, the query API and the CLI "
                        + "read and write alike; the Kafka serdes around it belong to streams")
                .check(main);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching("io.rtmstreams.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("net").definedBy("io.rtmstreams.net..")
                .layer("rtm").definedBy("io.rtmstreams.rtm..")
                .layer("iphlp").definedBy("io.rtmstreams.iphlp..")
                .layer("contract").definedBy("io.rtmstreams.contract..")
                .layer("streams").definedBy("io.rtmstreams.streams..")
                .layer("api").definedBy("io.rtmstreams.api..")
                .layer("app").definedBy("io.rtmstreams.app..")
                .layer("mrt").definedBy("io.rtmstreams.mrt..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("mrt").mayOnlyBeAccessedByLayers("app")
                .whereLayer("api").mayOnlyBeAccessedByLayers("app")
                .whereLayer("streams").mayOnlyBeAccessedByLayers("api", "app")
                .whereLayer("contract").mayOnlyBeAccessedByLayers("streams", "api", "app")
                .whereLayer("iphlp").mayOnlyBeAccessedByLayers("contract", "streams", "api", "app")
                .whereLayer("rtm").mayOnlyBeAccessedByLayers("iphlp", "contract", "streams", "api", "app")
                .check(main);
    }
}
