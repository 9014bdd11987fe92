package dev.waagent.domain.context;

import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.PriceUnit;
import dev.waagent.domain.catalog.SpellingCorrection;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.Direction;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenEstimator;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.llm.routing.TurnComplexity;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.memory.TurnMemory;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.FollowUpRequests;
import dev.waagent.domain.turn.ReplyGenerator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small in-memory stand-ins for the context tests: a catalog, a knowledge base, the stores, a scripted model. */
final class ContextFixtures {

    static final Tenant PUNE = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1", null, null, null,
            "Asha", "Friendly.", "Address: Baner Road, Pune.", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    static final ConversationKey KEY = new ConversationKey("pune", "919800000001");
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    static final CatalogItem FX3 = new CatalogItem("i1", "pune", "CAM-FX3", "Sony FX3", List.of("fx3", "fx 3"), "cameras",
            new BigDecimal("3500"), "INR", PriceUnit.PER_DAY, 3, Availability.IN_STOCK, Map.of("mount", "E"), null, 1);
    static final CatalogItem A7S3 = new CatalogItem("i2", "pune", "CAM-A7S3", "Sony A7S III", List.of("a7s3", "a7siii"),
            "cameras", new BigDecimal("3000"), "INR", PriceUnit.PER_DAY, 2, Availability.IN_STOCK, Map.of(), null, 1);

    /** About four characters a token: enough to test budgeting without the real tokenizer (core/llm has it). */
    static final TokenEstimator TOKENS = new TokenEstimator() {
        @Override
        public int count(String text) {
            return text == null ? 0 : (text.length() + 3) / 4;
        }

        @Override
        public int count(List<ChatMessage> messages) {
            int total = 3;
            for (ChatMessage message : messages) {
                total += 4 + count(message.content());
                for (ToolCall call : message.toolCalls()) {
                    total += count(call.name()) + count(call.argumentsJson());
                }
            }
            return total;
        }

        @Override
        public int countTools(List<ToolDefinition> tools) {
            return tools.stream().mapToInt(t -> count(t.name()) + count(t.description()) + count(t.parametersJsonSchema())).sum();
        }
    };

    /** Matches an item when the text names it or an alias. */
    static final class Catalog implements CatalogLookup {
        final List<CatalogItem> items;

        Catalog(CatalogItem... items) {
            this.items = List.of(items);
        }

        @Override
        public List<CatalogMatch> match(String tenantId, String text, int k) {
            String lower = text.toLowerCase(Locale.ROOT);
            List<CatalogMatch> found = new ArrayList<>();
            for (CatalogItem item : items) {
                boolean named = lower.contains(item.name().toLowerCase(Locale.ROOT))
                        || item.aliases().stream().anyMatch(lower::contains);
                if (named && item.tenantId().equals(tenantId) && found.size() < k) {
                    found.add(new CatalogMatch(item, 0.95, CatalogMatch.Kind.EXACT, text, item.name()));
                }
            }
            return found;
        }

        @Override
        public SpellingCorrection correct(String tenantId, String text) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every entry whose keyword appears in the query, scored as given. */
    static final class Knowledge implements KnowledgeBase {
        final List<KnowledgeHit> hits = new ArrayList<>();

        Knowledge add(String keyword, String title, String content, double score) {
            KnowledgeEntry entry = new KnowledgeEntry("k" + hits.size(), "pune", KnowledgeEntryType.FAQ, title, content,
                    List.of(), List.of(keyword), "", 0, 1, null);
            hits.add(new KnowledgeHit(entry, score, score, score, null));
            return this;
        }

        @Override
        public List<KnowledgeHit> search(String tenantId, String query, int k) {
            String lower = query.toLowerCase(Locale.ROOT);
            return hits.stream().filter(hit -> lower.contains(hit.entry().keywords().get(0))).limit(k).toList();
        }
    }

    static final class Stores implements FollowUpRequests, TurnMemory {
        final List<FollowUpRequest> requests = new ArrayList<>();
        final List<List<String>> savedFacts = new ArrayList<>();
        final List<IntentResolution> intentRecords = new ArrayList<>();
        final List<List<String>> toolRecords = new ArrayList<>();
        final List<List<String>> dropped = new ArrayList<>();
        final List<ConversationKey> summaryDue = new ArrayList<>();

        @Override
        public void record(FollowUpRequest request) {
            requests.add(request);
        }

        @Override
        public List<FollowUpRequest> open(ConversationKey key, Instant now, int limit) {
            return requests.stream().filter(r -> r.key().equals(key) && r.open()).limit(limit).toList();
        }

        @Override
        public void saveKeyFacts(ConversationKey key, List<String> facts, Instant at) {
            savedFacts.add(facts);
        }

        @Override
        public void recordTurn(ConversationKey key, String turnRef, IntentResolution intents, List<String> toolCalls,
                               List<String> contextDropped, List<String> priceRepairs, Instant at) {
            intentRecords.add(intents);
            toolRecords.add(toolCalls);
            dropped.add(contextDropped);
        }

        @Override
        public void markSummaryDue(ConversationKey key, Instant at) {
            summaryDue.add(key);
        }
    }

    /** Answers each call with the next scripted response and keeps every request it was given. */
    static final class ScriptedModel implements ReplyGenerator {
        final List<LlmResponse> script = new ArrayList<>();
        final List<LlmRequest> requests = new ArrayList<>();

        ScriptedModel says(String text) {
            script.add(new LlmResponse("openai", "gpt-4o-mini", text, List.of(), new TokenUsage(100, 20, false),
                    Duration.ofMillis(5), false));
            return this;
        }

        ScriptedModel calls(String name, String arguments) {
            script.add(new LlmResponse("openai", "gpt-4o-mini", "", List.of(new ToolCall("call_" + script.size(), name, arguments)),
                    new TokenUsage(100, 10, false), Duration.ofMillis(5), false));
            return this;
        }

        @Override
        public GeneratedReply generate(Tenant tenant, LlmRequest request) {
            requests.add(request);
            LlmResponse response = script.get(Math.min(requests.size() - 1, script.size() - 1));
            return new GeneratedReply(response, 0, new RouteReport(TurnComplexity.SIMPLE, List.of("openai:OK"), false, BigDecimal.ZERO));
        }
    }

    static List<StoredMessage> conversation(String... lines) {
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Direction direction = i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            Instant at = T0.plusSeconds(30L * i);
            boolean last = i == lines.length - 1;
            messages.add(new StoredMessage(KEY, "m" + i, "m" + i, direction, MessageType.TEXT, lines[i], at, at,
                    last ? null : "t" + i, null, null, null, ReplyAccounting.NONE));
        }
        return messages;
    }

    private ContextFixtures() {
    }
}
