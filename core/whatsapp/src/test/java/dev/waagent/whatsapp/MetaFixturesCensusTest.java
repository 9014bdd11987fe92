package dev.waagent.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under fixtures/meta has a role and is exercised by the component it belongs to. Adding, removing or
 * moving a fixture changes these counts: give the new file a role in {@link MetaFixtures} and a test.
 */
class MetaFixturesCensusTest {

    @Test
    void everyMetaFixtureFileHasAKnownRole() {
        assertThat(MetaFixtures.allFiles()).filteredOn(file -> MetaFixtures.roleOf(file) == MetaFixtures.Role.UNCLASSIFIED)
                .isEmpty();
    }

    @Test
    void fixtureCountsPerDirectoryAreTheOnesThisSuiteHandles() {
        assertThat(MetaFixtures.census()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry(". REFERENCE", 1),
                entry("bindambc-java/send-error GRAPH_ERROR_RESPONSE", 1),
                entry("bindambc-java/send-request SEND_REQUEST", 17),
                entry("bindambc-java/send-request OTHER_ENDPOINT_REQUEST", 1),
                entry("bindambc-java/send-response MEDIA_RESPONSE", 2),
                entry("bindambc-java/send-response SEND_RESPONSE", 2),
                entry("bindambc-java/webhook DELIVERY", 24),
                entry("bindambc-java/webhook INVALID_DELIVERY", 1),
                entry("docs-meta DELIVERY", 14),
                entry("docs-meta REFERENCE", 1),
                entry("docs-meta/send GRAPH_ERROR_RESPONSE", 1),
                entry("docs-meta/send SEND_REQUEST", 8),
                entry("docs-meta/send SEND_RESPONSE", 2),
                entry("netflie-php DELIVERY", 30),
                entry("openapi-v23 REFERENCE", 1),
                entry("openapi-v23/send-request-examples SEND_REQUEST", 50),
                entry("openapi-v23/send-response-examples SEND_RESPONSE", 44),
                entry("openapi-v23/webhook-examples DELIVERY", 16),
                entry("pywa DELIVERY", 37),
                entry("pywa ERROR_OBJECT", 3),
                entry("pywa/original DELIVERY_COLLECTION", 5),
                entry("signature/pywa SIGNATURE_VECTOR", 2),
                entry("signature/whatsapp-api-js SIGNATURE_VECTOR", 3),
                entry("signature/whatsapp-nodejs-sdk SIGNATURE_VECTOR", 2),
                entry("typebot DELIVERY", 1),
                entry("verification REFERENCE", 2)));
    }

    @Test
    void allMetaFixturesAreAccountedFor() {
        assertThat(MetaFixtures.allFiles()).hasSize(271);
        assertThat(MetaFixtures.filesWithRole(MetaFixtures.Role.DELIVERY)).hasSize(122);
    }
}
