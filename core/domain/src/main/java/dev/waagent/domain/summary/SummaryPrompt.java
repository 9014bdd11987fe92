package dev.waagent.domain.summary;

import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary request and the parsing of its answer.
 * <p>
 * The transcript travels in the system message and the user message is one short line naming how many messages
 * to summarise. So the chain routes it as a simple turn (the {@code simple-first} provider, the cheap one, goes
 * first) and never serves it from the response cache (the line holds a digit and refers to what is "above").
 */
public final class SummaryPrompt {

    static final int MAX_TRANSCRIPT_CHARS = 12_000;
    private static final int MAX_FACT_CHARS = 160;

    private SummaryPrompt() {
    }

    public static LlmRequest request(Tenant tenant, ConversationMemory previous, String customerName,
                                     List<StoredMessage> messages, int maxTokens, Duration timeout) {
        StringBuilder system = new StringBuilder();
        system.append("You summarise a WhatsApp customer-service conversation of ").append(tenant.name())
                .append(" so the assistant can continue it later without the old messages.\n")
                .append("""
                        Write in English. Keep only what matters for serving this customer: what they want, items, \
                        dates, quantities, budget, location, what was promised or quoted, and any question left open. \
                        Never invent anything that is not in the transcript.
                        Answer exactly in this format:
                        SUMMARY: <at most 5 short sentences>
                        FACTS:
                        - <one key fact per line, at most 10>
                        """);
        if (customerName != null && !customerName.isBlank()) {
            system.append("\nCustomer's profile name: ").append(customerName.strip()).append('\n');
        }
        if (previous != null && previous.hasSummary()) {
            system.append("\nSummary so far:\n").append(previous.summary().strip()).append('\n');
        }
        if (previous != null && !previous.keyFacts().isEmpty()) {
            system.append("Key facts so far:\n");
            previous.keyFacts().forEach(f -> system.append("- ").append(f).append('\n'));
        }
        system.append("\nNew messages, oldest first:\n").append(transcript(messages));
        String ask = "Summarise the " + messages.size() + " new messages above.";
        return new LlmRequest(tenant.id(), List.of(ChatMessage.system(system.toString()), ChatMessage.user(ask)),
                List.of(), maxTokens, 0.1, timeout, Locale.ENGLISH);
    }

    /** The newest messages that fit the transcript bound, oldest first. */
    static String transcript(List<StoredMessage> messages) {
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage m = messages.get(i);
            if (m.text() == null || m.text().isBlank()) {
                continue;
            }
            String line = (m.isInbound() ? "Customer: " : "Agent: ") + m.text().strip().replace('\n', ' ');
            if (used + line.length() > MAX_TRANSCRIPT_CHARS) {
                break;
            }
            lines.add(0, line);
            used += line.length() + 1;
        }
        return String.join("\n", lines) + "\n";
    }

    /** The model's answer as summary and facts; an answer without a summary yields an empty one. */
    public static ParsedSummary parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return new ParsedSummary("", List.of());
        }
        String text = answer.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        int summaryAt = upper.indexOf("SUMMARY:");
        int factsAt = upper.indexOf("FACTS:");
        String summary;
        if (summaryAt >= 0) {
            int end = factsAt > summaryAt ? factsAt : text.length();
            summary = text.substring(summaryAt + "SUMMARY:".length(), end);
        } else {
            summary = factsAt > 0 ? text.substring(0, factsAt) : text;
        }
        List<String> facts = new ArrayList<>();
        if (factsAt >= 0) {
            for (String line : text.substring(factsAt + "FACTS:".length()).split("\\R")) {
                String fact = line.strip().replaceFirst("^[-*•]\\s*", "").strip();
                if (!fact.isEmpty() && facts.size() < ExtractiveSummarizer.MAX_FACTS) {
                    facts.add(ExtractiveSummarizer.clip(fact, MAX_FACT_CHARS));
                }
            }
        }
        return new ParsedSummary(ExtractiveSummarizer.clip(summary.strip(), ExtractiveSummarizer.MAX_SUMMARY_CHARS), facts);
    }

    public record ParsedSummary(String summary, List<String> facts) {
    }
}
