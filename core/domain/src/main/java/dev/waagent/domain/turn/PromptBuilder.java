package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a conversation snapshot into the prompt for one turn: the tenant's persona and facts, what the
 * conversation remembers (summary and key facts), the recent history the summary does not cover yet, and every
 * unanswered customer message as the turn to answer.
 */
public final class PromptBuilder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final TurnSettings settings;
    private final IntentRouter intentRouter;

    /** Intents by the rules alone. */
    public PromptBuilder(TurnSettings settings) {
        this(settings, IntentRouter.rulesOnly());
    }

    public PromptBuilder(TurnSettings settings, IntentRouter intentRouter) {
        this.settings = settings;
        this.intentRouter = intentRouter;
    }

    public LlmRequest build(Tenant tenant, ConversationSnapshot snapshot, List<StoredMessage> toAnswer, Instant now,
                            Duration timeout) {
        String customerTurn = toAnswer.stream().map(PromptBuilder::asPromptText).collect(Collectors.joining("\n"));
        Locale language = LanguageDetector.detect(customerTurn, snapshot, tenant.languages());

        List<ChatMessage> messages = new ArrayList<>();
        ConversationMemory memory = snapshot.conversation().memory();
        messages.add(ChatMessage.system(systemPrompt(tenant, now, language) + memoryPrompt(memory)));
        Set<String> answering = toAnswer.stream().map(StoredMessage::messageId).collect(Collectors.toSet());
        for (StoredMessage earlier : snapshot.recentMessages()) {
            if (answering.contains(earlier.messageId()) || earlier.text() == null || earlier.text().isBlank()
                    || !memory.keepsTurn(earlier.receivedAt())) {
                // Turns the summary covers (or that context expiry cleared) stay out: the summary speaks for them.
                continue;
            }
            messages.add(earlier.isInbound() ? ChatMessage.user(asPromptText(earlier)) : ChatMessage.assistant(earlier.text()));
        }
        messages.add(ChatMessage.user(customerTurn));
        // Rules and embeddings only: this path has one model call, the reply, and its whole deadline is the reply's.
        IntentResolution intents = intentRouter.resolveWithoutModel(customerTurn);
        if (intents.intents().size() > 1) {
            // A burst with several asks: make the model answer each, in the order asked.
            messages.set(0, ChatMessage.system(messages.get(0).content() + "- The customer's messages ask, in order: "
                    + intents.describe() + ". Address each one, in that order, in one reply.\n"));
        }
        return new LlmRequest(tenant.id(), messages, List.of(), settings.maxReplyTokens(), settings.temperature(),
                timeout, language);
    }

    /** Persona, business facts, now in the tenant's time zone, rules and the reply language. */
    public static String systemPrompt(Tenant tenant, Instant now, Locale language) {
        StringBuilder prompt = new StringBuilder();
        String agent = tenant.agentName() == null || tenant.agentName().isBlank() ? "the assistant" : tenant.agentName();
        prompt.append("You are ").append(agent).append(", the WhatsApp assistant of ").append(tenant.name()).append(".\n");
        if (tenant.persona() != null && !tenant.persona().isBlank()) {
            prompt.append(tenant.persona().strip()).append('\n');
        }
        if (tenant.businessFacts() != null && !tenant.businessFacts().isBlank()) {
            prompt.append("\nBusiness facts (the only facts you may state):\n").append(tenant.businessFacts().strip()).append('\n');
        }
        ZonedDateTime local = now.atZone(tenant.timezone());
        prompt.append("\nNow: ").append(WHEN.format(local)).append(" (").append(tenant.timezone().getId()).append(").\n");
        prompt.append("""
                Rules:
                - Answer every question in the customer's latest messages, in order, briefly, as a WhatsApp chat message.
                - Never invent prices, stock, dates or policies. If a fact is not above, say a team member will confirm.
                - If the customer asks for a person, say a team member will reply.
                """);
        prompt.append("- Reply in ").append(languageName(language))
                .append(" (match the customer's style, e.g. Hinglish when they write Hinglish).\n");
        return prompt.toString();
    }

    /** The summary and key facts the scheduler kept, in place of the turns they cover. */
    public static String memoryPrompt(ConversationMemory memory) {
        if (!memory.hasSummary() && memory.keyFacts().isEmpty()) {
            return "";
        }
        StringBuilder prompt = new StringBuilder("\nEarlier in this conversation (summary, not said in this turn):\n");
        if (memory.hasSummary()) {
            prompt.append(memory.summary().strip()).append('\n');
        }
        if (!memory.keyFacts().isEmpty()) {
            prompt.append("Key facts about this customer:\n");
            memory.keyFacts().forEach(fact -> prompt.append("- ").append(fact.strip()).append('\n'));
        }
        return prompt.toString();
    }

    private static String languageName(Locale language) {
        if (language.getLanguage().equals(LanguageDetector.HINDI.getLanguage())) {
            return "Hindi or Hinglish";
        }
        if (language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage())) {
            return "Bahasa Indonesia";
        }
        return "English";
    }

    /** Non-text messages are described so the model knows what arrived. */
    public static String asPromptText(StoredMessage message) {
        String text = message.text() == null ? "" : message.text().strip();
        return switch (message.type()) {
            case TEXT, BUTTON, BUTTON_REPLY, LIST_REPLY -> text;
            case IMAGE, VIDEO, DOCUMENT, AUDIO -> "[customer sent " + message.type().wireName() + "]" + (text.isEmpty() ? "" : " " + text);
            case LOCATION -> "[customer shared a location]" + (text.isEmpty() ? "" : " " + text);
            case CONTACTS -> "[customer shared a contact]" + (text.isEmpty() ? "" : " " + text);
            case UNSUPPORTED, UNKNOWN -> "[customer sent a message type we cannot read]" + (text.isEmpty() ? "" : " " + text);
            default -> text;
        };
    }
}
