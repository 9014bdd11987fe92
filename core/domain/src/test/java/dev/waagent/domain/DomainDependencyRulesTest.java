package dev.waagent.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain speaks of conversations, turns, tenants and knowledge only: adapters (AWS, JDBC, HTTP, JSON,
 * Micronaut) depend on it, never the other way round.
 */
class DomainDependencyRulesTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.waagent.domain");

    @Test
    void domainHasNoAwsJdbcHttpOrFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.waagent.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..",
                        "java.sql..", "javax.sql..", "io.micronaut.data..", "org.springframework.jdbc..",
                        "java.net.http..", "io.micronaut.http..", "com.sun.net.httpserver..", "okhttp3..",
                        "io.micronaut..", "jakarta.inject..", "com.fasterxml.jackson..", "com.openai..")
                .because("adapters sit behind the domain's ports (DESIGN.md §2)")
                .check(DOMAIN);
    }

    @Test
    void domainDoesNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("dev.waagent.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.waagent.whatsapp..", "dev.waagent.dynamodb..", "dev.waagent.sqs..", "dev.waagent.llm..",
                        "dev.waagent.ingest..", "dev.waagent.worker..", "dev.waagent.webhook..", "dev.waagent.local..",
                        "dev.waagent.lambda..", "dev.waagent.embedded..")
                .check(DOMAIN);
    }
}
