package dev.waagent.domain.reply;

import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InteractiveAnswerTest {

    @Test
    void buttonListAndTemplateQuickRepliesBecomeStructuredAnswers() {
        assertThat(InteractiveAnswer.of(inbound(MessageType.BUTTON_REPLY, "Book it", Map.of("button_id", "book"))))
                .contains(new InteractiveAnswer(InteractiveAnswer.Kind.BUTTON_REPLY, "book", "Book it"));
        assertThat(InteractiveAnswer.of(inbound(MessageType.LIST_REPLY, "Avanza", Map.of("list_row_id", "opt-1"))))
                .contains(new InteractiveAnswer(InteractiveAnswer.Kind.LIST_REPLY, "opt-1", "Avanza"));
        assertThat(InteractiveAnswer.of(inbound(MessageType.BUTTON, "Reschedule", Map.of("button_payload", "RESCHEDULE"))))
                .contains(new InteractiveAnswer(InteractiveAnswer.Kind.TEMPLATE_QUICK_REPLY, "RESCHEDULE", "Reschedule"));
        assertThat(InteractiveAnswer.of(inbound(MessageType.TEXT, "hello", Map.of()))).isEmpty();
    }

    @Test
    void theAnswerFindsTheOptionItChose() {
        InteractiveAnswer answer = new InteractiveAnswer(InteractiveAnswer.Kind.LIST_REPLY, "opt-2", "Xenia");
        assertThat(answer.chosen(List.of(ReplyOption.of("opt-1", "Avanza"), ReplyOption.of("opt-2", "Xenia"))))
                .contains(ReplyOption.of("opt-2", "Xenia"));
    }

    private static InboundMessage inbound(MessageType type, String text, Map<String, String> attributes) {
        return new InboundMessage("whatsapp", "106540352242922", "wamid.X", "6281234567890", null, type, type.wireName(), text,
                Instant.parse("2026-01-15T10:00:00Z"), null, attributes);
    }
}
