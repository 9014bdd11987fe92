package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class GraphErrorBodiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theBodiesAreTheFixturesPublishedByMetaAndPywa() throws IOException {
        assertThat(MAPPER.readTree(GraphErrorBodies.THROUGHPUT_130429))
                .isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/error_response_130429.json")));
        assertThat(MAPPER.readTree(GraphErrorBodies.RE_ENGAGEMENT_131047).get("error"))
                .isEqualTo(MAPPER.readTree(MetaFixtures.read("pywa/error_object__ReEngagementMessage.json")));
    }

    @Test
    void eachBodyParsesToItsCode() {
        for (int code : new int[]{130429, 131047, 131056}) {
            assertThat(GraphErrorBodies.forCode(code)).hasValueSatisfying(body ->
                    assertThat(GraphApiError.parse(body)).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(code)));
        }
        assertThat(GraphErrorBodies.forCode(100)).isEmpty();
        assertThat(GraphApiError.parse(GraphErrorBodies.PAIR_RATE_131056.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasValueSatisfying(error -> assertThat(error.isPairRateLimit()).isTrue());
    }
}
