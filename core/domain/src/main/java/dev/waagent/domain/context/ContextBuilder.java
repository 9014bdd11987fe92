package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.ItemAttributes;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.TokenEstimator;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.domain.memory.KeyFacts;
import dev.waagent.domain.memory.MemoryCues;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.FollowUpRequests;
import dev.waagent.domain.tools.Money;
import dev.waagent.domain.tools.PriceGuard;
import dev.waagent.domain.tools.QuotedPrice;
import dev.waagent.domain.turn.PromptBuilder;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.domain.turn.TurnSideCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a turn's prompt within the tenant's token budget, counted with the project's one token counter. In
 * priority order: the system prompt (persona, business facts, hours, rules, disclaimers, now in the tenant's time
 * zone, reply language), the summary and key facts, the recent turns, the top-k knowledge hits, the catalog
 * matches, the customer's open leads and bookings. What does not fit is dropped lowest priority first (the oldest
 * turn first within the turns, the weakest hit first within hits) and the truncation is reported.
 */
public final class ContextBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ContextBuilder.class);
    private static final Set<Intent> TOOL_INTENTS = Set.of(Intent.AVAILABILITY, Intent.PRICING, Intent.BOOKING,
            Intent.HUMAN_REQUEST, Intent.ORDER_STATUS);
    private static final Pattern DIGIT = Pattern.compile("\\d");
    /** The customer's open leads and bookings the prompt lists at most (newest first). */
    private static final int OPEN_REQUESTS = 3;

    private final TokenEstimator tokens;
    private final KnowledgeBase knowledge;
    private final CatalogLookup catalog;
    private final FollowUpRequests history;
    private final ContextSettings settings;
    private final TurnSettings turn;
    private final IntentRouter intentRouter;
    /** Runs a turn's database lookups while its CPU work goes on (the process's {@link TurnSideCalls}). */
    private final Executor lookups;

    /** For tests and tools: a pool of its own for lookups (production passes the process's {@link TurnSideCalls}). */
    public ContextBuilder(TokenEstimator tokens, KnowledgeBase knowledge, CatalogLookup catalog,
                          FollowUpRequests history, ContextSettings settings, TurnSettings turn,
                          IntentRouter intentRouter) {
        this(tokens, knowledge, catalog, history, settings, turn, intentRouter,
                TurnSideCalls.newExecutor(TurnSideCalls.DEFAULT_THREADS));
    }

    /**
     * @param intentRouter the turn's intents (rules, embeddings, the LLM for ambiguous turns)
     * @param lookups      where the customer's open requests are read while the searches run ({@link TurnSideCalls})
     */
    public ContextBuilder(TokenEstimator tokens, KnowledgeBase knowledge, CatalogLookup catalog,
                          FollowUpRequests history, ContextSettings settings, TurnSettings turn,
                          IntentRouter intentRouter, Executor lookups) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.intentRouter = intentRouter;
        this.tokens = tokens;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.history = history;
        this.settings = settings;
        this.turn = turn;
    }

    /** One droppable piece of a section (a turn, a hit, a catalog line). */
    private record Piece(ContextSection section, String text, ChatMessage turnMessage) {
    }

    public TurnContext build(Tenant tenant, Optional<AgentConfiguration> configuration, ConversationSnapshot snapshot,
                             List<StoredMessage> toAnswer, Instant now, Duration timeout, List<ToolDefinition> tools) {
        String customerTurn = toAnswer.stream().map(PromptBuilder::asPromptText).collect(Collectors.joining("\n"));
        Locale language = LanguageDetector.detect(customerTurn, snapshot, tenant.languages());
        ConversationMemory memory = snapshot.conversation().memory();
        double threshold = configuration.map(AgentConfiguration::confidenceThreshold).orElse(AgentConfiguration.DEFAULT_CONFIDENCE_THRESHOLD);

        Optional<StoredMessage> forgotten = MemoryCues.asksAboutForgottenQuestion(customerTurn)
                ? MemoryCues.forgottenQuestion(snapshot, toAnswer) : Optional.empty();
        Optional<String> returning = MemoryCues.returningTopic(snapshot, toAnswer);
        String query = forgotten.map(question -> question.text() + "\n" + customerTurn).orElse(customerTurn);

        // The customer's open requests came with the conversation when the store keeps them there; otherwise they are a
        // database read, which runs while the searches below use the CPU.
        CompletableFuture<List<FollowUpRequest>> openRead = snapshot.openRequests() != null
                ? CompletableFuture.completedFuture(openOf(snapshot.openRequests()))
                : CompletableFuture.supplyAsync(() -> safeHistory(snapshot, now), lookups);
        List<KnowledgeHit> hits = safeSearch(tenant, query);
        List<CatalogMatch> matches = withItemInFocus(tenant, safeMatch(tenant, query), memory, customerTurn);
        List<FollowUpRequest> open = openRead.join();
        List<String> facts = KeyFacts.merge(memory.keyFacts(), KeyFacts.extract(customerTurn, matches));
        boolean factsChanged = !facts.equals(memory.keyFacts());

        // The LLM stage, when a turn needs it, may use at most a third of the turn's time: the reply needs the rest.
        IntentResolution resolution = intentRouter.resolve(tenant, customerTurn, timeout.dividedBy(3));
        List<Intent> intents = resolution.intents();
        boolean useTools = !tools.isEmpty() && (!matches.isEmpty() || DIGIT.matcher(customerTurn).find()
                || intents.stream().anyMatch(TOOL_INTENTS::contains) || forgotten.isPresent() || returning.isPresent());
        // (A request with tools is never served from the response cache: a memory cue is this customer's alone.)
        List<ToolDefinition> offered = useTools ? tools : List.of();

        // SYSTEM: never dropped.
        StringBuilder system = new StringBuilder(PromptBuilder.systemPrompt(tenant, now, language));
        if (tenant.openingHours().known()) {
            system.append("- Opening hours (").append(tenant.timezone().getId()).append("): ")
                    .append(tenant.openingHours().asMap()).append(".\n");
        }
        configuration.ifPresent(config -> config.requiredDisclaimers().forEach(disclaimer ->
                system.append("- Required disclaimer when relevant: ").append(disclaimer.strip()).append('\n')));
        system.append(useTools
                ? "- Prices only from quote_price/search_catalog results or the catalog list below; never any other number.\n"
                : "- Prices only from the catalog list below; if an item is not listed, a team member will confirm.\n");
        if (intents.size() > 1) {
            system.append("- The customer's messages ask, in order: ").append(resolution.describe())
                    .append(". Address each one, in that order, in one reply.\n");
        }
        returning.ifPresent(topic -> system.append("- The customer is back after a break. Last time they asked about: ")
                .append(topic).append(". Open by acknowledging it briefly (\"last time you asked about ").append(topic)
                .append(" - still need it?\").\n"));
        forgotten.ifPresent(question -> system.append("- The customer says we missed their question: \"")
                .append(clip(question.text(), 300)).append("\". Apologise briefly and answer that question now.\n"));

        List<Piece> pieces = new ArrayList<>();
        String memoryText = PromptBuilder.memoryPrompt(new ConversationMemory(memory.summary(), facts,
                memory.summarizedThrough(), memory.contextFrom()));
        if (!memoryText.isBlank()) {
            pieces.add(piece(ContextSection.MEMORY, memoryText, null));
        }
        Set<String> answering = toAnswer.stream().map(StoredMessage::messageId).collect(Collectors.toSet());
        for (StoredMessage earlier : snapshot.recentMessages()) {
            if (answering.contains(earlier.messageId()) || earlier.text() == null || earlier.text().isBlank()
                    || !memory.keepsTurn(earlier.receivedAt())) {
                continue;
            }
            ChatMessage message = earlier.isInbound() ? ChatMessage.user(PromptBuilder.asPromptText(earlier))
                    : ChatMessage.assistant(earlier.text());
            pieces.add(piece(ContextSection.RECENT_TURNS, message.content(), message));
        }
        for (KnowledgeHit hit : hits) {
            pieces.add(piece(ContextSection.KNOWLEDGE, "- " + hit.entry().title().strip() + ": "
                    + clip(hit.entry().content().strip(), 500) + "\n", null));
        }
        List<QuotedPrice> prices = new ArrayList<>();
        int days = GroundedAnswers.days(query);
        for (CatalogMatch match : matches) {
            String line = catalogLine(match.item());
            QuotedPrice.of(match.item()).ifPresent(prices::add);
            if (days > 1 && match.item().price() != null) {
                // The quote for the days asked about is a catalog price too.
                AgentTools.Quote quote = AgentTools.quote(match.item(), days);
                QuotedPrice total = new QuotedPrice(quote.total(), match.item().currency());
                prices.add(total);
                line += "; " + days + " days: " + total.formatted();
            }
            pieces.add(piece(ContextSection.CATALOG, "- " + line + "\n", null));
        }
        for (FollowUpRequest request : open) {
            pieces.add(piece(ContextSection.CUSTOMER_HISTORY, "- " + request.describe() + "\n", null));
        }

        // Amounts the business states itself (facts, the knowledge entries offered) are not invented either.
        List<java.math.BigDecimal> stated = new ArrayList<>();
        if (tenant.businessFacts() != null) {
            PriceGuard.mentions(tenant.businessFacts()).forEach(m -> stated.add(m.amount()));
        }
        hits.forEach(hit -> PriceGuard.mentions(hit.entry().content()).forEach(m -> stated.add(m.amount())));

        int budget = settings.budgetFor(tenant.id());
        int toolTokens = tokens.countTools(offered);
        List<String> dropped = new ArrayList<>();
        List<ChatMessage> messages = assemble(system.toString(), pieces, customerTurn, forgotten);
        int total = tokens.count(messages) + toolTokens;
        ContextSection[] lowestFirst = {ContextSection.CUSTOMER_HISTORY, ContextSection.CATALOG, ContextSection.KNOWLEDGE,
                ContextSection.RECENT_TURNS, ContextSection.MEMORY};
        Map<ContextSection, Integer> droppedCounts = new EnumMap<>(ContextSection.class);
        boolean trimmed = false;
        while (total > budget) {
            Piece victim = null;
            for (ContextSection section : lowestFirst) {
                victim = weakest(pieces, section);
                if (victim != null) {
                    break;
                }
            }
            if (victim == null) {
                break;
            }
            pieces.remove(victim);
            trimmed = true;
            droppedCounts.merge(victim.section(), 1, Integer::sum);
            if (victim.section() == ContextSection.CATALOG) {
                // A price no longer in the prompt is no longer one the reply may name.
                String droppedLine = victim.text();
                prices.removeIf(price -> droppedLine.contains(price.formatted()));
            }
            total -= cost(victim);
            if (total <= budget) {
                messages = assemble(system.toString(), pieces, customerTurn, forgotten);
                total = tokens.count(messages) + toolTokens;
            }
        }
        if (trimmed) {
            // Counted once more on the final text (dropped pieces' costs were estimates); untrimmed it is counted already.
            messages = assemble(system.toString(), pieces, customerTurn, forgotten);
            total = tokens.count(messages) + toolTokens;
        }
        for (ContextSection section : lowestFirst) {
            Integer count = droppedCounts.get(section);
            if (count != null) {
                dropped.add(section.wireName() + ":" + count);
            }
        }
        Map<ContextSection, Integer> included = new EnumMap<>(ContextSection.class);
        included.put(ContextSection.SYSTEM, 1);
        pieces.forEach(p -> included.merge(p.section(), 1, Integer::sum));
        ContextReport report = new ContextReport(budget, total, included, dropped);
        if (report.truncated()) {
            LOG.info("prompt for tenant {} trimmed to {} of {} tokens: dropped {}", tenant.id(), total, budget, dropped);
        }
        LlmRequest request = new LlmRequest(tenant.id(), messages, offered, turn.maxReplyTokens(), turn.temperature(),
                timeout, language);
        return new TurnContext(request, report, language, customerTurn, hits, matches, prices, stated, forgotten,
                returning, facts, factsChanged, threshold, resolution, open);
    }

    private static Piece piece(ContextSection section, String text, ChatMessage message) {
        return new Piece(section, text, message);
    }

    /**
     * What dropping a piece saves, estimated: counted only when the prompt is over budget (most prompts fit, and the
     * whole prompt is counted anyway).
     */
    private int cost(Piece piece) {
        // Framing of a turn message (role and separators) counts too.
        return tokens.count(piece.text()) + (piece.turnMessage() == null ? 0 : 4);
    }

    /** The first piece of a section in prompt order: the oldest turn, the weakest hit (hits come best first, so the last). */
    private static Piece weakest(List<Piece> pieces, ContextSection section) {
        if (section == ContextSection.RECENT_TURNS || section == ContextSection.MEMORY) {
            return pieces.stream().filter(p -> p.section() == section).findFirst().orElse(null);
        }
        Piece last = null;
        for (Piece piece : pieces) {
            if (piece.section() == section) {
                last = piece;
            }
        }
        return last;
    }

    private static List<ChatMessage> assemble(String system, List<Piece> pieces, String customerTurn,
                                              Optional<StoredMessage> forgotten) {
        StringBuilder head = new StringBuilder(system);
        appendSection(head, pieces, ContextSection.MEMORY, "");
        appendSection(head, pieces, ContextSection.KNOWLEDGE, "\nFrom the business's knowledge base (use if relevant):\n");
        appendSection(head, pieces, ContextSection.CATALOG, "\nCatalog items the customer may mean (prices from the catalog):\n");
        appendSection(head, pieces, ContextSection.CUSTOMER_HISTORY, "\nThis customer's open requests with us:\n");
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(head.toString()));
        pieces.stream().filter(p -> p.section() == ContextSection.RECENT_TURNS).forEach(p -> messages.add(p.turnMessage()));
        messages.add(ChatMessage.user(forgotten
                .map(question -> customerTurn + "\n[earlier question, still unanswered: " + clip(question.text(), 300) + "]")
                .orElse(customerTurn)));
        return messages;
    }

    private static void appendSection(StringBuilder head, List<Piece> pieces, ContextSection section, String title) {
        List<Piece> of = pieces.stream().filter(p -> p.section() == section).toList();
        if (!of.isEmpty()) {
            head.append(title);
            of.forEach(p -> head.append(p.text()));
        }
    }

    static String catalogLine(CatalogItem item) {
        StringBuilder line = new StringBuilder(item.name());
        line.append(" - ").append(item.price() == null ? "price on request"
                : Money.format(item.price(), item.currency()) + " " + item.priceUnit().wireName().replace('_', ' '));
        line.append(", ").append(item.availability().wireName().replace('_', ' '));
        if (!item.attributes().isEmpty()) {
            line.append(" (").append(item.attributes().entrySet().stream().limit(4)
                    .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        return line.toString();
    }

    private List<KnowledgeHit> safeSearch(Tenant tenant, String query) {
        try {
            return knowledge.search(tenant.id(), query, settings.knowledgeHits());
        } catch (RuntimeException e) {
            LOG.warn("knowledge search failed for tenant {}: {}", tenant.id(), e.toString());
            return List.of();
        }
    }

    /**
     * A follow-up about the item already being discussed ("warnanya apa?", "what's its mileage?") names no item, so
     * the search finds nothing (or only guesses); the item in the key facts is then put first as {@code IN_FOCUS}, so
     * the model sees its catalog line (price, stock, attributes). Not when the turn names an item exactly, nor when
     * its fuzzy matches point at other items ("what about the Xenia, what's its colour?" is not about the Avanza).
     */
    private List<CatalogMatch> withItemInFocus(Tenant tenant, List<CatalogMatch> matches, ConversationMemory memory,
                                               String customerTurn) {
        Optional<String> focus = KeyFacts.value(memory.keyFacts(), KeyFacts.ITEM);
        if (focus.isEmpty() || matches.stream().anyMatch(match -> match.kind() == CatalogMatch.Kind.EXACT)) {
            return matches;
        }
        Optional<CatalogItem> inFocus = safeMatch(tenant, focus.get()).stream()
                .filter(match -> match.kind() == CatalogMatch.Kind.EXACT && match.item().name().equalsIgnoreCase(focus.get()))
                .map(CatalogMatch::item).findFirst();
        if (inFocus.isEmpty() || !(MemoryCues.asksAboutItemInFocus(customerTurn)
                || ItemAttributes.asksAbout(customerTurn, inFocus.get()))) {
            return matches;
        }
        List<CatalogMatch> fuzzy = matches.stream().filter(match -> match.kind() == CatalogMatch.Kind.FUZZY).toList();
        if (!fuzzy.isEmpty() && fuzzy.stream().noneMatch(match -> match.item().id().equals(inFocus.get().id()))) {
            return matches;
        }
        List<CatalogMatch> withFocus = new ArrayList<>();
        withFocus.add(new CatalogMatch(inFocus.get(), 1.0, CatalogMatch.Kind.IN_FOCUS, customerTurn, inFocus.get().name()));
        matches.stream().filter(match -> !match.item().id().equals(inFocus.get().id())).forEach(withFocus::add);
        return withFocus.size() > settings.catalogMatches() ? withFocus.subList(0, settings.catalogMatches()) : withFocus;
    }

    private List<CatalogMatch> safeMatch(Tenant tenant, String query) {
        try {
            return catalog.match(tenant.id(), query, settings.catalogMatches());
        } catch (RuntimeException e) {
            LOG.warn("catalog match failed for tenant {}: {}", tenant.id(), e.toString());
            return List.of();
        }
    }

    private static List<FollowUpRequest> openOf(List<FollowUpRequest> known) {
        return known.stream().filter(FollowUpRequest::open).limit(OPEN_REQUESTS).toList();
    }

    private List<FollowUpRequest> safeHistory(ConversationSnapshot snapshot, Instant now) {
        try {
            return history.open(snapshot.conversation().key(), now, OPEN_REQUESTS);
        } catch (RuntimeException e) {
            LOG.warn("customer history unavailable: {}", e.toString());
            return List.of();
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
