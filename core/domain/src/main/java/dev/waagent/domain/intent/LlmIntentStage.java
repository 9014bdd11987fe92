package dev.waagent.domain.intent;

import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ReplyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last stage of intent routing: asks the model, through the reply chain (so the tenant's providers, circuit
 * breakers and accounting apply), to list a turn's intents in order as JSON. Bounded by a short deadline and a small
 * completion budget; an error, a timeout, the chain's local last resort (it cannot classify) or anything that is not
 * a list of known intents is no answer, and the caller keeps the rules and embedding answer.
 */
public final class LlmIntentStage {

    private static final Logger LOG = LoggerFactory.getLogger(LlmIntentStage.class);
    /** The chain's last resort answers every request, but cannot classify. */
    private static final String LAST_RESORT = "local";
    /** Below this a provider call cannot finish (the chain's own floor is 250 ms). */
    private static final Duration MIN_BUDGET = Duration.ofMillis(300);
    private static final int MAX_CHARS = 600;
    private static final int MAX_INTENTS = 5;
    private static final Pattern ARRAY = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern ITEM = Pattern.compile("\"([^\"]*)\"");
    static final String INSTRUCTIONS = """
            You label a customer's WhatsApp messages to a business by intent. The intents:
            GREETING: hello, thanks, ok. AVAILABILITY: is an item in stock or free on a date. PRICING: prices, rates, \
            deposit amounts, discounts, instalments. BOOKING: book, reserve, extend or cancel; a test drive or visit. \
            COMPLAINT: something went wrong, the customer is unhappy. HUMAN_REQUEST: wants a person or a call. \
            ORDER_STATUS: the state of their existing booking, payment, refund or paperwork. GENERAL_QUESTION: anything \
            else about the business (hours, address, documents, conditions, photos). OUT_OF_SCOPE: not about the business.
            Messages may be in English, Hinglish or Bahasa Indonesia.
            Answer only with JSON: {"intents":["..."]}, every intent present, in the order the customer raised them.""";

    private final ReplyGenerator model;
    private final IntentSettings settings;

    public LlmIntentStage(ReplyGenerator model, IntentSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * The model's intents for {@code text}, in order; empty when the model gave no usable answer within
     * {@code budget} (capped at the configured deadline).
     */
    public Optional<List<Intent>> classify(Tenant tenant, String text, Duration budget) {
        Duration deadline = budget.compareTo(settings.llmDeadline()) < 0 ? budget : settings.llmDeadline();
        if (deadline.compareTo(MIN_BUDGET) < 0 || text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LlmResponse response = model.generate(tenant, request(tenant.id(), text, deadline)).response();
            if (LAST_RESORT.equals(response.provider()) || response.needsHuman()) {
                return Optional.empty();
            }
            Optional<List<Intent>> parsed = parse(response.text());
            if (parsed.isEmpty()) {
                LOG.info("intent model answer for tenant {} unusable ({} chars): rules and embeddings decide",
                        tenant.id(), response.text().length());
            }
            return parsed;
        } catch (RuntimeException e) {
            LOG.warn("intent model unavailable for tenant {}: {}", tenant.id(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * The classification request. The customer's text goes on its own line under a heading: a multi-line turn is
     * never eligible for the response cache, whose key is the last user message alone (a cached reply must never
     * be read as a classification, nor a classification sent as a reply).
     */
    LlmRequest request(String tenantId, String text, Duration deadline) {
        String clipped = text.length() <= MAX_CHARS ? text.strip() : text.substring(0, MAX_CHARS);
        return new LlmRequest(tenantId, List.of(ChatMessage.system(INSTRUCTIONS),
                ChatMessage.user("Customer messages:\n" + clipped)), List.of(), settings.llmMaxTokens(), 0.0, deadline,
                Locale.ENGLISH);
    }

    /** The intents of {@code {"intents":[...]}} (or a bare list, or either inside a code fence); empty if anything is off. */
    static Optional<List<Intent>> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        Matcher array = ARRAY.matcher(answer);
        if (!array.find()) {
            return Optional.empty();
        }
        String body = array.group(1).strip();
        List<Intent> intents = new ArrayList<>();
        Matcher item = ITEM.matcher(body);
        int consumed = 0;
        while (item.find()) {
            if (!body.substring(consumed, item.start()).replace(",", "").isBlank()) {
                return Optional.empty();
            }
            consumed = item.end();
            String name = item.group(1).strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            Intent intent;
            try {
                intent = Intent.valueOf(name);
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
            if (!intents.contains(intent)) {
                intents.add(intent);
            }
        }
        if (!body.substring(consumed).replace(",", "").isBlank() || intents.isEmpty() || intents.size() > MAX_INTENTS) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(intents));
    }
}
