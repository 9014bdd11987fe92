package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The prompt uses the summary and key facts instead of the turns they cover. */
class PromptMemoryTest {

    private static final Tenant TENANT = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1", null, null, null,
            "Asha", "", "", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);

    @Test
    void turnsTheSummaryCoversLeaveThePromptAndTheSummaryTakesTheirPlace() {
        List<StoredMessage> messages = dev.waagent.domain.summary.SummaryPromptTest.conversation(
                "Is the FX3 free on Friday?", "Yes.", "Price for 2 days?", "Rs 5000.", "Book it");
        StoredMessage covered = messages.get(1);
        ConversationMemory memory = new ConversationMemory("Ravi asked about the FX3 on Friday.", List.of("Item: FX3"),
                covered.receivedAt(), null);
        Conversation conversation = new Conversation(messages.get(0).key(), "Ravi", ConversationStatus.ACTIVE, null, null,
                false, null, memory);
        LlmRequest request = new PromptBuilder(TurnSettings.defaults()).build(TENANT,
                new ConversationSnapshot(conversation, messages), List.of(messages.get(4)),
                messages.get(4).receivedAt(), Duration.ofSeconds(5));

        assertThat(request.messages().get(0).content()).contains("Ravi asked about the FX3 on Friday.").contains("- Item: FX3");
        assertThat(request.messages()).extracting(ChatMessage::content)
                .containsSubsequence("Price for 2 days?", "Rs 5000.", "Book it")
                .doesNotContain("Is the FX3 free on Friday?", "Yes.");
    }

    @Test
    void withoutMemoryThePromptIsAsBefore() {
        List<StoredMessage> messages = dev.waagent.domain.summary.SummaryPromptTest.conversation("hi", "Hello!", "hours?");
        Conversation conversation = Conversation.start(messages.get(0).key());
        LlmRequest request = new PromptBuilder(TurnSettings.defaults()).build(TENANT,
                new ConversationSnapshot(conversation, messages), List.of(messages.get(2)), messages.get(2).receivedAt(),
                Duration.ofSeconds(5));
        assertThat(request.messages()).extracting(ChatMessage::content).containsSubsequence("hi", "Hello!", "hours?");
        assertThat(request.messages().get(0).content()).doesNotContain("Earlier in this conversation");
    }
}
