package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GraphRequestCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Every messages-endpoint request in the fixtures passes, except those whose media link is a placeholder such as
     * {@code http(s)://image-url} rather than a URL (Meta would refuse those too).
     */
    @Test
    void metasPublishedRequestsPassExceptPlaceholderLinks() throws IOException {
        Map<String, String> refused = new TreeMap<>();
        for (String file : MetaFixtures.filesWithRole(MetaFixtures.Role.SEND_REQUEST)) {
            JsonNode request = MAPPER.readTree(MetaFixtures.read(file));
            GraphRequestCheck.check(request).ifPresent(error -> refused.put(file, error.details()));
        }
        assertThat(refused).allSatisfy((file, why) -> assertThat(why).as(file).contains("['link'] must be an http(s) URL"));
        assertThat(refused).hasSize(2);
        assertThat(refused.keySet()).allSatisfy(file -> assertThat(MetaFixtures.readString(file)).contains("http(s)://"));
    }

    @Test
    void aRefusalReadsLikeMetas() {
        JsonNode request = GraphApiPayloads.replyMessage("16505551234", new dev.waagent.domain.reply.Reply.Buttons(null, "Pick", null,
                java.util.List.of(new dev.waagent.domain.reply.ReplyButton("a", "A title that is far too long"))), null);

        assertThat(GraphRequestCheck.check(request)).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(131009);
            assertThat(error.message()).isEqualTo("(#131009) Parameter value is not valid");
            assertThat(error.details()).isEqualTo("Param interactive['action']['buttons'][0]['reply']['title'] must be at most 20 characters long");
            assertThat(GraphApiError.parse(error.toEnvelopeBytes())).contains(error);
        });
    }
}
