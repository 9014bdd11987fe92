package dev.waagent.domain.summary;

import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.Direction;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.routing.CacheEligibility;
import dev.waagent.domain.llm.routing.TurnComplexity;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class SummaryPromptTest {

    private static final Tenant TENANT = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1", null, null, null,
            "Asha", "", "", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    private static final ConversationKey KEY = new ConversationKey("pune", "919812345678");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    public static List<StoredMessage> conversation(String... lines) {
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Direction direction = i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            Instant at = T0.plusSeconds(30L * i);
            messages.add(new StoredMessage(KEY, "m" + i, "m" + i, direction, MessageType.TEXT, lines[i], at, at,
                    null, null, null, null, ReplyAccounting.NONE));
        }
        return messages;
    }

    @Test
    void theRequestIsASimpleTurnThatTheCacheNeverServes() {
        List<StoredMessage> messages = conversation("What are your hours?", "10 to 8.", "And on Sunday?", "Closed.");
        LlmRequest request = SummaryPrompt.request(TENANT, ConversationMemory.NONE, "Ravi", messages, 300, Duration.ofSeconds(20));

        // Simple turns go to the cheap provider first; what the cache could serve to another conversation never is.
        assertThat(TurnComplexity.of(request, 80)).isEqualTo(TurnComplexity.SIMPLE);
        assertThat(CacheEligibility.keyFor(request, 1)).isEmpty();
        assertThat(request.messages().get(0).content()).contains("Customer: What are your hours?").contains("Agent: Closed.");
    }

    @Test
    void anAnswerIsReadAsSummaryAndFactsAndAnythingElseAsASummaryOnly() {
        SummaryPrompt.ParsedSummary parsed = SummaryPrompt.parse("SUMMARY: Ravi wants the FX3.\nFACTS:\n- Name: Ravi\n* Item: FX3\n");
        assertThat(parsed.summary()).isEqualTo("Ravi wants the FX3.");
        assertThat(parsed.facts()).containsExactly("Name: Ravi", "Item: FX3");
        assertThat(SummaryPrompt.parse("Ravi wants the FX3.").summary()).isEqualTo("Ravi wants the FX3.");
        assertThat(SummaryPrompt.parse("  ").summary()).isEmpty();
    }

    @Test
    void theExtractiveSummaryKeepsQuestionsTheOpenQuestionAndKeyFacts() {
        List<StoredMessage> messages = conversation(
                "Is the Sony FX3 available this Friday?", "Yes it is.",
                "Price for 2 days? My email is ravi@example.com", "Rs 2500 per day. Shall I book it?");
        ConversationSummary summary = new ExtractiveSummarizer().summarize(
                new ConversationMemory("Asked about hours before.", List.of("Prefers mornings"), null, null), "Ravi", messages);

        assertThat(summary.extractive()).isTrue();
        assertThat(summary.summary()).startsWith("Asked about hours before.")
                .contains("\"Is the Sony FX3 available this Friday?\"")
                .contains("Open: the agent asked \"Rs 2500 per day. Shall I book it?\"");
        assertThat(summary.keyFacts()).contains("Name: Ravi", "Prefers mornings", "Asked about: FX3",
                "Durations mentioned: 2 days", "E-mail: ravi@example.com");
        assertThat(summary.keyFacts()).anySatisfy(f -> assertThat(f).startsWith("Dates mentioned:").contains("friday"));
    }
}
