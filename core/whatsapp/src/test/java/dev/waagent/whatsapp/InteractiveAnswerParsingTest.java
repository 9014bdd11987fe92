package dev.waagent.whatsapp;

import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.reply.InteractiveAnswer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers' taps in Meta's real webhooks become structured answers. */
class InteractiveAnswerParsingTest {

    private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser(new RecordingTime(Instant.parse("2026-01-15T10:00:00Z")));

    @Test
    void theDomainReadsTheParsersAttributeKeys() {
        assertThat(InteractiveAnswer.BUTTON_ID).isEqualTo(WhatsAppAttributes.BUTTON_ID);
        assertThat(InteractiveAnswer.LIST_ROW_ID).isEqualTo(WhatsAppAttributes.LIST_ROW_ID);
        assertThat(InteractiveAnswer.BUTTON_PAYLOAD).isEqualTo(WhatsAppAttributes.BUTTON_PAYLOAD);
    }

    @Test
    void buttonListAndQuickReplyWebhooksBecomeAnswers() {
        assertThat(answer("docs-meta/interactive_button_reply.json")).hasValueSatisfying(answer -> {
            assertThat(answer.kind()).isEqualTo(InteractiveAnswer.Kind.BUTTON_REPLY);
            assertThat(answer.id()).isNotBlank();
            assertThat(answer.title()).isNotBlank();
        });
        assertThat(answer("docs-meta/interactive_list_reply.json")).hasValueSatisfying(answer -> {
            assertThat(answer.kind()).isEqualTo(InteractiveAnswer.Kind.LIST_REPLY);
            assertThat(answer.id()).isNotBlank();
        });
        assertThat(answer("openapi-v23/webhook-examples/button_message.json")).hasValueSatisfying(answer ->
                assertThat(answer.kind()).isEqualTo(InteractiveAnswer.Kind.TEMPLATE_QUICK_REPLY));
        assertThat(answer("docs-meta/text_message.json")).isEmpty();
    }

    private Optional<InteractiveAnswer> answer(String fixture) {
        InboundMessage message = parser.parseDelivery(MetaFixtures.read(fixture)).messages().get(0);
        return InteractiveAnswer.of(message);
    }
}
