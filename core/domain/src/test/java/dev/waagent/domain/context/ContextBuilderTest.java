package dev.waagent.domain.context;

import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.turn.TurnSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.waagent.domain.context.ContextFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ContextBuilderTest {

    private final Stores stores = new Stores();
    private final Knowledge knowledge = new Knowledge()
            .add("deposit", "Security deposit", "A refundable deposit of the item's value is held by card. ".repeat(6), 0.9)
            .add("fx3", "FX3 kit", "The FX3 comes with two batteries, a 128 GB card and the XLR handle. ".repeat(6), 0.8);
    private final AgentTools tools = new AgentTools(new Catalog(FX3, A7S3), stores, (t, k, n) -> { });

    private TurnContext build(int budget, List<StoredMessage> messages) {
        return build(budget, messages, List.of("name: Ravi"));
    }

    private TurnContext build(int budget, List<StoredMessage> messages, List<String> keyFacts) {
        ContextBuilder builder = new ContextBuilder(TOKENS, knowledge, new Catalog(FX3, A7S3), stores,
                new ContextSettings(budget, Map.of(), 3, 3), TurnSettings.defaults(), IntentRouter.rulesOnly());
        Conversation conversation = new Conversation(KEY, "Ravi", ConversationStatus.ACTIVE, null, null, false, null,
                new ConversationMemory("Ravi rents cameras for weddings.", keyFacts, null, null));
        StoredMessage last = messages.get(messages.size() - 1);
        return builder.build(PUNE, Optional.empty(), new ConversationSnapshot(conversation, messages), List.of(last),
                last.receivedAt(), Duration.ofSeconds(10), tools.definitions());
    }

    private static List<StoredMessage> longChat() {
        return conversation("hi", "Hello! How can I help?", "do you rent lenses too?", "Yes, Sony and Canon lenses.",
                "what about the deposit?", "A refundable deposit is held by card.",
                "ok and is the FX3 free on saturday, price for 2 days?");
    }

    @Test
    void everythingFitsAGenerousBudgetAndNothingIsDropped() {
        stores.record(new FollowUpRequest("r1", KEY, FollowUpRequest.Kind.BOOKING, "Sony A7S III", "Friday", "", T0, "OPEN"));
        TurnContext context = build(5_000, longChat());

        assertThat(context.report().truncated()).isFalse();
        String system = context.request().messages().get(0).content();
        assertThat(system).contains("Pune Camera Rentals", "Asia/Kolkata", "Ravi rents cameras", "FX3 kit",
                "Sony FX3 - ₹3,500 per day", "booking request: Sony A7S III");
        assertThat(context.request().messages()).extracting(ChatMessage::content).contains("do you rent lenses too?");
        assertThat(context.catalogPrices()).extracting(p -> p.formatted()).contains("₹3,500");
        assertThat(context.request().tools()).isNotEmpty();
    }

    @Test
    void openRequestsThatCameWithTheConversationAreListedWithoutAskingForThem() {
        stores.record(new FollowUpRequest("asked", KEY, FollowUpRequest.Kind.LEAD, "Canon R5", "", "", T0, "OPEN"));
        ContextBuilder builder = new ContextBuilder(TOKENS, knowledge, new Catalog(FX3, A7S3), stores,
                new ContextSettings(5_000, Map.of(), 3, 3), TurnSettings.defaults(), IntentRouter.rulesOnly());
        List<StoredMessage> messages = longChat();
        StoredMessage last = messages.get(messages.size() - 1);
        List<FollowUpRequest> known = List.of(
                new FollowUpRequest("r1", KEY, FollowUpRequest.Kind.BOOKING, "Sony A7S III", "Friday", "", T0, "OPEN"),
                new FollowUpRequest("r0", KEY, FollowUpRequest.Kind.LEAD, "Sony FX6", "", "", T0, "CLOSED"));

        TurnContext context = builder.build(PUNE, Optional.empty(), new ConversationSnapshot(
                        new Conversation(KEY, "Ravi", ConversationStatus.ACTIVE, null, null, false, null), messages, known),
                List.of(last), last.receivedAt(), Duration.ofSeconds(10), tools.definitions());

        assertThat(context.request().messages().get(0).content()).contains("booking request: Sony A7S III")
                .doesNotContain("Canon R5").doesNotContain("Sony FX6");
    }

    @Test
    void aTightBudgetDropsCustomerHistoryThenCatalogThenKnowledgeThenOldestTurnsAndRecordsIt() {
        stores.record(new FollowUpRequest("r1", KEY, FollowUpRequest.Kind.BOOKING, "Sony A7S III", "Friday", "", T0, "OPEN"));
        TurnContext full = build(5_000, longChat());
        int budget = full.report().promptTokens() - 200;
        TurnContext trimmed = build(budget, longChat());

        assertThat(trimmed.report().promptTokens()).isLessThanOrEqualTo(budget);
        assertThat(trimmed.report().dropped()).first().asString().startsWith("customer_history");
        String system = trimmed.request().messages().get(0).content();
        assertThat(system).contains("Pune Camera Rentals").doesNotContain("booking request: Sony A7S III");
        // The customer's turn is always there, last.
        List<ChatMessage> messages = trimmed.request().messages();
        assertThat(messages.get(messages.size() - 1).content()).contains("price for 2 days");
    }

    @Test
    void underAVeryTightBudgetTheOldestTurnsGoBeforeTheSummaryAndTheSystemPromptStays() {
        TurnContext trimmed = build(420, longChat());

        assertThat(trimmed.report().dropped()).anyMatch(d -> d.startsWith("recent_turns"));
        assertThat(trimmed.request().messages().get(0).content()).contains("You are Asha");
        assertThat(trimmed.request().messages()).extracting(ChatMessage::content).doesNotContain("hi");
    }

    @Test
    void aGreetingGetsNoToolsSoTheCacheCanServeIt() {
        TurnContext context = build(1_500, conversation("what is your address"));
        assertThat(context.request().tools()).isEmpty();
    }

    @Test
    void theReplyIsAskedInTheCustomersLanguage() {
        TurnContext context = build(1_500, conversation("Halo kak, apakah kamera FX3 bisa disewa besok? berapa harganya?"));
        assertThat(context.language().getLanguage()).isEqualTo("id");
        assertThat(context.request().messages().get(0).content()).contains("Reply in Bahasa Indonesia");
    }

    @Test
    void keyFactsOfTheTurnAreMergedIntoMemory() {
        TurnContext context = build(1_500, conversation("my name is Ravi Kumar, need the FX3 tomorrow, I am in Baner"));
        assertThat(context.keyFacts()).contains("name: Ravi Kumar", "item: Sony FX3", "dates: tomorrow", "location: Baner");
        assertThat(context.keyFactsChanged()).isTrue();
    }

    @Test
    void aFollowUpAboutTheItemInFocusBringsThatItemsCatalogLineWithoutNamingIt() {
        List<String> facts = List.of("name: Ravi", "item: Sony FX3");
        TurnContext context = build(1_500, conversation("do you have the FX3?", "Yes, it is in stock.",
                "what mount is it?"), facts);

        assertThat(context.catalogMatches()).extracting(match -> match.item().sku()).containsExactly("CAM-FX3");
        assertThat(context.catalogMatches().get(0).kind()).isEqualTo(dev.waagent.domain.catalog.CatalogMatch.Kind.IN_FOCUS);
        assertThat(context.request().messages().get(0).content()).contains("Sony FX3");
    }

    @Test
    void aFollowUpWhoseWordsPointAtAnotherItemDoesNotBorrowTheItemInFocus() {
        // "a7s" is a near miss of the A7S III: the customer moved on, the FX3 in focus is not what they ask about.
        Catalog exact = new Catalog(FX3, A7S3);
        dev.waagent.domain.catalog.CatalogLookup fuzzy = new dev.waagent.domain.catalog.CatalogLookup() {
            @Override
            public List<dev.waagent.domain.catalog.CatalogMatch> match(String tenantId, String text, int k) {
                return text.contains("a7s ") ? List.of(new dev.waagent.domain.catalog.CatalogMatch(A7S3, 0.7,
                        dev.waagent.domain.catalog.CatalogMatch.Kind.FUZZY, "a7s", "a7s3")) : exact.match(tenantId, text, k);
            }

            @Override
            public dev.waagent.domain.catalog.SpellingCorrection correct(String tenantId, String text) {
                return exact.correct(tenantId, text);
            }
        };
        ContextBuilder builder = new ContextBuilder(TOKENS, knowledge, fuzzy, stores, new ContextSettings(1_500, Map.of(), 3, 3),
                TurnSettings.defaults(), IntentRouter.rulesOnly());
        List<StoredMessage> messages = conversation("what about the a7s too, what mount is that one?");
        Conversation conversation = new Conversation(KEY, "Ravi", ConversationStatus.ACTIVE, null, null, false, null,
                new ConversationMemory(null, List.of("item: Sony FX3"), null, null));
        TurnContext context = builder.build(PUNE, Optional.empty(), new ConversationSnapshot(conversation, messages), messages,
                messages.get(0).receivedAt(), Duration.ofSeconds(10), tools.definitions());

        assertThat(context.catalogMatches()).extracting(match -> match.item().sku()).containsExactly("CAM-A7S3");
    }

    @Test
    void aQuestionThatIsNotAboutTheItemInFocusDoesNotBorrowIt() {
        TurnContext context = build(1_500, conversation("do you have the FX3?", "Yes, it is in stock.",
                "do you organise photography workshops?"), List.of("item: Sony FX3"));

        assertThat(context.catalogMatches()).isEmpty();
    }

    @Test
    void aTurnThatNamesAnItemKeepsItsOwnMatchFirst() {
        TurnContext context = build(1_500, conversation("what mount is the a7s3?"), List.of("item: Sony FX3"));

        assertThat(context.catalogMatches()).extracting(match -> match.item().sku()).containsExactly("CAM-A7S3");
    }
}
